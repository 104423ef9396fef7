# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The overdue receivables of each salesperson: a reporting view over the
posted customer invoices, read straight from Odoo's own accounting data (the
residual and the due date of the invoice), so it is always as current as the
invoices themselves and needs no run nor configuration."""

import datetime

from odoo import api, fields, models
from odoo.tools import SQL

# the ageing buckets, by days past the due date; their keys sort in their order
AGEING = [
    ("1_30", "1-30 days"),
    ("31_60", "31-60 days"),
    ("61_90", "61-90 days"),
    ("91_plus", "Over 90 days"),
]
# the context key a report sets to read the receivables as they stood at the
# end of a past day. Only a date object is taken: JSON cannot send one, so an
# RPC client cannot set it (and a date only picks the day, never the records a
# user may see: the record rules stay the rules).
AS_OF_KEY = "sale_receivable_as_of"


class SaleReceivableOverdue(models.Model):
    """One overdue customer invoice: posted, residual > 0, due date before
    today (the user's today, in the user's time zone).

    The salesperson is the invoice's salesperson (``invoice_user_id``), else the
    customer's: the one core already lets read the invoice (its "Personal
    Invoices" rule), so she can open it, see its payments and schedule its
    follow-up activities without any wider access to accounting."""

    _name = "sale.receivable.overdue"
    _description = "Overdue Receivable"
    _auto = False
    _rec_name = "name"
    _order = "days_overdue desc, id"
    # flushed before the view is read
    _depends = {
        "account.move": [
            "name",
            "move_type",
            "state",
            "commercial_partner_id",
            "invoice_user_id",
            "company_id",
            "invoice_date",
            "invoice_date_due",
            "amount_total_signed",
            "amount_residual_signed",
        ],
        "res.partner": ["user_id"],
        "sale.receivable.promise": ["move_id", "promised_date"],
        "mail.activity": ["res_model", "res_id", "date_deadline"],
    }

    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    name = fields.Char(string="Number", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    invoice_date = fields.Date(readonly=True)
    invoice_date_due = fields.Date(string="Due Date", readonly=True)
    amount_total = fields.Monetary(string="Invoiced", readonly=True)
    amount_residual = fields.Monetary(string="Amount Due", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    ageing = fields.Selection(AGEING, readonly=True)
    promise_date = fields.Date(string="Promised Payment Date", readonly=True)
    promise_broken = fields.Boolean(
        readonly=True,
        help="The customer promised to pay by a date that has passed.",
    )
    promise_count = fields.Integer(string="Promises", readonly=True, aggregator="sum")
    next_activity_date = fields.Date(
        string="Next Follow-up",
        readonly=True,
        help="The earliest deadline of the invoice's open activities.",
    )
    can_promise = fields.Boolean(compute="_compute_can_promise")

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends_context("uid")
    def _compute_can_promise(self):
        for line in self:
            line.can_promise = line.user_id.id == self.env.uid

    # ------------------------------------------------------------
    # THE QUERY
    # ------------------------------------------------------------

    def _as_of(self):
        """The day the receivables are read at: today in the user's time zone,
        or the past day a report asks for."""
        today = fields.Date.context_today(self)
        as_of = self.env.context.get(AS_OF_KEY)
        if type(as_of) is datetime.date and as_of < today:
            return as_of
        return today

    @property
    def _table_query(self):
        return self._overdue_query(self._as_of())

    def _overdue_query(self, as_of):
        """The overdue invoices at the end of ``as_of``. For today the residual
        is the invoice's; for a past day, the payments reconciled after that
        day are added back (what was still owed then)."""
        historic = as_of < fields.Date.context_today(self)
        if historic:
            residual = SQL("m.amount_residual_signed + COALESCE(later.amount, 0)")
            later = SQL(
                """
                LEFT JOIN LATERAL (
                    SELECT SUM(apr.amount) AS amount
                      FROM account_move_line l
                      JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
                     WHERE l.move_id = m.id AND apr.max_date > %(as_of)s
                ) later ON TRUE
                """,
                as_of=as_of,
            )
            open_invoices = SQL(
                "m.invoice_date <= %(as_of)s "
                "AND m.amount_residual_signed + COALESCE(later.amount, 0) > 0",
                as_of=as_of,
            )
        else:
            residual = SQL("m.amount_residual_signed")
            later = SQL("")
            open_invoices = SQL("m.amount_residual_signed > 0")
        days = SQL("(%(as_of)s::date - m.invoice_date_due)", as_of=as_of)
        return SQL(
            """
            SELECT m.id AS id,
                   m.id AS move_id,
                   m.name AS name,
                   m.commercial_partner_id AS partner_id,
                   COALESCE(m.invoice_user_id, p.user_id) AS user_id,
                   m.company_id AS company_id,
                   c.currency_id AS currency_id,
                   m.invoice_date AS invoice_date,
                   m.invoice_date_due AS invoice_date_due,
                   m.amount_total_signed AS amount_total,
                   %(residual)s AS amount_residual,
                   %(days)s AS days_overdue,
                   CASE WHEN %(days)s <= 30 THEN '1_30'
                        WHEN %(days)s <= 60 THEN '31_60'
                        WHEN %(days)s <= 90 THEN '61_90'
                        ELSE '91_plus' END AS ageing,
                   pr.promised_date AS promise_date,
                   COALESCE(pr.promised_date < %(as_of)s, FALSE) AS promise_broken,
                   COALESCE(pr.promise_count, 0) AS promise_count,
                   act.date_deadline AS next_activity_date
              FROM account_move m
              JOIN res_company c ON c.id = m.company_id
              LEFT JOIN res_partner p ON p.id = m.commercial_partner_id
              LEFT JOIN (
                    SELECT DISTINCT ON (move_id) move_id, promised_date,
                           COUNT(*) OVER (PARTITION BY move_id) AS promise_count
                      FROM sale_receivable_promise
                     ORDER BY move_id, id DESC
              ) pr ON pr.move_id = m.id
              LEFT JOIN (
                    SELECT res_id, MIN(date_deadline) AS date_deadline
                      FROM mail_activity
                     WHERE res_model = 'account.move' AND active
                     GROUP BY res_id
              ) act ON act.res_id = m.id
              %(later)s
             WHERE m.move_type = 'out_invoice'
               AND m.state = 'posted'
               AND m.invoice_date_due < %(as_of)s
               AND %(open_invoices)s
            """,
            residual=residual,
            days=days,
            as_of=as_of,
            later=later,
            open_invoices=open_invoices,
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "views": [[False, "form"]],
        }

    def action_promise(self):
        """The dialog where the customer's salesperson records a promise."""
        self.ensure_one()
        self.env["sale.receivable.promise"]._check_can_promise(self.move_id)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Promise of Payment"),
            "res_model": "sale.receivable.promise.wizard",
            "views": [[False, "form"]],
            "target": "new",
            "context": {"default_move_id": self.move_id.id},
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _overdue_by_ageing(self, users):
        """The hook other capabilities read (the weekly review): for each of
        ``users``, {bucket: (invoices, amount due)} of her overdue receivables
        today, every bucket present; one query, under the reader's rules."""
        figures = {user: {bucket: (0, 0.0) for bucket, _label in AGEING} for user in users}
        for user, bucket, count, amount in self._read_group(
            [("user_id", "in", users.ids)],
            ["user_id", "ageing"],
            ["__count", "amount_residual:sum"],
        ):
            figures[user][bucket] = (count, amount)
        return figures
