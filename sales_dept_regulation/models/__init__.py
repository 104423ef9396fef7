from . import res_company
from . import res_config_settings
from . import conduct
from . import grading
from . import contract
