# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_credit_gate
from . import test_credit_access
from . import test_credit_access_inventory
from . import test_credit_tour
from . import test_credit_contract_story_tour
from . import test_credit_fuzz
