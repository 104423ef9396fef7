from . import sale_customer_grade
from . import sale_customer_grade_history
from . import res_company
from . import res_config_settings
from . import res_partner
from . import sale_order
from . import mail_activity
