from . import test_contract_signature
from . import test_contract_access
from . import test_contract_tour
from . import test_contract_server_rules
