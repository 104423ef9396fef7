# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import res_config_settings
from . import sale_order
from . import sale_order_tier_validation
from . import sale_contract_signature
from . import sale_order_line
from . import tier_definition
from . import tier_review
from . import sale_contract_template
from . import sale_order_clauses
from . import sale_order_tier_messages
