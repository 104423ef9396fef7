# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import sale_delay_cause_wizard
from . import sale_order_cycle_report_wizard
