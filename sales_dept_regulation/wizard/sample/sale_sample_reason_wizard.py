# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from ...models.sample.sale_mould_fee_rule import check_record_ids
from ...models.values import check_values


class SaleSampleReasonWizard(models.TransientModel):
    """Asks the reason (or the customer's answer) an action of a sample request
    needs, then calls that action: the action checks who may do what."""

    _name = "sale.sample.reason.wizard"
    _description = "Sample Request: Reason"

    request_id = fields.Many2one("sale.sample.request", required=True, ondelete="cascade")
    action = fields.Selection(
        [
            ("cancel", "Cancel"),
            ("exception", "Ask for an Exception"),
            ("override", "Start the Mould Before Payment"),
            ("feedback", "Customer Feedback"),
        ],
        required=True,
    )
    result = fields.Selection(
        [("approved", "Approved"), ("rejected", "Rejected"), ("revise", "Needs a Revision")],
        string="Customer's Answer",
    )
    reason = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_record_ids(self, vals_list)
        return super().create(vals_list)

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        if self.action == "cancel":
            request.action_cancel(self.reason)
        elif self.action == "exception":
            request.action_request_exception(self.reason)
        elif self.action == "override":
            request.action_override_mould_gate(self.reason)
        elif self.action == "feedback":
            if not self.result:
                raise UserError(self.env._("Choose the customer's answer."))
            request.action_feedback(self.result, self.reason)
        return {"type": "ir.actions.act_window_close"}
