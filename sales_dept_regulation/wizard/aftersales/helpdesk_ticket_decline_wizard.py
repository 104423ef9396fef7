# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class HelpdeskTicketDeclineWizard(models.TransientModel):
    _name = "helpdesk.ticket.decline.wizard"
    _description = "Decline an After-Sales Request"

    ticket_ids = fields.Many2many("helpdesk.ticket", string="Requests", required=True)
    reason = fields.Text(required=True)

    def action_decline(self):
        self.ensure_one()
        # the ticket's action checks the role, the state and the reason
        self.ticket_ids.action_decline(self.reason)
        return {"type": "ir.actions.act_window_close"}
