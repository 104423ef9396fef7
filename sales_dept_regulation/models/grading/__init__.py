# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import res_config_settings
from . import sale_customer_grade
from . import sale_customer_grade_history
from . import sale_customer_order_stats
from . import res_partner
from . import res_partner_engine
from . import mail_activity
from . import sale_order
