# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_install
from . import test_i18n
from . import test_ui

# Odoo's test runner loads the test_* modules it finds in tests/: each capability's
# folder is star-imported for it, as core mail does with tests/discuss
from .conduct import *
from .grading import *
from .contract import *
from .aftersales import *
from . import test_fuzz
from .archive import *
from .sample import *
from .plan import *
from .dashboard import *
from .review import *
from .forecast import *
from .visit import *
from . import test_company_setup
from . import test_access_inventory
from .receivables import *
from .cycle import *
