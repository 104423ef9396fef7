# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import res_config_settings
from . import product_template
from . import mail_activity
from . import res_partner
from . import sale_work_log
from . import sale_order
from . import sale_work_log_comment
from . import sale_weekly_review
