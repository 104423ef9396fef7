# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..values import check_values

# a promised or follow-up day later than this is a typo (9999-12-31)
PROMISE_DATE_MAX = datetime.date(2999, 12, 31)
# what a client may give a new promise; the rest is the invoice's or the user's
PROMISE_FIELDS = {"move_id", "promised_date", "note"}


class SaleReceivablePromise(models.Model):
    """A customer's promise to pay an overdue invoice by a date, recorded by the
    customer's salesperson. A promise is never changed nor deleted: a new
    promise supersedes it, and the invoice keeps the history of them all (the
    promises, and a note in the invoice's chatter for each; a promise has no
    chatter of its own, nothing of it ever changes to be tracked)."""

    _name = "sale.receivable.promise"
    _description = "Promise of Payment"
    _order = "id desc"
    _rec_name = "move_id"

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        # only a draft or cancelled invoice can be deleted: its promises go with it
        ondelete="cascade",
    )
    partner_id = fields.Many2one(
        related="move_id.commercial_partner_id", string="Customer", store=True, readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        related="move_id.company_id", string="Company", store=True, readonly=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    promised_date = fields.Date(string="Promised Payment Date", required=True, readonly=True)
    amount_residual = fields.Monetary(string="Amount Due When Promised", readonly=True)
    note = fields.Text()

    # ------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        # the access rights first: a user without them learns nothing of the invoice
        self.check_access("create")
        if not self.env.su:
            for vals in vals_list:
                unknown = set(vals) - PROMISE_FIELDS
                if unknown:
                    raise UserError(
                        self.env._(
                            "A promise of payment records only the invoice, the date and a note."
                        )
                    )
        today = fields.Date.context_today(self)
        for vals in vals_list:
            move_id = vals.get("move_id")
            move = self.env["account.move"].sudo().browse(move_id if type(move_id) is int else [])
            if not move.exists():
                raise UserError(
                    self.env._("Choose the overdue invoice the customer promises to pay.")
                )
            promised = fields.Date.to_date(vals.get("promised_date") or None)
            if not promised:
                raise UserError(self.env._("Enter the promised payment date."))
            if promised < today:
                raise UserError(self.env._("The promised payment date cannot be before today."))
            if promised > PROMISE_DATE_MAX:
                raise UserError(
                    self.env._("The promised payment date is too far ahead: check its year.")
                )
            if not self.env.su:
                self._check_can_promise(move)
                vals["user_id"] = self.env.uid
            vals["amount_residual"] = move.amount_residual_signed
        promises = super().create(vals_list)
        for promise in promises:
            promise._log_on_invoice()
        return promises

    def write(self, vals):
        # a promise is kept as it was made: a new promise supersedes it
        if not self.env.su and vals:
            raise UserError(
                self.env._("A promise of payment cannot be changed: record a new promise instead.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(
                self.env._("A promise of payment cannot be deleted: it is the invoice's history.")
            )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _salesperson(self, move):
        """The salesperson who collects ``move``: the invoice's, else the
        customer's (as the receivables view counts it)."""
        move = move.sudo()
        return move.invoice_user_id or move.commercial_partner_id.user_id

    @api.model
    def _check_can_promise(self, move):
        """Refuse unless ``move`` is an overdue invoice and the current user is
        its salesperson."""
        move = move.sudo()
        if not (
            move.move_type == "out_invoice"
            and move.state == "posted"
            and move.amount_residual_signed > 0
        ):
            raise UserError(
                self.env._("Only a posted customer invoice with an amount due takes a promise.")
            )
        if self._salesperson(move) != self.env.user:
            raise UserError(
                self.env._(
                    "Only the customer's salesperson, %(user)s, records a promise of "
                    "payment on invoice %(invoice)s.",
                    user=self._salesperson(move).name or self.env._("nobody"),
                    invoice=move.name,
                )
            )

    def _log_on_invoice(self):
        """The promise in the invoice's chatter, where the accountants read it."""
        self.ensure_one()
        body = self.env._(
            "Promise of payment by %(date)s, recorded by %(user)s.",
            date=fields.Date.to_string(self.promised_date),
            user=self.user_id.name,
        )
        if self.note:
            body = f"{body}\n{self.note}"
        self.move_id.sudo().message_post(
            body=body,
            author_id=self.user_id.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
