# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import sale_conduct_rule
from . import sale_conduct_rule_band
from . import sale_conduct_fine
from . import sale_conduct_fine_workflow
from . import res_company
from . import res_config_settings
