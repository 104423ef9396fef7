# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleWorkLogCommentWizard(models.TransientModel):
    _name = "sale.work.log.comment.wizard"
    _description = "Comment on a Work Log"

    log_id = fields.Many2one("sale.work.log", string="Work Log", required=True, readonly=True)
    body = fields.Text(string="Comment", required=True)

    def action_comment(self):
        self.ensure_one()
        self.log_id.action_comment(self.body or "")
        return {"type": "ir.actions.act_window_close"}
