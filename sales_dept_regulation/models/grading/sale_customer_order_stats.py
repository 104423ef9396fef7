# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import namedtuple
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.tools import SQL

# what a confirmation needs to regrade a customer: its new figures and its grading
AddedFigures = namedtuple(
    "AddedFigures",
    "last_order_date sales_12m orders_12m counted_date company_id customer_stage "
    "customer_grade_id customer_grade_locked customer_expected_volume customer_interest_level",
)
# what a full recount returns of a customer: its figures and what the grading
# reads and writes of it
RecountedCustomer = namedtuple(
    "RecountedCustomer",
    "partner_id last_order_date sales_12m orders_12m company_id customer_stage "
    "customer_grade_id customer_grade_locked customer_expected_volume "
    "customer_interest_level user_id customer_last_visit_date",
)
GRADING_STATE_FIELDS = [
    "company_id",
    "customer_stage",
    "customer_grade_id",
    "customer_grade_locked",
    "customer_expected_volume",
    "customer_interest_level",
]
# Statements over this many customers or more (a chunk of the nightly regrade,
# an import) are planned for index lookups, without JIT compilation (see
# bulk_planning); a confirmation's statements over one customer need neither,
# nor the queries that set them.
BULK_ROWS = 100
BULK_SETTINGS = ("jit", "enable_hashjoin", "enable_mergejoin")


@contextmanager
def bulk_planning(cr, rows):
    """Plan the statements run inside for ``rows`` customers by index lookups
    and without JIT when they are many, and only them: for a chunk of a few
    thousand customers, PostgreSQL would rather scan the whole of res_partner
    for each chunk, and compile the statement (JIT) for longer than it runs
    (150 ms against 40 ms for 2,000 customers). Re-entrant: the outermost sets
    and resets."""
    if rows < BULK_ROWS or getattr(cr, "_sdr_bulk_planning", False):
        yield
        return
    cr.execute(" ".join(f"SET LOCAL {name} = off;" for name in BULK_SETTINGS))
    cr._sdr_bulk_planning = True
    try:
        yield
    finally:
        cr._sdr_bulk_planning = False
    cr.execute(" ".join(f"SET LOCAL {name} TO DEFAULT;" for name in BULK_SETTINGS))


# A PL/pgSQL function rather than a query: PostgreSQL plans it once per
# connection, where the same statement sent as a query is planned at every
# confirmation (0.2 ms of planning for its three uses of res_partner).
# It appends one row of figures per customer (a delta: no counted_date) and
# returns the customer's figures with it: the rows it sees plus the new one (a
# statement does not see its own INSERT). Appending never updates the customer's
# row of counted figures, so a confirmation takes no lock on it: confirmations
# for one customer do not queue behind each other's commit. It also triggers the
# job that folds the appended rows (fold_cron_id) a minute later: a row of
# ir_cron_trigger, as ir.cron._trigger(at) writes it (and as ir.cron itself does
# in SQL), without the two more queries of its ORM create on every confirmation;
# the cron worker runs the job once for all the confirmations of that minute.
ADD_ORDERS_FUNCTION = """
DROP FUNCTION IF EXISTS sale_customer_order_stats_add(
    integer[], integer[], date[], numeric[], integer);
DROP FUNCTION IF EXISTS sale_customer_order_stats_add(
    integer[], integer[], date[], numeric[], integer, integer);
CREATE FUNCTION sale_customer_order_stats_add(
    order_partner_ids integer[], order_company_ids integer[], order_days date[],
    order_amounts numeric[], current_company_id integer, fold_cron_id integer)
RETURNS TABLE (
    customer_id integer, last_order_date date, sales_12m numeric, orders_12m integer,
    counted_date date, company_id integer, customer_stage varchar,
    customer_grade_id integer, customer_grade_locked boolean,
    customer_expected_volume numeric, customer_interest_level varchar)
LANGUAGE plpgsql AS $function$
#variable_conflict use_column
BEGIN
    IF fold_cron_id IS NOT NULL THEN
        INSERT INTO ir_cron_trigger (cron_id, call_at)
        VALUES (fold_cron_id, now() AT TIME ZONE 'UTC' + interval '1 minute');
    END IF;
    RETURN QUERY
    WITH increments AS (
        SELECT cp.id AS partner_id, max(o.day) AS last_order_date,
               round(sum(o.amount), 2) AS sales_12m, count(*)::integer AS orders_12m,
               cp.company_id, cp.customer_stage, cp.customer_grade_id,
               cp.customer_grade_locked, cp.customer_expected_volume,
               cp.customer_interest_level
          FROM unnest(order_partner_ids, order_company_ids, order_days, order_amounts)
               AS o (partner_id, company_id, day, amount)
          JOIN res_partner p ON p.id = o.partner_id
          JOIN res_partner cp ON cp.id = p.commercial_partner_id
         WHERE o.company_id = coalesce(cp.company_id, current_company_id)
         GROUP BY cp.id
    ), appended AS (
        INSERT INTO sale_customer_order_stats
               (partner_id, last_order_date, sales_12m, orders_12m)
        SELECT partner_id, last_order_date, sales_12m, orders_12m FROM increments
    )
    SELECT i.partner_id, greatest(s.last_order_date, i.last_order_date),
           coalesce(s.sales_12m, 0) + i.sales_12m,
           (coalesce(s.orders_12m, 0) + i.orders_12m)::integer, s.counted_date,
           i.company_id, i.customer_stage, i.customer_grade_id,
           i.customer_grade_locked, i.customer_expected_volume, i.customer_interest_level
      FROM increments i
CROSS JOIN LATERAL (
           SELECT max(f.last_order_date) AS last_order_date, sum(f.sales_12m) AS sales_12m,
                  sum(f.orders_12m) AS orders_12m, max(f.counted_date) AS counted_date
             FROM sale_customer_order_stats f
            WHERE f.partner_id = i.partner_id
           ) s;
END
$function$
"""


class SaleCustomerOrderStats(models.Model):
    """The order figures a customer's grade is computed from: the sum of its rows.

    One row of counted figures per customer (``counted_date`` set), recounted
    from the orders by every full regrade (nightly, a cancellation, the fold
    job), and one row appended by each confirmation in between (a delta, no
    ``counted_date``), so that a confirmation reads no orders and locks no row
    (concurrent confirmations for one customer would queue behind each other's
    commit on a row they both update). A recount replaces the deltas it counted;
    the fold job recounts the customers with deltas soon after their
    confirmations. A table of its own rather than columns of res_partner:
    partner rows are locked by every order and invoice that points to them, and
    should not be rewritten on each confirmation.
    """

    _name = "sale.customer.order.stats"
    _description = "Customer Order Figures"
    _log_access = False

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        readonly=True,
        index=True,
    )
    last_order_date = fields.Date(string="Last Confirmed Order", readonly=True)
    sales_12m = fields.Float(
        string="Sales, Last 12 Months",
        digits=(16, 2),
        readonly=True,
        help="Untaxed, in the company currency.",
    )
    orders_12m = fields.Integer(string="Orders, Last 12 Months", readonly=True)
    counted_date = fields.Date(
        string="Recounted On",
        readonly=True,
        help="Day of the last full recount from the orders; empty on the rows the "
        "confirmations added since, which the next recount replaces.",
    )

    _partner_counted_unique = models.UniqueIndex(
        "(partner_id) WHERE counted_date IS NOT NULL",
        "A customer has one row of counted order figures.",
    )

    @api.model
    def _recount(self, partners, today, since, company, store=True):
        """Recount the confirmed orders of these customers (and their contacts) in
        their company (``company`` for a customer shared between companies) and
        return the figures with what the grading reads of each customer, in one
        SQL statement: a list of RecountedCustomer. With ``store``, the same
        statement stores the figures that changed as the customer's counted row
        and deletes the rows the confirmations added, which the recount counted.

        Driven by the customers' ids (index lookups of each customer, its
        contacts and their orders), not by a join the planner answers with scans
        of res_partner for every chunk (the caller plans a chunk with
        bulk_planning). A customer whose counted row is today's with nothing
        added since is neither written nor locked: a regrade with nothing to
        change writes nothing.

        Under REPEATABLE READ, the rows added by confirmations are deleted only
        if they are in the statement's snapshot, as are their orders: a
        confirmation committed after it keeps its row, on top of the new count.
        """
        counted = SQL(
            """
            counted AS (
                SELECT f.*
                  FROM unnest(%(ids)s::int[]) AS c (id)
            CROSS JOIN LATERAL (
                SELECT cp.id AS partner_id, max(so.date_order)::date AS last_order_date,
                       round(coalesce(sum(so.amount_untaxed
                                          / coalesce(nullif(so.currency_rate, 0), 1))
                                      FILTER (WHERE so.date_order >= %(since)s), 0), 2)
                           AS sales_12m,
                       count(so.id) FILTER (WHERE so.date_order >= %(since)s)
                           AS orders_12m,
                       cp.company_id, cp.customer_stage, cp.customer_grade_id,
                       cp.customer_grade_locked, cp.customer_expected_volume,
                       cp.customer_interest_level, cp.user_id, cp.customer_last_visit_date
                  FROM res_partner cp
                  JOIN res_partner p ON p.commercial_partner_id = cp.id
             LEFT JOIN sale_order so ON so.partner_id = p.id
                                    AND so.state = 'sale'
                                    AND so.company_id = coalesce(cp.company_id, %(company)s)
                 WHERE cp.id = c.id
                 GROUP BY cp.id
                       ) f
            )
            """,
            since=since,
            company=company.id,
            ids=partners.ids,
        )
        columns = SQL(
            """
            SELECT partner_id, last_order_date, sales_12m, orders_12m, company_id,
                   customer_stage, customer_grade_id, customer_grade_locked,
                   customer_expected_volume, customer_interest_level, user_id,
                   customer_last_visit_date
            """
        )
        if not store:
            self.env.cr.execute(SQL("WITH %s %s FROM counted", counted, columns))
            return [RecountedCustomer(*row) for row in self.env.cr.fetchall()]
        self.env.cr.execute(
            SQL(
                """
                WITH %(counted)s, compared AS (
                    SELECT counted.*, s.rows > 0 AS stored_before,
                           s.deltas > 0
                           OR (s.last_order_date, s.sales_12m, s.orders_12m, s.counted_date)
                              IS DISTINCT FROM
                              (counted.last_order_date, counted.sales_12m,
                               counted.orders_12m, %(today)s::date) AS changed
                      FROM counted
                CROSS JOIN LATERAL (
                           -- the customer's rows, looked up by its index for each
                           -- customer: its counted row and how many were added
                           SELECT count(*) AS rows,
                                  count(*) FILTER (WHERE counted_date IS NULL) AS deltas,
                                  max(last_order_date) FILTER (WHERE counted_date IS NOT NULL)
                                      AS last_order_date,
                                  max(sales_12m) FILTER (WHERE counted_date IS NOT NULL)
                                      AS sales_12m,
                                  max(orders_12m) FILTER (WHERE counted_date IS NOT NULL)
                                      AS orders_12m,
                                  max(counted_date) AS counted_date
                             FROM sale_customer_order_stats
                            WHERE partner_id = counted.partner_id
                           ) s
                ), stored AS (
                    INSERT INTO sale_customer_order_stats AS s
                           (partner_id, last_order_date, sales_12m, orders_12m, counted_date)
                    SELECT partner_id, last_order_date, sales_12m, orders_12m, %(today)s
                      FROM compared
                     WHERE last_order_date IS NOT NULL AND changed
                    ON CONFLICT (partner_id) WHERE counted_date IS NOT NULL DO UPDATE
                       SET last_order_date = excluded.last_order_date,
                           sales_12m = excluded.sales_12m,
                           orders_12m = excluded.orders_12m,
                           counted_date = excluded.counted_date
                ), cleared AS (
                    -- the rows the confirmations added, now counted; all of them
                    -- for a customer left without orders
                    DELETE FROM sale_customer_order_stats s
                     USING compared
                     WHERE compared.changed AND compared.stored_before
                       AND s.partner_id = compared.partner_id
                       AND (s.counted_date IS NULL OR compared.last_order_date IS NULL)
                )
                %(columns)s
                  FROM compared
                """,
                counted=counted,
                columns=columns,
                today=today,
            )
        )
        rows = [RecountedCustomer(*row) for row in self.env.cr.fetchall()]
        # nothing of this model is ever pending in the cache: no flush needed
        self.invalidate_model(flush=False)
        return rows

    @api.model
    def _add_orders(self, orders, fold_cron_id=None):
        """Add just-confirmed orders to the figures of their customers (the
        commercial partners, for orders of the customer's company) and return
        {customer id: AddedFigures} with the new figures and what the grading
        reads of the customer.

        One call of the SQL function created by init(): a row appended per
        customer, so that concurrent confirmations for the same customer neither
        lose each other's order nor wait for each other, and planned once per
        connection, not at each confirmation. The same call triggers the job
        ``fold_cron_id`` (an ir.cron id) a minute later.
        """
        if not orders:
            return {}
        self.env["res.partner"].flush_model(["commercial_partner_id", *GRADING_STATE_FIELDS])
        self.env.cr.execute(
            "SELECT * FROM sale_customer_order_stats_add"
            "(%s, %s, %s::date[], %s::numeric[], %s, %s)",
            [
                [order.partner_id.id for order in orders],
                [order.company_id.id for order in orders],
                [order.date_order.date() for order in orders],
                [order.amount_untaxed / (order.currency_rate or 1.0) for order in orders],
                self.env.company.id,
                fold_cron_id or None,
            ],
        )
        added = {row[0]: AddedFigures(*row[1:]) for row in self.env.cr.fetchall()}
        self.invalidate_model(flush=False)
        return added

    def init(self):
        res = super().init()
        self.env.cr.execute(ADD_ORDERS_FUNCTION)
        return res
