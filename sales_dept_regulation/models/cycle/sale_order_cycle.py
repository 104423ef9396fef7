# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The order cycle (003: counted every quarter, the causes of delays analysed
every month): for every confirmed order, the days from its confirmation to its
delivery, its first invoice and its payment, and whether it was late against
the date committed to the customer. A reporting view over the orders and their
invoices, so it is as current as they are and needs no job."""

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]
# the columns the statistics may be grouped by
STATISTICS_GROUPS = (
    "company_id",
    "user_id",
    "team_id",
    "year",
    "quarter",
    "month",
    "due_month",
    "delay_cause_id",
)
# how many days back the daily job asks for the causes of late orders: an
# order late for longer was asked already, or predates the addon
DELAY_REQUEST_DAYS = 60


class SaleOrderCycle(models.Model):
    """One confirmed order (state ``sale``) and its cycle.

    Days are counted between local dates, in the salesperson's time zone (the
    company's when she has none), as the plan's achievement counts months:
    the figures of an order do not change with who reads them.

    - confirmed: the order date (Odoo sets it to the confirmation time);
    - committed: the commitment date, else the expected date (order date plus
      the shortest lead time of its lines, as Odoo computes it);
    - delivered: ``_cycle_delivered_sql()``; without Inventory the day the
      delivered quantity of the order's last line reached its ordered quantity
      (``sdr_delivered_date``, set by the server); the Inventory bridge reads
      the done date of the last outgoing picking;
    - invoiced: the invoice date of the first posted customer invoice;
    - paid: once nothing is left to invoice and all its posted customer
      invoices are paid, the day of the last payment reconciled with them;
    - late: delivered after the committed day, or not delivered and the
      committed day has passed."""

    _name = "sale.order.cycle"
    _description = "Order Cycle"
    _auto = False
    _order = "confirmed_on desc, id desc"
    _rec_name = "order_id"
    # flushed before the view is read
    _depends = {
        "sale.order": [
            "state",
            "company_id",
            "user_id",
            "team_id",
            "partner_id",
            "date_order",
            "commitment_date",
            "invoice_status",
            "sdr_delivered_date",
            "sdr_delay_cause_id",
        ],
        "sale.order.line": ["order_id", "customer_lead", "display_type", "invoice_lines"],
        "account.move": ["move_type", "state", "invoice_date", "payment_state"],
        "account.move.line": ["move_id"],
        "account.partial.reconcile": ["debit_move_id", "max_date"],
        "res.users": ["partner_id"],
        "res.partner": ["tz"],
        "res.company": ["partner_id"],
    }

    order_id = fields.Many2one("sale.order", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    confirmed_on = fields.Date(readonly=True)
    committed_on = fields.Date(string="Committed Date", readonly=True)
    delivered_on = fields.Date(readonly=True)
    invoiced_on = fields.Date(string="First Invoice On", readonly=True)
    paid_on = fields.Date(readonly=True)
    days_to_delivery = fields.Integer(string="Days to Delivery", readonly=True, aggregator="avg")
    days_to_invoice = fields.Integer(string="Days to Invoice", readonly=True, aggregator="avg")
    days_to_payment = fields.Integer(string="Days to Payment", readonly=True, aggregator="avg")
    is_late = fields.Boolean(string="Late", readonly=True)
    late_rate = fields.Float(
        string="Late Share (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="The share of late orders among the orders counted.",
    )
    late_count = fields.Integer(string="Late Orders", readonly=True, aggregator="sum")
    delay_cause_id = fields.Many2one("sale.delay.cause", readonly=True)
    month = fields.Date(string="Month Confirmed", readonly=True)
    quarter = fields.Selection(QUARTERS, readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    due_month = fields.Date(
        string="Month Due",
        readonly=True,
        help="The month of the committed date: the month whose delays the order counts in.",
    )

    # ------------------------------------------------------------
    # THE QUERY
    # ------------------------------------------------------------

    @property
    def _table_query(self):
        return self._cycle_sql()

    @api.model
    def _cycle_delivered_sql(self):
        """The UTC time the order ``so`` was fully delivered, NULL while it is
        not: the hook the Inventory bridge overrides with its pickings."""
        return SQL("so.sdr_delivered_date")

    @api.model
    def _cycle_sql(self):
        late = SQL("d.committed_on < COALESCE(d.delivered_on, d.today)")
        return SQL(
            """
            SELECT so.id AS id,
                   so.id AS order_id,
                   so.company_id AS company_id,
                   so.user_id AS user_id,
                   so.team_id AS team_id,
                   so.partner_id AS partner_id,
                   so.sdr_delay_cause_id AS delay_cause_id,
                   d.confirmed_on AS confirmed_on,
                   d.committed_on AS committed_on,
                   d.delivered_on AS delivered_on,
                   l.invoiced_on AS invoiced_on,
                   l.paid_on AS paid_on,
                   d.delivered_on - d.confirmed_on AS days_to_delivery,
                   l.invoiced_on - d.confirmed_on AS days_to_invoice,
                   l.paid_on - d.confirmed_on AS days_to_payment,
                   %(late)s AS is_late,
                   CASE WHEN %(late)s THEN 100.0 ELSE 0.0 END AS late_rate,
                   CASE WHEN %(late)s THEN 1 ELSE 0 END AS late_count,
                   date_trunc('month', d.confirmed_on)::date AS month,
                   extract(quarter FROM d.confirmed_on)::int::varchar AS quarter,
                   extract(year FROM d.confirmed_on)::int AS year,
                   date_trunc('month', d.committed_on)::date AS due_month
              FROM sale_order so
              JOIN res_company c ON c.id = so.company_id
              LEFT JOIN res_partner cp ON cp.id = c.partner_id
              LEFT JOIN res_users u ON u.id = so.user_id
              LEFT JOIN res_partner up ON up.id = u.partner_id
              LEFT JOIN LATERAL (
                    SELECT MIN(sol.customer_lead) AS lead,
                           MIN(am.invoice_date) AS invoiced_on,
                           CASE WHEN so.invoice_status IN ('invoiced', 'upselling')
                                 AND bool_and(am.payment_state IN ('paid', 'in_payment'))
                                THEN MAX(pay.paid_on) END AS paid_on
                      FROM sale_order_line sol
                      LEFT JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
                      LEFT JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                      LEFT JOIN account_move am ON am.id = aml.move_id
                                               AND am.move_type = 'out_invoice'
                                               AND am.state = 'posted'
                      LEFT JOIN LATERAL (
                            SELECT MAX(apr.max_date) AS paid_on
                              FROM account_move_line rl
                              JOIN account_partial_reconcile apr ON apr.debit_move_id = rl.id
                             WHERE rl.move_id = am.id
                               AND am.payment_state IN ('paid', 'in_payment')
                      ) pay ON TRUE
                     WHERE sol.order_id = so.id AND sol.display_type IS NULL
              ) l ON TRUE
              CROSS JOIN LATERAL (
                    SELECT COALESCE(NULLIF(up.tz, ''), NULLIF(cp.tz, ''), 'UTC') AS tz
              ) z
              CROSS JOIN LATERAL (
                    SELECT timezone(z.tz, so.date_order AT TIME ZONE 'UTC')::date AS confirmed_on,
                           timezone(z.tz, COALESCE(
                               so.commitment_date,
                               so.date_order + COALESCE(l.lead, 0) * interval '1 day'
                           ) AT TIME ZONE 'UTC')::date AS committed_on,
                           timezone(z.tz, (%(delivered)s) AT TIME ZONE 'UTC')::date
                               AS delivered_on,
                           timezone(z.tz, %(now)s::timestamp AT TIME ZONE 'UTC')::date
                               AS today
              ) d
             WHERE so.state = 'sale'
            """,
            late=late,
            delivered=self._cycle_delivered_sql(),
            # the server's time, not the database's: the same clock as the ORM's
            now=fields.Datetime.now(),
        )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _late_order_ids(self, order_ids):
        """The ids of the late orders among ``order_ids`` (under the reader's rules)."""
        return set(self.search([("id", "in", list(order_ids)), ("is_late", "=", True)]).ids)

    @api.model
    def _cycle_statistics(self, domain, groupby):
        """The cycle statistics of the rows of ``domain`` grouped by ``groupby``
        (names of STATISTICS_GROUPS, e.g. ["year", "quarter", "user_id"]), under
        the reader's record rules, in one query: the hook the reports and the
        weekly review read. Returns a list of dicts with the group's values
        (ids for the many2ones) and ``orders``, ``late``, ``late_share`` (%),
        ``avg_delivery``, ``median_delivery``, ``avg_invoice``,
        ``median_invoice``, ``avg_payment``, ``median_payment`` (days, None
        when no order of the group got there)."""
        unknown = set(groupby) - set(STATISTICS_GROUPS)
        if unknown:
            raise UserError(self.env._("The order cycle cannot be grouped so."))
        self.browse().check_access("read")
        query = self._search(domain)
        columns = [SQL.identifier(self._table, name) for name in groupby]
        measures = [SQL("COUNT(*)"), SQL("SUM(%s)", SQL.identifier(self._table, "late_count"))]
        for name in ("days_to_delivery", "days_to_invoice", "days_to_payment"):
            column = SQL.identifier(self._table, name)
            measures.append(SQL("AVG(%s)", column))
            measures.append(SQL("percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)", column))
        if columns:
            query.groupby = SQL(", ").join(columns)
            query.order = SQL(", ").join(columns)
        else:
            query.order = None
        self.env.cr.execute(query.select(*columns, *measures))
        keys = [
            "orders",
            "late",
            "avg_delivery",
            "median_delivery",
            "avg_invoice",
            "median_invoice",
            "avg_payment",
            "median_payment",
        ]
        rows = []
        for values in self.env.cr.fetchall():
            row = dict(zip(groupby, values[: len(groupby)], strict=True))
            figures = dict(zip(keys, values[len(groupby) :], strict=True))
            for key in keys[2:]:
                if figures[key] is not None:
                    figures[key] = float(figures[key])
            figures["late"] = int(figures["late"] or 0)
            figures["late_share"] = (
                100.0 * figures["late"] / figures["orders"] if figures["orders"] else 0.0
            )
            row.update(figures)
            rows.append(row)
        return rows

    @api.model
    def _cron_request_delay_causes(self):
        """Ask the salesperson of each late order without a cause for it: one
        activity per order, never a second while one is open. Only the orders
        due in the last DELAY_REQUEST_DAYS days: older ones were asked already."""
        activity_type = self.env.ref(
            "sales_dept_regulation.mail_activity_type_delay_cause", raise_if_not_found=False
        )
        if not activity_type:
            return
        since = fields.Date.today() - datetime.timedelta(days=DELAY_REQUEST_DAYS)
        late = self.sudo().search(
            [
                ("is_late", "=", True),
                ("delay_cause_id", "=", False),
                ("user_id", "!=", False),
                ("committed_on", ">=", since),
            ]
        )
        orders = late.order_id
        asked = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "sale.order"),
                    ("res_id", "in", orders.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        to_ask = orders.filtered(lambda order: order.id not in asked)
        for user in to_ask.user_id:
            user_orders = to_ask.filtered(lambda order, user=user: order.user_id == user)
            user_orders.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                user_id=user.id,
                summary=activity_type.with_context(lang=user.lang).summary,
            )
        return to_ask
