# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.tools import SQL


class SaleCustomerOrderStats(models.Model):
    """The order figures a customer's grade is computed from, one row per customer.

    Recounted from the orders by every full regrade (nightly), and advanced in
    place by each confirmation in between, so that a confirmation reads no
    orders. A table of its own rather than columns of res_partner: partner rows
    are locked by every order and invoice that points to them, and should not be
    rewritten on each confirmation.
    """

    _name = "sale.customer.order.stats"
    _description = "Customer Order Figures"
    _log_access = False

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, ondelete="cascade", readonly=True
    )
    last_order_date = fields.Date(string="Last Confirmed Order", readonly=True)
    sales_12m = fields.Float(
        string="Sales, Last 12 Months", digits=(16, 2), readonly=True,
        help="Untaxed, in the company currency.",
    )
    orders_12m = fields.Integer(string="Orders, Last 12 Months", readonly=True)
    counted_date = fields.Date(
        string="Recounted On",
        readonly=True,
        help="Day of the last full recount from the orders; confirmations of that day "
        "are added to it.",
    )

    _partner_unique = models.Constraint(
        "UNIQUE(partner_id)", "A customer has one row of order figures."
    )

    @api.model
    def _recount(self, partners, today, since, company):
        """Recount the confirmed orders of these customers (and their contacts) in
        their company (``company`` for a customer shared between companies); store
        the figures that changed and return them all, in one SQL statement:
        {partner id: (last order date, 12-month untaxed amount, 12-month orders)}."""
        self.env.cr.execute(
            SQL(
                """
                WITH counted AS (
                    SELECT cp.id AS partner_id,
                           max(so.date_order)::date AS last_order_date,
                           round(coalesce(sum(so.amount_untaxed
                                              / coalesce(nullif(so.currency_rate, 0), 1))
                                          FILTER (WHERE so.date_order >= %(since)s), 0), 2)
                               AS sales_12m,
                           count(so.id) FILTER (WHERE so.date_order >= %(since)s) AS orders_12m
                      FROM res_partner cp
                      JOIN res_partner p ON p.commercial_partner_id = cp.id
                 LEFT JOIN sale_order so ON so.partner_id = p.id
                                        AND so.state = 'sale'
                                        AND so.company_id = coalesce(cp.company_id, %(company)s)
                     WHERE cp.id = ANY(%(ids)s)
                     GROUP BY cp.id
                ), stored AS (
                    INSERT INTO sale_customer_order_stats AS s
                           (partner_id, last_order_date, sales_12m, orders_12m, counted_date)
                    SELECT partner_id, last_order_date, sales_12m, orders_12m, %(today)s
                      FROM counted
                     WHERE last_order_date IS NOT NULL
                    ON CONFLICT (partner_id) DO UPDATE
                       SET last_order_date = excluded.last_order_date,
                           sales_12m = excluded.sales_12m,
                           orders_12m = excluded.orders_12m,
                           counted_date = excluded.counted_date
                     WHERE (s.last_order_date, s.sales_12m, s.orders_12m, s.counted_date)
                           IS DISTINCT FROM
                           (excluded.last_order_date, excluded.sales_12m, excluded.orders_12m,
                            excluded.counted_date)
                ), cleared AS (
                    DELETE FROM sale_customer_order_stats s
                     USING counted
                     WHERE s.partner_id = counted.partner_id
                       AND counted.last_order_date IS NULL
                )
                SELECT partner_id, last_order_date, sales_12m, orders_12m FROM counted
                """,
                today=today,
                since=since,
                company=company.id,
                ids=partners.ids,
            )
        )
        figures = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        # nothing of this model is ever pending in the cache: no flush needed
        self.invalidate_model(flush=False)
        return figures

    @api.model
    def _add(self, increments):
        """Add {partner id: (order date, untaxed amount, orders)} to the stored
        figures and return the new figures of these customers, with the day they
        were last recounted (None for a customer that had none).

        Incremented in place in one statement: concurrent confirmations for the
        same customer cannot lose each other's order.
        """
        if not increments:
            return {}
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO sale_customer_order_stats AS s
                       (partner_id, last_order_date, sales_12m, orders_12m)
                VALUES %(rows)s
                ON CONFLICT (partner_id) DO UPDATE
                   SET last_order_date = greatest(s.last_order_date, excluded.last_order_date),
                       sales_12m = s.sales_12m + excluded.sales_12m,
                       orders_12m = s.orders_12m + excluded.orders_12m
                RETURNING partner_id, last_order_date, sales_12m, orders_12m, counted_date
                """,
                rows=SQL(", ").join(
                    SQL("(%s, %s, round(%s::numeric, 2), %s)", partner_id, *figures)
                    for partner_id, figures in increments.items()
                ),
            )
        )
        figures = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        self.invalidate_model(flush=False)
        return figures
