from . import customer_grading_xlsx
