# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import res_config_settings
from . import sale_forecast
from . import sale_forecast_line
from . import sale_forecast_workflow
from . import sale_forecast_accuracy
from . import sale_weekly_review
