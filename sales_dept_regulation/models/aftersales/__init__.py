# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import helpdesk_ticket_team
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_category
from . import helpdesk_ticket
from . import helpdesk_ticket_workflow
from . import helpdesk_ticket_sla
from . import helpdesk_sla
from . import ir_module_module
from . import res_partner
from . import res_company
from . import res_users
