# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_visit_plan
from . import test_work_log
from . import test_visit_automatic
from . import test_visit_access
from . import test_visit_tour
