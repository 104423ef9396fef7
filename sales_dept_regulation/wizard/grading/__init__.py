from . import sale_customer_grade_lock
