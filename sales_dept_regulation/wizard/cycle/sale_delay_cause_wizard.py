# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleDelayCauseWizard(models.TransientModel):
    """The dialog where the salesperson or the Department Head records why an
    order is late: the only way the cause reaches the order."""

    _name = "sale.delay.cause.wizard"
    _description = "Record a Delay Cause"

    order_id = fields.Many2one("sale.order", required=True, readonly=True)
    cause_id = fields.Many2one("sale.delay.cause", string="Delay Cause", required=True)
    note = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        self.order_id._sdr_record_delay_cause(self.cause_id, self.note)
        return {"type": "ir.actions.act_window_close"}
