from . import sale_conduct_fine_xlsx
from . import customer_grading_xlsx
