# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_phonecall
from . import test_kpi
from . import test_access
from . import test_i18n
from . import test_tour
