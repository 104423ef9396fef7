from . import test_install
from . import test_i18n
from . import test_ui
from . import test_contract_signature
from . import test_contract_access
from . import test_contract_tour
