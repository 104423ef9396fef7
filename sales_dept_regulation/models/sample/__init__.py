# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import res_config_settings
from . import sale_mould_fee_rule
from . import sale_market_budget
from . import sale_sample_request
from . import sale_sample_request_workflow
from . import sale_sample_request_tier_validation
from . import sale_sample_request_stats
from . import tier_definition
from . import tier_review
from . import res_partner
from . import sale_order
from . import sale_order_line
from . import res_users
