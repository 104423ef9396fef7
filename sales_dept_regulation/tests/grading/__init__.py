from . import test_customer_grading
from . import test_customer_grading_access
from . import test_customer_grading_tour
from . import test_customer_grading_rules
