# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Benchmark: the sample statistics over 100,000 requests of three years.

An `odoo shell` on the test database inserts the requests with SQL, then, as a
Department Head, times the monthly pivot (formatted_read_group, the web client's
call) against one plain SQL aggregate over the same rows (the floor), renders
the monthly xlsx through OCA report_xlsx, counts the queries of one submission,
and rolls everything back.
"""

from figures import BENCH, report, size
from odoo_cli import shell_json

REQUESTS = size(100_000, 5_000)

SCRIPT = r"""
import io, json, time
from datetime import date
from openpyxl import load_workbook
from odoo import Command
from odoo.addons.sales_dept_regulation.models.grading.res_partner import GRADING_ENGINE_PASS

REQUESTS = %(requests)d
env = env(context=dict(env.context, lang="en_US", tz="UTC"))
ref = env.ref
company = env.company
def user(login, role):
    return env["res.users"].create({
        "name": login, "login": login, "tz": "UTC", "lang": "en_US",
        "group_ids": [Command.set([ref(f"sales_dept_regulation.group_role_{role}").id])],
    })
head = user("bench_head", "department_head")
sales = [user(f"bench_sales_{i:02d}", "salesperson") for i in range(20)]
partners = env["res.partner"].create([{"name": f"Bench {i}", "user_id": sales[i %% 20].id}
                                      for i in range(200)])
grades = [ref(f"sales_dept_regulation.sale_customer_grade_{g}") for g in (
    "formal_a", "formal_b", "formal_c", "formal_d", "potential_a", "potential_b",
    "potential_c", "potential_d")]
categories = env["product.category"].create([{"name": f"Bench {i}"} for i in range(5)])
products = env["product.product"].create([{"name": f"Bench {i}", "categ_id": categories[i %% 5].id}
                                          for i in range(50)])
env.flush_all()
start = time.perf_counter()
# three years from January 2024; one in twenty cancelled, one in ten still open,
# one in four rejected, the others approved
env.cr.execute('''
    WITH rows AS (
        SELECT i, TIMESTAMP '2024-01-01' + (i %%%% 1096) * INTERVAL '1 day'
                  + (i %%%% 1440) * INTERVAL '1 minute' AS submitted,
               (i %%%% 30) * INTERVAL '1 hour' * 7 AS to_send,
               (i %%%% 45) * INTERVAL '1 hour' * 11 AS to_feedback
          FROM generate_series(1, %%(n)s) AS i)
    INSERT INTO sale_sample_request (
        name, company_id, partner_id, user_id, product_id, product_categ_id, quantity,
        state, exception_state, validation_status, submit_date, accept_date, made_date,
        sent_date, last_sent_date, feedback_date, feedback_result, customer_stage,
        customer_grade_id, revision_count, days_to_send, days_to_send_max,
        days_to_feedback, days_to_feedback_max, approval_rate, mould_needed, mould_cost,
        sample_fee, fee_amount, charged_amount, waived_amount, budget_amount,
        create_uid, write_uid, create_date, write_date)
    SELECT 'BENCH/' || i, %%(company)s, (%%(partners)s)[1 + i %%%% 200],
           (%%(sales)s)[1 + i %%%% 20], (%%(products)s)[1 + i %%%% 50],
           (%%(categs)s)[1 + (i %%%% 50) %%%% 5], 1 + i %%%% 7,
           CASE WHEN i %%%% 20 = 0 THEN 'cancelled' WHEN i %%%% 10 = 1 THEN 'made'
                ELSE 'closed' END,
           'none', 'no', submitted, submitted + INTERVAL '1 hour', submitted + to_send / 2,
           CASE WHEN i %%%% 10 = 1 THEN NULL ELSE submitted + to_send END,
           CASE WHEN i %%%% 10 = 1 THEN NULL ELSE submitted + to_send END,
           CASE WHEN i %%%% 10 = 1 THEN NULL ELSE submitted + to_send + to_feedback END,
           CASE WHEN i %%%% 10 = 1 THEN NULL WHEN i %%%% 4 = 0 THEN 'rejected'
                ELSE 'approved' END,
           CASE WHEN i %%%% 8 < 4 THEN 'formal' ELSE 'potential' END,
           (%%(grades)s)[1 + i %%%% 8], i %%%% 3,
           CASE WHEN i %%%% 10 = 1 THEN NULL ELSE extract(epoch FROM to_send) / 86400 END,
           CASE WHEN i %%%% 10 = 1 THEN NULL ELSE extract(epoch FROM to_send) / 86400 END,
           CASE WHEN i %%%% 10 = 1 THEN NULL
                ELSE extract(epoch FROM to_send + to_feedback) / 86400 END,
           CASE WHEN i %%%% 10 = 1 THEN NULL
                ELSE extract(epoch FROM to_send + to_feedback) / 86400 END,
           CASE WHEN i %%%% 10 = 1 THEN NULL WHEN i %%%% 4 = 0 THEN 0 ELSE 100 END,
           i %%%% 3 = 0, 1000, 100, 1100, 550, 550, 0, 1, 1, now(), now()
      FROM rows
''', {"n": REQUESTS, "company": company.id, "partners": partners.ids,
      "sales": [u.id for u in sales], "products": products.ids, "categs": categories.ids,
      "grades": [g.id for g in grades]})
env.cr.execute("ANALYZE sale_sample_request")
insert_seconds = time.perf_counter() - start
env.invalidate_all()

Request = env["sale.sample.request"].with_user(head)
aggregates = ["__count", "days_to_send:avg", "days_to_send_max:max", "days_to_feedback:avg",
              "days_to_feedback_max:max", "approval_rate:avg"]
domain = [("submit_date", "!=", False), ("state", "!=", "cancelled")]

def best(function, runs=7):
    times, result, queries = [], None, 0
    for _ in range(runs):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
        queries = env.cr.sql_log_count - before
    return min(times), queries, result

pivot_seconds, pivot_queries, pivot = best(
    lambda: Request.formatted_read_group(domain, ["submit_date:month"], aggregates))

def floor():
    env.cr.execute('''
        SELECT date_trunc('month', submit_date), count(*), avg(days_to_send),
               max(days_to_send_max), avg(days_to_feedback), max(days_to_feedback_max),
               avg(approval_rate)
          FROM sale_sample_request
         WHERE submit_date IS NOT NULL AND state != 'cancelled' AND company_id = %%s
         GROUP BY 1 ORDER BY 1''', [company.id])
    return env.cr.fetchall()
floor_seconds, floor_queries, floor_rows = best(floor)
grid_seconds, grid_queries, grid = best(
    lambda: Request.formatted_read_group(domain, ["submit_date:month", "user_id"], aggregates),
    runs=3)

wizard = env["sale.sample.report.wizard"].with_user(head).create({"year": 2025, "month": "6"})
action = wizard.action_print()
before = env.cr.sql_log_count
start = time.perf_counter()
content, kind = env["ir.actions.report"].with_user(head)._render(
    action["report_name"], wizard.ids, action["data"])
xlsx_seconds = time.perf_counter() - start
xlsx_queries = env.cr.sql_log_count - before
rows = list(load_workbook(io.BytesIO(content)).active.values)
env.cr.execute('''SELECT count(*) FROM sale_sample_request WHERE state != 'cancelled'
                    AND submit_date >= '2025-06-01' AND submit_date < '2025-07-01'
                    AND company_id = %%s''', [company.id])
june = env.cr.fetchone()[0]

# one submission drawing from a budget
salesperson = sales[0]
partner = partners[0]
partner.sudo().with_context(sdr_grading_engine=GRADING_ENGINE_PASS).write({
    "customer_stage": "formal", "customer_grade_id": grades[1].id})
today = date.today()
env["sale.market.budget"].create({"period_type": "month", "date_from": today.replace(day=1),
                                  "amount": 1e9, "team_id": env["crm.team"].create({
                                      "name": "Bench", "member_ids": [Command.set(salesperson.ids)]
                                  }).id})
request = env["sale.sample.request"].with_user(salesperson).create({
    "partner_id": partner.id, "product_id": products[0].id, "mould_needed": True,
    "mould_cost": 800, "sample_fee": 200, "shape_dimensions": "Round",
    "physical_properties": "PP", "function_requirements": "Closes",
    "delivery_date": today.replace(year=today.year + 1)})
env.flush_all()
env.invalidate_all()
before = env.cr.sql_log_count
start = time.perf_counter()
request.with_user(salesperson).action_submit()
env.flush_all()
submit_seconds = time.perf_counter() - start
submit_queries = env.cr.sql_log_count - before
money = request.sudo()
env.cr.rollback()
print("BENCH_JSON " + json.dumps({
    "requests": REQUESTS, "insert_seconds": insert_seconds,
    "pivot_seconds": pivot_seconds, "pivot_queries": pivot_queries, "pivot_groups": len(pivot),
    "pivot_count": sum(g["__count"] for g in pivot),
    "floor_seconds": floor_seconds, "floor_groups": len(floor_rows),
    "floor_count": sum(r[1] for r in floor_rows),
    "grid_seconds": grid_seconds, "grid_queries": grid_queries, "grid_groups": len(grid),
    "xlsx_kind": kind, "xlsx_seconds": xlsx_seconds, "xlsx_queries": xlsx_queries,
    "xlsx_total": list(rows[-1][:2]), "june": june,
    "submit_seconds": submit_seconds, "submit_queries": submit_queries,
}))
"""


def test_sample_statistics(request):
    database = request.config.getoption("--odoo-database")
    r = shell_json(database, SCRIPT % {"requests": REQUESTS}, "BENCH_JSON", timeout=600)
    report(
        f"sample statistics, {r['requests']:,} requests over 3 years (inserted in "
        f"{r['insert_seconds']:.1f} s): monthly pivot {r['pivot_seconds'] * 1000:.0f} ms "
        f"({r['pivot_queries']} queries, {r['pivot_groups']} months) vs plain SQL "
        f"{r['floor_seconds'] * 1000:.0f} ms ({r['pivot_seconds'] / r['floor_seconds']:.2f}x); "
        f"month x salesperson {r['grid_seconds'] * 1000:.0f} ms ({r['grid_queries']} queries, "
        f"{r['grid_groups']} cells); monthly xlsx {r['xlsx_seconds']:.2f} s "
        f"({r['xlsx_queries']} queries); one submission {r['submit_queries']} queries "
        f"({r['submit_seconds'] * 1000:.0f} ms)"
    )
    assert r["pivot_groups"] == r["floor_groups"] == 36
    # one request in twenty is cancelled
    assert r["pivot_count"] == r["floor_count"] == REQUESTS - REQUESTS // 20
    assert r["xlsx_kind"] == "xlsx"
    assert r["xlsx_total"] == ["Total", r["june"]]
    if BENCH:
        assert r["pivot_seconds"] <= 3 * r["floor_seconds"], "the pivot is over 3x the SQL floor"
        assert r["xlsx_seconds"] < 5
    assert r["submit_queries"] < 30
