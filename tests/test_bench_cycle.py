# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Benchmark: the quarterly order cycle statistics over 1,000,000 confirmed orders.

Salespeople are made with the ORM; orders (one line each), half of them invoiced
(an invoice line linked to the order's line, a receivable line), half of those paid
(a partial reconciliation) are written in SQL inside a transaction of the test
database that is rolled back at the end. 90% of the orders are delivered, between
3 and 27 days after their confirmation, against a commitment of 7 to 20 days.

Measured in the same run, each the best of three from a cold ORM cache:
- the addon: the Department Head's quarterly statistics (``_cycle_statistics`` by
  year and quarter: orders, late orders, average and median days to delivery,
  invoice and payment), through the ORM, the record rules and the cycle view;
  and the pivot's call (``_read_group`` of the averages by year and quarter);
- the floor: the same figures in one plain SQL aggregate over the tables, written
  for this data (every order committed, every salesperson in Asia/Shanghai).

Both give the same figures; the goal of issue 26 is the addon within 3x the floor.
"""

import time

from figures import BENCH, report, size

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.tools import config

ORDERS = size(1_000_000, 5_000)
SALESPEOPLE = 20
GOAL = 3  # issue 26: within 3x the SQL floor
FIRST_DAY = "2041-01-01"

FLOOR = """
    WITH inv AS (
        SELECT sol.order_id,
               MIN(am.invoice_date) AS invoiced_on,
               CASE WHEN bool_and(am.payment_state IN ('paid', 'in_payment'))
                    THEN MAX(apr.max_date) END AS paid_on
          FROM sale_order_line sol
          JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
          JOIN account_move_line aml ON aml.id = rel.invoice_line_id
          JOIN account_move am ON am.id = aml.move_id
                              AND am.move_type = 'out_invoice' AND am.state = 'posted'
          LEFT JOIN account_move_line rl ON rl.move_id = am.id
          LEFT JOIN account_partial_reconcile apr ON apr.debit_move_id = rl.id
         GROUP BY sol.order_id
    ), o AS (
        SELECT timezone('Asia/Shanghai', so.date_order AT TIME ZONE 'UTC')::date AS confirmed,
               timezone('Asia/Shanghai', so.commitment_date AT TIME ZONE 'UTC')::date AS committed,
               timezone('Asia/Shanghai', so.sdr_delivered_date AT TIME ZONE 'UTC')::date
                   AS delivered,
               inv.invoiced_on,
               CASE WHEN so.invoice_status IN ('invoiced', 'upselling') THEN inv.paid_on END
                   AS paid_on
          FROM sale_order so
          LEFT JOIN inv ON inv.order_id = so.id
         WHERE so.state = 'sale' AND so.user_id = ANY(%(sellers)s)
    )
    SELECT extract(year FROM confirmed)::int, extract(quarter FROM confirmed)::int::varchar,
           COUNT(*),
           SUM(CASE WHEN committed < COALESCE(delivered, %(today)s) THEN 1 ELSE 0 END),
           AVG(delivered - confirmed),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY delivered - confirmed),
           AVG(invoiced_on - confirmed),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY invoiced_on - confirmed),
           AVG(paid_on - confirmed),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY paid_on - confirmed)
      FROM o
     GROUP BY 1, 2
     ORDER BY 1, 2
"""


def best_of_three(run):
    best, result = float("inf"), None
    for _attempt in range(3):
        start = time.monotonic()
        result = run()
        best = min(best, time.monotonic() - start)
    return best, result


def generate(env, company, journal, sellers, customer, product):
    cr = env.cr
    cr.execute("SELECT setseed(0.26)")
    receivable = journal.company_id.partner_id.property_account_receivable_id.id
    income = journal.default_account_id.id
    cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                                company_id, currency_id, state, date_order, commitment_date,
                                sdr_delivered_date, invoice_status, user_id,
                                amount_untaxed, amount_tax, amount_total, currency_rate,
                                create_date, write_date, create_uid, write_uid)
        SELECT 'BENCHCYCLE' || g, %(customer)s, %(customer)s, %(customer)s, c.id, c.currency_id,
               'sale', d, d + (7 + g %% 14) * INTERVAL '1 day',
               CASE WHEN g %% 10 = 0 THEN NULL ELSE d + (3 + (g * 7) %% 25) * INTERVAL '1 day' END,
               CASE WHEN g %% 2 = 0 THEN 'invoiced' ELSE 'to invoice' END,
               (%(sellers)s::int[])[1 + g %% %(n_sellers)s], 100, 0, 100, 1.0, now(), now(), 1, 1
          FROM (SELECT g, TIMESTAMP %(first)s + (g %% 1095) * INTERVAL '1 day'
                          + (g %% 1440) * INTERVAL '1 minute' AS d
                  FROM generate_series(0, %(orders)s - 1) g) s
          JOIN res_company c ON c.id = %(company)s
        """,
        {
            "customer": customer.id,
            "company": company.id,
            "orders": ORDERS,
            "sellers": sellers.ids,
            "n_sellers": len(sellers),
            "first": FIRST_DAY,
        },
    )
    assert cr.rowcount == ORDERS
    cr.execute(
        """
        INSERT INTO sale_order_line (order_id, name, product_id, product_uom_qty, price_unit,
                                     customer_lead, company_id, currency_id, salesman_id, state,
                                     create_date, write_date, create_uid, write_uid)
        SELECT so.id, 'Bench cycle line', %s, 1, 100, 0, so.company_id, so.currency_id,
               so.user_id, so.state, now(), now(), 1, 1
          FROM sale_order so
         WHERE so.name LIKE 'BENCHCYCLE%%'
        """,
        [product.id],
    )
    # every other order invoiced 5 to 34 days after its confirmation; one invoice
    # in two paid 10 to 39 days after it (the same move's id ties the rows together)
    cr.execute(
        """
        CREATE TEMP TABLE bench_invoice ON COMMIT DROP AS
        SELECT so.id AS order_id, sol.id AS line_id, so.user_id, so.partner_id,
               so.company_id, so.currency_id,
               so.date_order::date + 5 + so.id % 30 AS invoice_date,
               so.id % 4 = 0 AS paid,
               nextval('account_move_id_seq') AS move_id,
               nextval('account_move_line_id_seq') AS product_line_id,
               nextval('account_move_line_id_seq') AS receivable_line_id
          FROM sale_order so JOIN sale_order_line sol ON sol.order_id = so.id
         WHERE so.name LIKE 'BENCHCYCLE%' AND so.invoice_status = 'invoiced'
        """
    )
    cr.execute(
        """
        INSERT INTO account_move (id, name, journal_id, company_id, currency_id, state,
                                  move_type, auto_post, date, invoice_date, invoice_user_id,
                                  partner_id, commercial_partner_id, payment_state,
                                  amount_total_signed, amount_residual_signed,
                                  create_date, write_date, create_uid, write_uid)
        SELECT move_id, 'BENCHCYC/' || move_id, %s, company_id, currency_id, 'posted',
               'out_invoice', 'no', invoice_date, invoice_date, user_id, partner_id, partner_id,
               CASE WHEN paid THEN 'paid' ELSE 'not_paid' END,
               100, CASE WHEN paid THEN 0 ELSE 100 END, now(), now(), 1, 1
          FROM bench_invoice
        """,
        [journal.id],
    )
    cr.execute(
        """
        INSERT INTO account_move_line (id, move_id, company_id, currency_id, account_id,
                                       display_type, create_date, write_date,
                                       create_uid, write_uid)
        SELECT product_line_id, move_id, company_id, currency_id, %(income)s, 'product',
               now(), now(), 1, 1
          FROM bench_invoice
         UNION ALL
        SELECT receivable_line_id, move_id, company_id, currency_id, %(receivable)s,
               'payment_term', now(), now(), 1, 1
          FROM bench_invoice
        """,
        {"income": income, "receivable": receivable},
    )
    cr.execute(
        """
        INSERT INTO sale_order_line_invoice_rel (order_line_id, invoice_line_id)
        SELECT line_id, product_line_id FROM bench_invoice
        """
    )
    cr.execute(
        """
        INSERT INTO account_partial_reconcile (debit_move_id, credit_move_id, company_id,
                                               max_date, amount, debit_amount_currency,
                                               credit_amount_currency,
                                               create_date, write_date, create_uid, write_uid)
        SELECT receivable_line_id, product_line_id, company_id,
               invoice_date + 10 + order_id % 30, 100, 100, 100, now(), now(), 1, 1
          FROM bench_invoice
         WHERE paid
        """
    )
    for table in (
        "sale_order",
        "sale_order_line",
        "account_move",
        "account_move_line",
        "sale_order_line_invoice_rel",
        "account_partial_reconcile",
    ):
        cr.execute(f"ANALYZE {table}")  # noqa: S608 a fixed list


def test_bench_cycle_statistics():
    registry = Registry(config["db_name"][0])
    cr = registry.cursor()
    try:
        env = api.Environment(cr, SUPERUSER_ID, {"tz": "Asia/Shanghai"})
        journal = env["account.journal"].search([("type", "=", "sale")], limit=1)
        company = journal.company_id
        role = env.ref("sales_dept_regulation.group_role_salesperson")

        def user(login, groups):
            return env["res.users"].create(
                {
                    "name": login,
                    "login": login,
                    "tz": "Asia/Shanghai",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "group_ids": [Command.set(groups.ids)],
                }
            )

        sellers = env["res.users"].concat(
            *(user(f"bench_cycle_{i}", role) for i in range(SALESPEOPLE))
        )
        head = user("bench_cycle_head", env.ref("sales_dept_regulation.group_role_department_head"))
        customer = env["res.partner"].create({"name": "Bench cycle customer"})
        product = env["product.product"].create({"name": "Bench cycle product"})
        env.flush_all()
        start = time.monotonic()
        generate(env, company, journal, sellers, customer, product)
        generated = time.monotonic() - start
        params = {"sellers": sellers.ids, "today": fields.Date.context_today(head)}

        cr.execute(FLOOR, params)  # warm-up: cache, hint bits
        floor_time, floor_rows = best_of_three(lambda: cr.execute(FLOOR, params) or cr.fetchall())

        head_env = env(
            user=head.id,
            su=False,
            context={"tz": "Asia/Shanghai", "allowed_company_ids": company.ids},
        )
        Cycle = head_env["sale.order.cycle"]
        domain = [("user_id", "in", sellers.ids)]

        def statistics():
            head_env.invalidate_all()
            return Cycle._cycle_statistics(domain, ["year", "quarter"])

        queries_before = cr.sql_log_count
        view_time, rows = best_of_three(statistics)
        queries = (cr.sql_log_count - queries_before) // 3

        def pivot():
            head_env.invalidate_all()
            return Cycle._read_group(
                domain,
                ["year", "quarter"],
                ["__count", "days_to_delivery:avg", "days_to_payment:avg", "late_rate:avg"],
            )

        pivot_time, groups = best_of_three(pivot)
    finally:
        cr.rollback()
        cr.close()

    report(
        f"cycle benchmark: {ORDERS} confirmed orders ({SALESPEOPLE} salespeople, half "
        f"invoiced, a quarter paid) generated in SQL in {generated:.1f} s"
    )
    report(
        f"cycle statistics (Department Head, by quarter, averages and medians): "
        f"{view_time:.3f} s, {queries} queries; SQL floor {floor_time:.3f} s; "
        f"view / floor = {view_time / floor_time:.2f}x (goal {GOAL}x)"
    )
    report(
        f"cycle pivot (averages by quarter, _read_group): {pivot_time:.3f} s; "
        f"pivot / floor = {pivot_time / floor_time:.2f}x (goal {GOAL}x)"
    )
    keys = ["orders", "late", "avg_delivery", "median_delivery", "avg_invoice",
            "median_invoice", "avg_payment", "median_payment"]  # fmt: skip
    bench = [(row["year"], row["quarter"], *(row[key] for key in keys)) for row in rows]
    floor = [
        (year, quarter, n, late, *(None if x is None else float(x) for x in figures))
        for year, quarter, n, late, *figures in floor_rows
    ]
    # three years of confirmations; the last evening of the third is in the next in Shanghai
    assert len(bench) == len(floor) >= 12
    for mine, theirs in zip(bench, floor, strict=True):
        assert mine[:4] == theirs[:4]
        for a, b in zip(mine[4:], theirs[4:], strict=True):
            assert (a is None and b is None) or abs(a - b) < 1e-6
    assert sum(row[2] for row in bench) == ORDERS
    assert sum(count for _year, _quarter, count, *_rest in groups) == ORDERS
    assert queries <= 3
    if BENCH:
        # the goal of issue 26, at full size only: small runs are too short to time
        assert view_time <= GOAL * floor_time
        assert pivot_time <= GOAL * floor_time
