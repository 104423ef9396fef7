# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_forecast_workflow
from . import test_forecast_reminder
from . import test_forecast_accuracy
from . import test_forecast_access
from . import test_forecast_tour
