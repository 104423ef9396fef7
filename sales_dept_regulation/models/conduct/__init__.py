from . import sale_conduct_rule
from . import sale_conduct_rule_band
from . import sale_conduct_fine
