from . import test_install
from . import test_i18n
from . import test_ui
from . import conduct
from . import grading
from . import contract
from . import test_fuzz
