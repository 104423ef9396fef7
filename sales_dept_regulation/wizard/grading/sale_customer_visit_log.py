# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError


class SaleCustomerVisitLog(models.TransientModel):
    _name = "sale.customer.visit.log"
    _description = "Record a Customer Visit"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    note = fields.Text(
        string="Visit Summary",
        required=True,
        help="What was discussed and agreed: it is kept in the customer's chatter.",
    )

    def action_log_visit(self):
        self.ensure_one()
        if not (self.note or "").strip():
            raise UserError(self.env._("Write the summary of the visit."))
        return self.partner_ids.action_log_customer_visit(note=self.note.strip())
