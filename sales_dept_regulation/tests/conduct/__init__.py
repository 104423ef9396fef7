# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_conduct_rule
from . import test_conduct_fine
from . import test_conduct_appeal
from . import test_conduct_access
from . import test_conduct_report
from . import test_conduct_tour
from . import test_conduct_guard
from . import test_conduct_notice
from . import test_conduct_four_eyes
from . import test_conduct_phone_tour_zh
