from . import sale_conduct_fine_xlsx
