from . import sale_order
from . import sale_contract_signature
from . import sale_order_line
from . import tier_definition
from . import tier_review
