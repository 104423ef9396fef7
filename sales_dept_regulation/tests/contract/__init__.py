# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_contract_signature
from . import test_contract_access
from . import test_contract_tour
from . import test_contract_server_rules
from . import test_contract_documents
from . import test_contract_tour_zh
from . import test_contract_phone_tour
from . import test_contract_oca_boundary
from . import test_contract_admin_review
