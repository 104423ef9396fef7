from . import test_install
from . import test_i18n
from . import test_ui
from . import test_customer_grading
from . import test_customer_grading_access
from . import test_customer_grading_tour
