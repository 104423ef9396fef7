# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_dashboard
from . import test_dashboard_tour
from . import test_dashboard_expressions
from . import test_dashboard_roles
