# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Benchmark: the receivables view over 500,000 open invoices.

Salespeople are made with the ORM, customers and posted customer invoices are
written directly in SQL inside a transaction of the test database that is rolled
back at the end: 90% of the invoices past due (spread over 200 days, so every
ageing bucket is filled), a third of them without an invoice salesperson (the
customer's counts), one in fifty with a promise of payment.

Measured in the same run, each the best of three from a cold ORM cache:
- the Department Head's pivot (salesperson x ageing bucket, count and amount due)
  through the ORM, record rules included, against its SQL floor: the same
  aggregate written by hand over account_move;
- a salesperson's landing-page tile (the count of her overdue invoices), against
  the same count written by hand.
"""

import time

from figures import BENCH, report, size

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.tools import config

INVOICES = size(500_000, 5_000)
CUSTOMERS = size(20_000, 500)
SALESPEOPLE = 20
GOAL = 3  # issue 26: within 3x the SQL floor

FLOOR_PIVOT = """
    SELECT COALESCE(m.invoice_user_id, p.user_id),
           CASE WHEN %(today)s::date - m.invoice_date_due <= 30 THEN '1_30'
                WHEN %(today)s::date - m.invoice_date_due <= 60 THEN '31_60'
                WHEN %(today)s::date - m.invoice_date_due <= 90 THEN '61_90'
                ELSE '91_plus' END,
           count(*), sum(m.amount_residual_signed)
      FROM account_move m
      LEFT JOIN res_partner p ON p.id = m.commercial_partner_id
     WHERE m.move_type = 'out_invoice' AND m.state = 'posted'
       AND m.invoice_date_due < %(today)s AND m.amount_residual_signed > 0
       AND m.company_id = %(company)s
     GROUP BY 1, 2
"""
FLOOR_TILE = """
    SELECT count(*)
      FROM account_move m
      LEFT JOIN res_partner p ON p.id = m.commercial_partner_id
     WHERE m.move_type = 'out_invoice' AND m.state = 'posted'
       AND m.invoice_date_due < %(today)s AND m.amount_residual_signed > 0
       AND m.company_id = %(company)s
       AND COALESCE(m.invoice_user_id, p.user_id) = %(user)s
"""


def best_of_three(run):
    best, result = float("inf"), None
    for _attempt in range(3):
        start = time.monotonic()
        result = run()
        best = min(best, time.monotonic() - start)
    return best, result


def generate(env, company, journal, sellers):
    cr = env.cr
    cr.execute("SELECT setseed(0.26)")
    cr.execute(
        """
        INSERT INTO res_partner (id, commercial_partner_id, name, complete_name, is_company,
                                 customer_rank, active, type, autopost_bills, user_id,
                                 create_date, write_date, create_uid, write_uid)
        SELECT id, id, 'Bench debtor ' || g, 'Bench debtor ' || g, true, 1, true, 'contact',
               'ask', (%(sellers)s::int[])[1 + g %% %(n_sellers)s], now(), now(), 1, 1
          FROM (SELECT nextval('res_partner_id_seq') AS id, g
                  FROM generate_series(0, %(customers)s - 1) g) s
        RETURNING id
        """,
        {"sellers": sellers.ids, "n_sellers": len(sellers), "customers": CUSTOMERS},
    )
    customers = sorted(row[0] for row in cr.fetchall())
    cr.execute(
        """
        INSERT INTO account_move (name, journal_id, company_id, currency_id, state, move_type,
                                  auto_post, date, invoice_date, invoice_date_due,
                                  partner_id, commercial_partner_id, invoice_user_id,
                                  amount_total, amount_total_signed, amount_residual,
                                  amount_residual_signed, payment_state,
                                  create_date, write_date, create_uid, write_uid)
        SELECT 'BENCH/' || g, %(journal)s, %(company)s, %(currency)s, 'posted', 'out_invoice',
               'no', due - 30, due - 30, due,
               %(first)s + g %% %(customers)s, %(first)s + g %% %(customers)s,
               CASE WHEN g %% 3 = 0 THEN NULL
                    ELSE (%(sellers)s::int[])[1 + (g * 7) %% %(n_sellers)s] END,
               amount, amount, residual, residual, 'partial',
               now(), now(), 1, 1
          FROM (SELECT g,
                       -- 90%% past due, over 200 days; the rest due in the next weeks
                       %(today)s::date - CASE WHEN g %% 10 = 0 THEN -1 - g %% 30
                                              ELSE 1 + g %% 200 END AS due,
                       round((100 + random() * 20000)::numeric, 2) AS amount,
                       round((50 + random() * 9000)::numeric, 2) AS residual
                  FROM generate_series(0, %(invoices)s - 1) g) s
        """,
        {
            "journal": journal.id,
            "company": company.id,
            "currency": company.currency_id.id,
            "first": customers[0],
            "customers": CUSTOMERS,
            "sellers": sellers.ids,
            "n_sellers": len(sellers),
            "invoices": INVOICES,
            "today": fields.Date.context_today(env["res.users"]),
        },
    )
    assert cr.rowcount == INVOICES
    cr.execute(
        """
        INSERT INTO sale_receivable_promise (move_id, user_id, company_id, partner_id,
                                             promised_date, amount_residual,
                                             create_date, write_date, create_uid, write_uid)
        SELECT id, COALESCE(invoice_user_id, %(seller)s), company_id, commercial_partner_id,
               invoice_date_due + 40, amount_residual_signed, now(), now(), 1, 1
          FROM account_move
         WHERE name LIKE 'BENCH/%%' AND id %% 50 = 0
        """,
        {"seller": sellers[0].id},
    )
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE account_move")
    cr.execute("ANALYZE sale_receivable_promise")


def test_bench_receivables_view():
    registry = Registry(config["db_name"][0])
    cr = registry.cursor()
    try:
        env = api.Environment(cr, SUPERUSER_ID, {"tz": "Asia/Shanghai"})
        journal = env["account.journal"].search([("type", "=", "sale")], limit=1)
        company = journal.company_id
        role = env.ref("sales_dept_regulation.group_role_salesperson")
        users = env["res.users"].create(
            [
                {
                    "name": f"Bench seller {i}",
                    "login": f"bench_rcv_{i}",
                    "tz": "Asia/Shanghai",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "group_ids": [Command.set(role.ids)],
                }
                for i in range(SALESPEOPLE)
            ]
        )
        head = env["res.users"].create(
            {
                "name": "Bench head",
                "login": "bench_rcv_head",
                "tz": "Asia/Shanghai",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "group_ids": [
                    Command.set(env.ref("sales_dept_regulation.group_role_department_head").ids)
                ],
            }
        )
        env.flush_all()
        start = time.monotonic()
        generate(env, company, journal, users)
        generated = time.monotonic() - start
        today = fields.Date.context_today(env["res.users"])
        params = {"today": today, "company": company.id, "user": users[1].id}

        cr.execute(FLOOR_PIVOT, params)  # warm-up: cache, hint bits
        floor_pivot, floor_rows = best_of_three(
            lambda: cr.execute(FLOOR_PIVOT, params) or cr.fetchall()
        )
        floor_tile, floor_count = best_of_three(
            lambda: cr.execute(FLOOR_TILE, params) or cr.fetchone()[0]
        )

        head_env = env(
            user=head.id,
            su=False,
            context={"tz": "Asia/Shanghai", "allowed_company_ids": company.ids},
        )
        Overdue = head_env["sale.receivable.overdue"]

        def pivot():
            head_env.invalidate_all()
            return Overdue._read_group(
                [], ["user_id", "ageing"], ["__count", "amount_residual:sum"]
            )

        queries_before = cr.sql_log_count
        view_pivot, groups = best_of_three(pivot)
        pivot_queries = (cr.sql_log_count - queries_before) // 3

        seller_env = env(
            user=users[1].id,
            su=False,
            context={"tz": "Asia/Shanghai", "allowed_company_ids": company.ids},
        )
        tile = seller_env.ref("sales_dept_regulation.dashboard_tile_my_overdue_receivables")

        def tile_count():
            seller_env.invalidate_all()
            return tile.count

        view_tile, count = best_of_three(tile_count)
    finally:
        cr.rollback()
        cr.close()

    report(
        f"receivables benchmark: {INVOICES} invoices ({CUSTOMERS} customers, {SALESPEOPLE} "
        f"salespeople) generated in SQL in {generated:.1f} s"
    )
    report(
        f"receivables pivot (Department Head, salesperson x ageing): {view_pivot:.3f} s, "
        f"{pivot_queries} queries; SQL floor {floor_pivot:.3f} s; "
        f"view / floor = {view_pivot / floor_pivot:.2f}x (goal {GOAL}x)"
    )
    report(
        f"receivables tile (a salesperson's count): {view_tile:.3f} s; SQL floor "
        f"{floor_tile:.3f} s; view / floor = {view_tile / floor_tile:.2f}x (goal {GOAL}x)"
    )
    # the same answer as the floor, the demo's own overdue invoices aside
    floor = {(user, bucket): (n, amount) for user, bucket, n, amount in floor_rows}
    bench = {
        (user.id, bucket): (n, amount) for user, bucket, n, amount in groups if user.id in users.ids
    }
    assert bench == {key: value for key, value in floor.items() if key[0] in users.ids}
    assert sum(n for n, _amount in bench.values()) == INVOICES * 9 // 10
    assert {bucket for _user, bucket in bench} == {"1_30", "31_60", "61_90", "91_plus"}
    assert count == floor_count > 0
    assert pivot_queries <= 3
    if BENCH:
        # the goal of issue 26, at full size only: small runs are too short to time
        assert view_pivot <= GOAL * floor_pivot
        assert view_tile <= GOAL * floor_tile
