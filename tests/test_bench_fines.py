# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Benchmark: the monthly appraisal xlsx over 100,000 fines.

An `odoo shell` on the test database inserts the fines with SQL, renders the
report through OCA report_xlsx as a General Manager, reads it back with
openpyxl and rolls everything back.
"""

from figures import BENCH, report, size
from odoo_cli import shell_json

FINES = size(100_000, 2_000)
EMPLOYEES = size(200, 20)

SCRIPT = r"""
import io, json, resource, time, tracemalloc
from openpyxl import load_workbook
from odoo import Command

FINES, EMPLOYEES = %(fines)d, %(employees)d
env = env(context=dict(env.context, lang="en_US"))
ref = env.ref
company = env.company
department = env["hr.department"].create({"name": "Bench Sales"})
employees = env["hr.employee"].create(
    [{"name": f"Bench {i:04d}", "department_id": department.id} for i in range(EMPLOYEES)]
)
gm = env["res.users"].create({
    "name": "Bench GM", "login": "bench_gm", "tz": "UTC", "lang": "en_US",
    "group_ids": [Command.set([ref("sales_dept_regulation.group_role_general_manager").id])],
})
rules = [ref(f"sales_dept_regulation.{x}") for x in (
    "conduct_rule_neglect_customer", "conduct_rule_speakerphone",
    "conduct_rule_phone_greeting", "conduct_rule_late")]
amounts = [100, 20, 20, 50]
env.flush_all()
start = time.perf_counter()
# one fine in seven falls in February, one in eleven is cancelled, one in three paid
env.cr.execute('''
    INSERT INTO sale_conduct_fine (
        name, company_id, employee_id, department_id, rule_id, event_datetime,
        minutes_late, rule_amount, is_manual_amount, amount, state, occurrence,
        repeat_limit_reached, create_uid, write_uid, create_date, write_date)
    SELECT 'BENCH/' || i, %%(company)s, (%%(employees)s)[1 + i %%%% %%(n_emp)s], %%(dept)s,
           (%%(rules)s)[1 + i %%%% 4],
           CASE WHEN i %%%% 7 = 0 THEN TIMESTAMP '2026-02-01' ELSE TIMESTAMP '2026-03-01' END
               + (i %%%% 40000) * INTERVAL '1 minute',
           CASE WHEN i %%%% 4 = 3 THEN 30 ELSE 0 END,
           (%%(amounts)s)[1 + i %%%% 4], false, (%%(amounts)s)[1 + i %%%% 4],
           CASE WHEN i %%%% 11 = 0 THEN 'cancelled' WHEN i %%%% 3 = 0 THEN 'paid'
                ELSE 'confirmed' END,
           1, false, 1, 1, now(), now()
      FROM generate_series(1, %%(fines)s) AS i
''', {"company": company.id, "employees": employees.ids, "n_emp": EMPLOYEES,
      "dept": department.id, "rules": [r.id for r in rules], "amounts": amounts,
      "fines": FINES})
env.cr.execute('''
    SELECT count(*), coalesce(sum(amount), 0),
           coalesce(sum(amount) FILTER (WHERE state = 'paid'), 0),
           count(DISTINCT employee_id)
      FROM sale_conduct_fine
     WHERE event_datetime >= '2026-03-01' AND event_datetime < '2026-04-01'
       AND state IN ('confirmed', 'paid')
''')
count, total, paid, n_employees = env.cr.fetchone()
insert_seconds = time.perf_counter() - start
env.invalidate_all()

wizard = env["sale.conduct.fine.report.wizard"].with_user(gm).create({"year": 2026, "month": "3"})
action = wizard.action_print()
queries_before = env.cr.sql_log_count
tracemalloc.start()
start = time.perf_counter()
content, kind = env["ir.actions.report"].with_user(gm)._render(
    action["report_name"], wizard.ids, action["data"])
seconds = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
queries = env.cr.sql_log_count - queries_before

sheet = load_workbook(io.BytesIO(content)).active
rows = list(sheet.iter_rows(min_row=3, values_only=True))
header, body = rows[0], rows[1:]
env.cr.rollback()
print("BENCH_JSON " + json.dumps({
    "kind": kind, "fines": FINES, "counted": count, "employees": n_employees,
    "rows": len(body) - 1, "total_row": body[-1][0],
    "expected": [float(total), float(paid), float(total - paid)],
    "header": list(header[header.index("Total"):header.index("Total") + 3]),
    "xlsx": list(body[-1][header.index("Total"):header.index("Total") + 3]),
    "seconds": seconds, "insert_seconds": insert_seconds, "queries": queries,
    "peak_python_mb": peak / 2**20,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "bytes": len(content),
}))
"""


def test_monthly_fine_xlsx(request):
    database = request.config.getoption("--odoo-database")
    script = SCRIPT % {"fines": FINES, "employees": EMPLOYEES}
    result = shell_json(database, script, "BENCH_JSON", timeout=600)
    report(
        f"monthly fine xlsx, {result['fines']:,} fines ({result['counted']:,} counted in the "
        f"month, {result['employees']} employees): {result['seconds']:.2f} s, "
        f"{result['queries']} queries, peak Python memory {result['peak_python_mb']:.1f} MiB "
        f"(process max RSS {result['max_rss_mb']:.0f} MiB), {result['bytes']:,} bytes"
    )
    assert result["kind"] == "xlsx"
    assert result["total_row"] == "Total"
    assert result["header"] == ["Total", "Paid", "Unpaid"]
    assert result["rows"] == result["employees"] == EMPLOYEES
    assert result["xlsx"] == result["expected"]
    assert result["counted"] > 0.7 * FINES
    if BENCH:
        assert result["seconds"] < 60, "the report should stay well under a minute"
        assert result["peak_python_mb"] < 200
