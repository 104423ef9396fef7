# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_plan_workflow
from . import test_plan_achievement
from . import test_plan_access
from . import test_plan_tour
from . import test_plan_weekly_review
