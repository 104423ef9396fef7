# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_sample_fee
from . import test_sample_workflow
from . import test_sample_access
from . import test_sample_tour
from . import test_sample_demo_tours
from . import test_sample_day_one
