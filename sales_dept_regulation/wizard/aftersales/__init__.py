# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import helpdesk_ticket_decline_wizard
from . import helpdesk_ticket_report_wizard
from . import helpdesk_ticket_close_wizard
