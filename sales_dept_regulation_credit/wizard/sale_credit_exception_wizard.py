# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_dept_regulation.models.contract.tier_review import as_engine


class SaleCreditExceptionWizard(models.TransientModel):
    _name = "sale.credit.exception.wizard"
    _description = "Ask for a Credit Exception"

    order_id = fields.Many2one("sale.order", string="Contract", required=True, ondelete="cascade")
    reason = fields.Text(string="Why an Exception")

    def action_request(self):
        self.ensure_one()
        order = self.order_id.exists()
        if not order:
            raise UserError(self.env._("The contract no longer exists."))
        order.check_access("write")
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Please give the reason for the exception."))
        # the same checks as the contract's button, on the server
        order.action_sdr_credit_exception()
        exception = as_engine(self.env["sale.credit.exception"].sudo()).create(
            {
                "order_id": order.id,
                "reason": reason,
                "problem": order._credit_problem(),
                "amount_total": order.amount_total,
                "requested_by_id": self.env.uid,
            }
        )
        order.sudo().message_post(
            body=self.env._(
                "%(user)s asked the General Manager for a credit exception: %(reason)s",
                user=self.env.user.name,
                reason=reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.credit.exception",
            "res_id": exception.id,
            "view_mode": "form",
        }
