from . import sale_conduct_fine_reason_wizard
from . import sale_conduct_fine_report_wizard
