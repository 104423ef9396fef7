# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ...models.values import check_values


class SalePlanReasonWizard(models.TransientModel):
    """Asks the reason for cancelling a plan, then calls action_cancel, which
    checks who may cancel what."""

    _name = "sale.plan.reason.wizard"
    _description = "Sales Plan: Reason"

    plan_id = fields.Many2one("sale.plan", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        return super().create(vals_list)

    def action_confirm(self):
        self.ensure_one()
        self.plan_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
