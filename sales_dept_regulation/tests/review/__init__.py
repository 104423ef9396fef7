# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from .test_weekly_review import *
from .test_weekly_review_tour import *
from .test_weekly_review_plan import *
