# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_customer_grading
from . import test_customer_grading_access
from . import test_customer_grading_tour
from . import test_customer_grading_rules
from . import test_customer_grading_onboarding
from . import test_customer_file_tour_zh
from . import test_customer_grading_locked_sample
from . import test_customer_order_figures
