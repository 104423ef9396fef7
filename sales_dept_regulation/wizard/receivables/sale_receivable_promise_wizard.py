# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError

from ...models.receivables.sale_receivable_promise import PROMISE_DATE_MAX

FOLLOWUP_ACTIVITY = "sales_dept_regulation.mail_activity_type_receivable_followup"


class SaleReceivablePromiseWizard(models.TransientModel):
    """The salesperson records what the customer promised and, if she wants,
    the day she follows the invoice up (an activity on the invoice, hers)."""

    _name = "sale.receivable.promise.wizard"
    _description = "Promise of Payment"

    move_id = fields.Many2one("account.move", string="Invoice", required=True, readonly=True)
    promised_date = fields.Date(string="Promised Payment Date", required=True)
    note = fields.Text()
    followup_date = fields.Date(
        string="Follow up on",
        help="Schedules a follow-up activity on the invoice, assigned to you, on this day.",
    )

    def action_confirm(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        if self.followup_date and self.followup_date < today:
            raise UserError(self.env._("The follow-up day cannot be before today."))
        if self.followup_date and self.followup_date > PROMISE_DATE_MAX:
            raise UserError(self.env._("The follow-up day is too far ahead: check its year."))
        promise = self.env["sale.receivable.promise"].create(
            {"move_id": self.move_id.id, "promised_date": self.promised_date, "note": self.note}
        )
        if self.followup_date:
            # the salesperson reads the invoice (core's personal invoices rule),
            # and account.move takes activities from its readers
            self.move_id.activity_schedule(
                FOLLOWUP_ACTIVITY,
                date_deadline=self.followup_date,
                summary=self.env._("Promised payment by %(date)s", date=promise.promised_date),
                user_id=self.env.uid,
            )
        return {"type": "ir.actions.act_window_close"}
