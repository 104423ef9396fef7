# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import sale_plan_reason_wizard
from . import sale_plan_salesperson_wizard
