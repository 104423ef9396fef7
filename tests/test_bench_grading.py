# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Benchmark: grade 50,000 customers with 500,000 confirmed orders.

The customers and orders are written directly in SQL inside a transaction of the
test database that is rolled back at the end.  Reported: the time and the number
of queries of the full recompute (the managers' button, the nightly job without
its commits), and the time of one plain SQL aggregate over the same orders: the
floor any implementation has to pay to read the orders.

The customers are written in the benchmark's own transaction, so PostgreSQL
checks the foreign keys of every customer row the regrade updates (commercial
partner, creator, last editor: it skips that only for rows of earlier
transactions), about 60 ms per chunk of 2,000 customers here that the nightly
job, on customers saved before, does not pay.
"""

import time

from figures import BENCH, report, size

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config

CUSTOMERS = size(50_000, 5_000)
ORDERS = size(500_000, 20_000)
# issue 24: the full recompute within these multiples of the floor
GOAL_CHANGED = 5  # every customer changes stage or grade
GOAL_UNCHANGED = 2  # nothing changes

FLOOR_SQL = """
    SELECT partner_id,
           max(date_order),
           sum(amount_untaxed) FILTER (WHERE date_order >= now() - interval '12 months'),
           count(*) FILTER (WHERE date_order >= now() - interval '12 months')
      FROM sale_order
     WHERE state = 'sale' AND partner_id BETWEEN %(first)s AND %(last)s
     GROUP BY partner_id
"""


def timed_recompute(env):
    """(seconds, queries) of the managers' full recompute, from a cold cache."""
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    start = time.monotonic()
    env["res.partner"].action_recompute_customer_grades()
    env.flush_all()
    return time.monotonic() - start, env.cr.sql_log_count - queries_before


def generate(cr, company_id):
    cr.execute("SELECT setseed(0.42)")
    cr.execute(
        """
        INSERT INTO res_partner (id, commercial_partner_id, name, complete_name, is_company,
                                 customer_rank, active, type, autopost_bills,
                                 customer_expected_volume, customer_interest_level,
                                 create_date, write_date, create_uid, write_uid)
        SELECT id, id, 'Bench customer ' || g, 'Bench customer ' || g, true,
               1, true, 'contact', 'ask',
               (random() * 1000000)::int,
               (ARRAY['low', 'medium', 'high'])[1 + (random() * 2.99)::int],
               now(), now(), 1, 1
          FROM (SELECT nextval('res_partner_id_seq') AS id, g
                  FROM generate_series(1, %s) g) s
        RETURNING id
        """,
        [CUSTOMERS],
    )
    ids = sorted(row[0] for row in cr.fetchall())
    assert ids[-1] - ids[0] == CUSTOMERS - 1
    # 10% of the customers never order; the others get their orders at random
    # over the last three years (so some are lost)
    cr.execute(
        """
        CREATE TEMPORARY TABLE bench_buyer ON COMMIT DROP AS
        SELECT id, (row_number() OVER (ORDER BY id) - 1)::bigint AS n
          FROM res_partner
         WHERE id BETWEEN %s AND %s AND name LIKE 'Bench customer %%' AND id %% 10 <> 0
        """,
        [ids[0], ids[-1]],
    )
    cr.execute("CREATE INDEX ON bench_buyer (n)")
    cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                                company_id, currency_id, state, date_order, amount_untaxed,
                                amount_tax, amount_total, currency_rate,
                                create_date, write_date, create_uid, write_uid)
        SELECT 'BENCH' || g, b.id, b.id, b.id, c.id, c.currency_id, 'sale',
               now() - (random() * 1100) * interval '1 day',
               round((random() * 40000)::numeric, 2), 0, 0, 1.0,
               now(), now(), 1, 1
          FROM generate_series(0::bigint, %s - 1) g
          JOIN bench_buyer b ON b.n = (g * 7919) %% (SELECT count(*) FROM bench_buyer)
          JOIN res_company c ON c.id = %s
        """,
        [ORDERS, company_id],
    )
    assert cr.rowcount == ORDERS
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE sale_order")
    return ids


def test_bench_grading_customers_and_orders():
    registry = Registry(config["db_name"][0])
    cr = registry.cursor()
    try:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = time.monotonic()
        ids = generate(cr, env.company.id)
        generated = time.monotonic() - start

        cr.execute(FLOOR_SQL, {"first": ids[0], "last": ids[-1]})  # warm-up: cache, hint bits
        # the best of three: the floor is what the aggregate costs on a quiet machine
        floor = float("inf")
        for _attempt in range(3):
            start = time.monotonic()
            cr.execute(FLOOR_SQL, {"first": ids[0], "last": ids[-1]})
            floor_rows = cr.fetchall()
            floor = min(floor, time.monotonic() - start)

        recompute, queries = timed_recompute(env)
        # a second run finds nothing to change
        rerun, rerun_queries = timed_recompute(env)

        cr.execute(
            """SELECT customer_stage, count(*) FROM res_partner
                WHERE id BETWEEN %s AND %s AND customer_grade_id IS NOT NULL GROUP BY 1""",
            [ids[0], ids[-1]],
        )
        stages = dict(cr.fetchall())
        cr.execute(
            "SELECT count(*) FROM sale_customer_grade_history WHERE partner_id BETWEEN %s AND %s",
            [ids[0], ids[-1]],
        )
        history = cr.fetchone()[0]
    finally:
        cr.rollback()
        cr.close()

    report(
        f"grading benchmark: {CUSTOMERS} customers, {ORDERS} orders generated in SQL in "
        f"{generated:.1f} s"
    )
    report(
        f"grading full recompute: {recompute:.2f} s, {queries} queries "
        f"(second run, nothing to change: {rerun:.2f} s, {rerun_queries} queries)"
    )
    report(
        f"grading floor (one SQL aggregate over the same orders): {floor:.2f} s; "
        f"recompute / floor = {recompute / floor:.1f}x (goal {GOAL_CHANGED}x), "
        f"nothing to change / floor = {rerun / floor:.1f}x (goal {GOAL_UNCHANGED}x)"
    )
    buyers = len(floor_rows)
    assert buyers == CUSTOMERS - CUSTOMERS // 10
    assert stages.get("potential") == CUSTOMERS - buyers
    assert stages.get("formal", 0) + stages.get("lost", 0) == buyers
    assert stages.get("lost", 0) > 0
    assert history == CUSTOMERS
    # batched: a few statements per chunk of 2,000 customers, not per customer;
    # nothing to change: one statement per chunk, nothing written
    from odoo.addons.sales_dept_regulation.models.grading.res_partner import (  # noqa: PLC0415
        GRADING_CHUNK,
    )

    chunks = -(-CUSTOMERS // GRADING_CHUNK) + 1  # and the demo's customers
    assert queries <= 4 * chunks + 20
    assert rerun_queries <= 2 * chunks + 10
    if BENCH:
        # the goals of issue 24, at full size only: small runs are too short to time
        assert recompute <= GOAL_CHANGED * floor
        assert rerun <= GOAL_UNCHANGED * floor
