# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .sale_plan import QUARTERS

# Each source row is tagged by its kind in the report's id, so that a row of
# the report (a group) has an id of its own that does not change between two
# reads, without a window over the whole view (which would stop PostgreSQL from
# pushing a filter on the salesperson or the month down into the sources).
KINDS = 3


# the addon's index on a core table, dropped by the uninstall hook
INVOICE_USER_INDEX = "account_move_sdr_invoice_user_id_index"


class SalePlanAchievement(models.Model):
    """Plan and achievement per company, salesperson, region (sales team) and
    month: a PostgreSQL view, read with _read_group by the pivot, the graph,
    the landing page tile and the weekly review.

    - plan: the lines of the approved plan (the plan in force);
    - ordered: confirmed orders (state ``sale``), untaxed, in the company's
      currency, in the month of their order date in the salesperson's time zone
      (the company's when the salesperson has none);
    - invoiced: posted customer invoices minus refunds, untaxed, in the
      company's currency, by invoice date and the invoice's salesperson;
    - paid: the part of that untaxed amount already paid (the invoice's paid
      share, amount_residual), in the month of the invoice, not of the payment:
      so that a month's invoices and their collection read side by side.

    A view rather than a table refreshed by a job: the benchmark
    (tests/test_bench_plan.py) measures the view within a small factor of the
    plain SQL aggregate, and a view is never stale."""

    _name = "sale.plan.achievement"
    _description = "Sales Plan Achievement"
    _auto = False
    _order = "month desc, user_id"
    _rec_name = "user_id"
    # what the view reads: the ORM flushes these before it queries the view
    _depends = {
        "sale.plan.line": ["company_id", "user_id", "team_id", "month", "amount", "plan_state"],
        "sale.order": [
            "company_id",
            "user_id",
            "team_id",
            "date_order",
            "amount_untaxed",
            "currency_rate",
            "state",
        ],
        "account.move": [
            "company_id",
            "invoice_user_id",
            "team_id",
            "invoice_date",
            "amount_untaxed_signed",
            "amount_total_signed",
            "amount_residual_signed",
            "state",
            "move_type",
        ],
        "res.users": ["partner_id"],
        "res.partner": ["tz"],
        "res.company": ["partner_id"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Region", readonly=True)
    month = fields.Date(readonly=True)
    quarter = fields.Selection(QUARTERS, readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    plan_amount = fields.Monetary(string="Planned", readonly=True)
    ordered_amount = fields.Monetary(string="Ordered", readonly=True)
    invoiced_amount = fields.Monetary(string="Invoiced", readonly=True)
    paid_amount = fields.Monetary(string="Paid", readonly=True)
    completion = fields.Float(
        string="Completion (%)",
        compute="_compute_completion",
        digits=(16, 1),
        help="Ordered amount against the planned amount.",
    )

    @api.depends("plan_amount", "ordered_amount")
    def _compute_completion(self):
        for row in self:
            row.completion = (
                100.0 * row.ordered_amount / row.plan_amount if row.plan_amount else 0.0
            )

    @api.model
    def _achievement_sql(self):
        """The view's query; also the benchmark's subject."""
        local_month = SQL(
            "date_trunc('month', timezone(COALESCE(NULLIF(up.tz, ''), NULLIF(cp.tz, ''), 'UTC'),"
            " so.date_order AT TIME ZONE 'UTC'))::date"
        )
        return SQL(
            """
            SELECT min(src.key) AS id,
                   src.company_id, src.user_id, src.team_id, src.month,
                   extract(year FROM src.month)::int AS year,
                   extract(quarter FROM src.month)::int::varchar AS quarter,
                   sum(src.plan_amount) AS plan_amount,
                   sum(src.ordered_amount) AS ordered_amount,
                   sum(src.invoiced_amount) AS invoiced_amount,
                   sum(src.paid_amount) AS paid_amount
              FROM (
                    SELECT l.id * %(kinds)s AS key, l.company_id, l.user_id, l.team_id, l.month,
                           l.amount AS plan_amount, 0.0 AS ordered_amount,
                           0.0 AS invoiced_amount, 0.0 AS paid_amount
                      FROM sale_plan_line l
                     WHERE l.plan_state = 'approved'
                 UNION ALL
                    SELECT so.id * %(kinds)s + 1, so.company_id, so.user_id, so.team_id,
                           %(local_month)s,
                           0.0,
                           so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0),
                           0.0, 0.0
                      FROM sale_order so
                      JOIN res_company c ON c.id = so.company_id
                      LEFT JOIN res_partner cp ON cp.id = c.partner_id
                      LEFT JOIN res_users u ON u.id = so.user_id
                      LEFT JOIN res_partner up ON up.id = u.partner_id
                     WHERE so.state = 'sale' AND so.user_id IS NOT NULL
                 UNION ALL
                    SELECT am.id * %(kinds)s + 2, am.company_id, am.invoice_user_id, am.team_id,
                           date_trunc('month', am.invoice_date)::date,
                           0.0, 0.0,
                           am.amount_untaxed_signed,
                           CASE WHEN am.amount_total_signed = 0 THEN 0.0
                                ELSE am.amount_untaxed_signed
                                     * (am.amount_total_signed - am.amount_residual_signed)
                                     / am.amount_total_signed
                           END
                      FROM account_move am
                     WHERE am.state = 'posted'
                       AND am.move_type IN ('out_invoice', 'out_refund')
                       AND am.invoice_user_id IS NOT NULL
                       AND am.invoice_date IS NOT NULL
                   ) src
             GROUP BY src.company_id, src.user_id, src.team_id, src.month
            """,
            kinds=KINDS,
            local_month=local_month,
        )

    def init(self):
        # a salesperson's rows (her tile, her weekly review) filter the view by
        # user: without this index every read scans all the posted invoices
        tools.create_index(
            self.env.cr,
            INVOICE_USER_INDEX,
            "account_move",
            ["invoice_user_id"],
            where="invoice_user_id IS NOT NULL",
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._achievement_sql(),
            )
        )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _plan_achievement(self, domain, groupby):
        """Planned, ordered, invoiced and paid amounts grouped by ``groupby``
        (e.g. ["user_id", "month:month"]), under the user's record rules: the
        hook the weekly review reads. Returns a list of dicts."""
        aggregates = [
            "plan_amount:sum",
            "ordered_amount:sum",
            "invoiced_amount:sum",
            "paid_amount:sum",
        ]
        rows = []
        for row in self._read_group(domain, groupby, aggregates):
            keys, values = row[: len(groupby)], row[len(groupby) :]
            item = dict(zip(groupby, keys, strict=True))
            item.update(
                zip(("plan", "ordered", "invoiced", "paid"), values, strict=True),
            )
            rows.append(item)
        return rows
