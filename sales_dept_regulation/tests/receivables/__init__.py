# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_receivables
from . import test_receivables_access
from . import test_receivables_demo
