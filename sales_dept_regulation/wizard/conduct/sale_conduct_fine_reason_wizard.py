# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

REASON_ACTIONS = [
    ("cancel", "Cancel the Fine"),
    ("appeal", "Appeal"),
    ("uphold", "Uphold the Appeal"),
    ("reject", "Reject the Appeal"),
]


class SaleConductFineReasonWizard(models.TransientModel):
    _name = "sale.conduct.fine.reason.wizard"
    _description = "Reason for a Fine Decision"

    fine_id = fields.Many2one("sale.conduct.fine", required=True, ondelete="cascade")
    action = fields.Selection(REASON_ACTIONS, required=True, readonly=True)
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        fine = self.fine_id
        if self.action == "cancel":
            fine.action_cancel(self.reason)
        elif self.action == "appeal":
            fine.action_appeal(self.reason)
        else:
            fine.action_appeal_decide(self.action == "uphold", self.reason)
        return {"type": "ir.actions.act_window_close"}
