# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import res_config_settings
from . import sale_credit_assessment
from . import sale_credit_exception
from . import res_partner
from . import tier_definition
from . import sale_order
from . import engine_visibility
