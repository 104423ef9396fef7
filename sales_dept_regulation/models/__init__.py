# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import tier_validation
from . import conduct
from . import grading
from . import contract
from . import archive
from . import sample
from . import dashboard
from . import aftersales
from . import review
from . import receivables
from . import visit
from . import plan
from . import tier_review
from . import tier_messages
from . import res_groups
from . import mail_followers
from . import ir_module_module
from . import forecast
from . import cycle
