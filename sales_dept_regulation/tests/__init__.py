from . import test_install
from . import test_i18n
from . import test_ui
