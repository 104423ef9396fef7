# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import month_report
from . import conduct
from . import grading
from . import contract
from . import archive
from . import sample
from . import aftersales
from . import receivables
from . import forecast
from . import visit
from . import plan
from . import cycle
