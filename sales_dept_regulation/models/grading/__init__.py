from . import sale_customer_grade
from . import sale_customer_grade_history
from . import sale_customer_order_stats
from . import res_partner
from . import mail_activity
