# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import SQL


class SaleTelemarketingKpi(models.Model):
    """The telemarketing KPIs of the regulations (000 §工作流程4) per telemarketer,
    company and month: calls, new customers, growth and plan completion.

    A row per (telemarketer, company, month) where the telemarketer held a call or
    had an order confirmed. Months are calendar months in the telemarketer's own
    time zone (her user's tz, UTC when she has none). Amounts are untaxed, in the
    company's currency at the order's rate.

    - calls: her held calls (state Held), inbound and outbound;
    - new contacts: customers (commercial partners) whose first held call in the
      company is hers, that month;
    - new customers: customers whose first confirmed order in the company came from
      one of her calls (the call's next-day quotation), confirmed that month;
    - growth: the confirmed orders of her customers (those she has held a call
      with) this month, the month before and the same month a year before;
    - plan completion: her own confirmed orders (she is their salesperson) against
      her plan target, read by ``_sdr_plan_target_sql``.
    """

    _name = "sale.telemarketing.kpi"
    _description = "Telemarketing KPI"
    _auto = False
    _order = "month desc, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", string="Telemarketer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    month = fields.Date(readonly=True, help="The first day of the month.")
    call_count = fields.Integer(string="Calls", readonly=True)
    call_in_count = fields.Integer(string="Inbound Calls", readonly=True)
    call_out_count = fields.Integer(string="Outbound Calls", readonly=True)
    new_contact_count = fields.Integer(
        string="New Contacts",
        readonly=True,
        help="Customers whose first held call in the company was hers, this month.",
    )
    new_customer_count = fields.Integer(
        string="New Customers",
        readonly=True,
        help="Customers whose first confirmed order came from one of her calls, "
        "confirmed this month.",
    )
    quotation_count = fields.Integer(
        string="Next-Day Quotations",
        readonly=True,
        help="Quotations created from her calls this month.",
    )
    customer_sales_amount = fields.Monetary(
        string="Her Customers' Sales",
        readonly=True,
        help="Confirmed orders of the customers she has called, this month.",
    )
    customer_sales_prev_month = fields.Monetary(
        string="Her Customers' Sales Last Month", readonly=True
    )
    customer_sales_last_year = fields.Monetary(
        string="Her Customers' Sales a Year Ago", readonly=True
    )
    growth_month_rate = fields.Float(
        string="Growth on Last Month (%)",
        readonly=True,
        aggregator="avg",
        help="Empty in the sum of several rows: compare the amounts instead.",
    )
    growth_year_rate = fields.Float(
        string="Growth on a Year Ago (%)", readonly=True, aggregator="avg"
    )
    achieved_amount = fields.Monetary(
        string="Achieved",
        readonly=True,
        help="Her own confirmed orders (she is the salesperson), this month.",
    )
    plan_target_amount = fields.Monetary(string="Plan Target", readonly=True)
    plan_completion_rate = fields.Float(
        string="Plan Completion (%)", readonly=True, aggregator="avg"
    )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sdr_plan_target_sql(self):
        """The plan target of the row ``k`` (columns user_id, company_id, month), an SQL
        expression: her lines of the plan in force (approved) for that month."""
        return """(SELECT SUM(pl.amount) FROM sale_plan_line pl
                    WHERE pl.user_id = k.user_id AND pl.company_id = k.company_id
                      AND pl.month = k.month AND pl.plan_state = 'approved')"""

    def _query(self):
        # one read-only query over the calls and orders, read like a database view
        return f"""
            WITH telemarketer AS (
                SELECT DISTINCT c.user_id, COALESCE(NULLIF(p.tz, ''), 'UTC') AS tz
                  FROM crm_phonecall c
                  JOIN res_users u ON u.id = c.user_id
                  JOIN res_partner p ON p.id = u.partner_id
            ),
            held_call AS (
                SELECT c.id, c.user_id, c.direction,
                       COALESCE(c.company_id, u.company_id) AS company_id,
                       cp.commercial_partner_id AS customer_id, c.date,
                       date_trunc('month', (c.date AT TIME ZONE 'UTC') AT TIME ZONE t.tz)::date
                           AS month
                  FROM crm_phonecall c
                  JOIN telemarketer t ON t.user_id = c.user_id
                  JOIN res_users u ON u.id = c.user_id
                  LEFT JOIN res_partner cp ON cp.id = c.partner_id
                 WHERE c.state = 'done' AND c.active AND c.date IS NOT NULL
            ),
            confirmed AS (
                SELECT so.id, so.user_id, so.company_id, so.date_order, so.sdr_phonecall_id,
                       sp.commercial_partner_id AS customer_id,
                       so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1) AS amount
                  FROM sale_order so
                  JOIN res_partner sp ON sp.id = so.partner_id
                 WHERE so.state = 'sale'
            ),
            calls AS (
                SELECT user_id, company_id, month, COUNT(*) AS call_count,
                       COUNT(*) FILTER (WHERE direction = 'in') AS call_in_count,
                       COUNT(*) FILTER (WHERE direction = 'out') AS call_out_count
                  FROM held_call
                 GROUP BY user_id, company_id, month
            ),
            first_call AS (
                SELECT DISTINCT ON (company_id, customer_id) company_id, customer_id,
                       user_id, month
                  FROM held_call
                 WHERE customer_id IS NOT NULL
                 ORDER BY company_id, customer_id, date, id
            ),
            new_contacts AS (
                SELECT user_id, company_id, month, COUNT(*) AS new_contact_count
                  FROM first_call
                 GROUP BY user_id, company_id, month
            ),
            first_order AS (
                SELECT DISTINCT ON (company_id, customer_id) company_id, customer_id,
                       date_order, sdr_phonecall_id
                  FROM confirmed
                 ORDER BY company_id, customer_id, date_order, id
            ),
            new_customers AS (
                SELECT c.user_id, fo.company_id,
                       date_trunc('month', (fo.date_order AT TIME ZONE 'UTC')
                                           AT TIME ZONE t.tz)::date AS month,
                       COUNT(*) AS new_customer_count
                  FROM first_order fo
                  JOIN crm_phonecall c ON c.id = fo.sdr_phonecall_id
                  JOIN telemarketer t ON t.user_id = c.user_id
                 GROUP BY c.user_id, fo.company_id, 3
            ),
            quotations AS (
                SELECT c.user_id, so.company_id,
                       date_trunc('month', (so.create_date AT TIME ZONE 'UTC')
                                           AT TIME ZONE t.tz)::date AS month,
                       COUNT(*) AS quotation_count
                  FROM sale_order so
                  JOIN crm_phonecall c ON c.id = so.sdr_phonecall_id
                  JOIN telemarketer t ON t.user_id = c.user_id
                 GROUP BY c.user_id, so.company_id, 3
            ),
            achieved AS (
                SELECT o.user_id, o.company_id,
                       date_trunc('month', (o.date_order AT TIME ZONE 'UTC')
                                           AT TIME ZONE t.tz)::date AS month,
                       SUM(o.amount) AS amount
                  FROM confirmed o
                  JOIN telemarketer t ON t.user_id = o.user_id
                 GROUP BY o.user_id, o.company_id, 3
            ),
            her_customer AS (
                SELECT DISTINCT user_id, company_id, customer_id
                  FROM held_call
                 WHERE customer_id IS NOT NULL
            ),
            customer_sales AS (
                SELECT hc.user_id, hc.company_id,
                       date_trunc('month', (o.date_order AT TIME ZONE 'UTC')
                                           AT TIME ZONE t.tz)::date AS month,
                       SUM(o.amount) AS amount
                  FROM her_customer hc
                  JOIN telemarketer t ON t.user_id = hc.user_id
                  JOIN confirmed o
                    ON o.company_id = hc.company_id AND o.customer_id = hc.customer_id
                 GROUP BY hc.user_id, hc.company_id, 3
            ),
            k AS (
                SELECT user_id, company_id, month FROM calls
                 UNION
                SELECT user_id, company_id, month FROM achieved
                 UNION
                SELECT user_id, company_id, month FROM new_customers
            ),
            kpi AS (
                SELECT k.user_id, k.company_id, k.month,
                       COALESCE(calls.call_count, 0) AS call_count,
                       COALESCE(calls.call_in_count, 0) AS call_in_count,
                       COALESCE(calls.call_out_count, 0) AS call_out_count,
                       COALESCE(nc.new_contact_count, 0) AS new_contact_count,
                       COALESCE(nw.new_customer_count, 0) AS new_customer_count,
                       COALESCE(q.quotation_count, 0) AS quotation_count,
                       COALESCE(cs.amount, 0) AS customer_sales_amount,
                       COALESCE(cs_prev.amount, 0) AS customer_sales_prev_month,
                       COALESCE(cs_year.amount, 0) AS customer_sales_last_year,
                       COALESCE(a.amount, 0) AS achieved_amount,
                       {self._sdr_plan_target_sql()} AS plan_target_amount
                  FROM k
                  LEFT JOIN calls USING (user_id, company_id, month)
                  LEFT JOIN new_contacts nc USING (user_id, company_id, month)
                  LEFT JOIN new_customers nw USING (user_id, company_id, month)
                  LEFT JOIN quotations q USING (user_id, company_id, month)
                  LEFT JOIN achieved a USING (user_id, company_id, month)
                  LEFT JOIN customer_sales cs USING (user_id, company_id, month)
                  LEFT JOIN customer_sales cs_prev
                    ON cs_prev.user_id = k.user_id AND cs_prev.company_id = k.company_id
                   AND cs_prev.month = (k.month - interval '1 month')::date
                  LEFT JOIN customer_sales cs_year
                    ON cs_year.user_id = k.user_id AND cs_year.company_id = k.company_id
                   AND cs_year.month = (k.month - interval '1 year')::date
            )
            SELECT row_number() OVER (ORDER BY kpi.month, kpi.user_id, kpi.company_id) AS id,
                   kpi.*, rc.currency_id,
                   CASE WHEN kpi.customer_sales_prev_month > 0
                        THEN 100.0 * (kpi.customer_sales_amount - kpi.customer_sales_prev_month)
                             / kpi.customer_sales_prev_month
                   END AS growth_month_rate,
                   CASE WHEN kpi.customer_sales_last_year > 0
                        THEN 100.0 * (kpi.customer_sales_amount - kpi.customer_sales_last_year)
                             / kpi.customer_sales_last_year
                   END AS growth_year_rate,
                   CASE WHEN kpi.plan_target_amount > 0
                        THEN 100.0 * kpi.achieved_amount / kpi.plan_target_amount
                   END AS plan_completion_rate
              FROM kpi
              JOIN res_company rc ON rc.id = kpi.company_id
        """

    @property
    def _table_query(self):
        # what the query reads, flushed first: a KPI read right after a write
        # in the same transaction sees it
        fields_read = {
            "crm.phonecall": ("user_id", "state", "active", "date", "direction", "partner_id")
            + ("company_id",),
            "res.partner": ("commercial_partner_id", "tz"),
            "res.users": ("partner_id", "company_id"),
            "sale.order": ("state", "user_id", "company_id", "date_order", "partner_id")
            + ("amount_untaxed", "currency_rate", "sdr_phonecall_id", "create_date"),
            "sale.plan.line": ("user_id", "company_id", "month", "amount", "plan_state"),
        }
        return SQL(
            self._query(),
            to_flush=[
                self.env[model]._fields[name]
                for model, names in fields_read.items()
                for name in names
            ],
        )
