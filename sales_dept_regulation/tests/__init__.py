# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_install
from . import test_i18n
from . import test_ui
from . import conduct
from . import grading
from . import contract
from . import aftersales
from . import test_fuzz
from . import archive
from . import sample
from . import dashboard
