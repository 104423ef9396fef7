# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from ...models.aftersales.helpdesk_ticket import SERVICE_STATUSES


class HelpdeskTicketCloseWizard(models.TransientModel):
    _name = "helpdesk.ticket.close.wizard"
    _description = "Close an After-Sales Request"

    ticket_ids = fields.Many2many("helpdesk.ticket", string="Requests", required=True)
    service_status = fields.Selection(SERVICE_STATUSES, string="Outcome", required=True)
    result = fields.Text(required=True)

    def action_close(self):
        self.ensure_one()
        # the ticket's action checks the state, the outcome and the result
        self.ticket_ids.action_close_after_sales(self.service_status, self.result)
        return {"type": "ir.actions.act_window_close"}
