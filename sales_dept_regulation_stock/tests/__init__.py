# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_contract_delivery
from . import test_i18n
from . import test_order_cycle
