"""Benchmark: 1,000 ordinary quotations created and confirmed, with and without the addon.

"Ordinary" = no rule of the regulations applies (not a contract, below the threshold,
not a phone order, pricelist price). The addon must leave them as in standard Odoo,
so the time and the queries of their confirmation must stay close to a database
where only `sale` is installed.
"""

import json
import os
import subprocess
import time

import pytest
from figures import report
from odoo_cli import ODOO_CONF, PYTHON, drop_database, odoo

ADDON = "sales_dept_regulation"
ORDERS = 1000
WARMUP = 30

SCRIPT = r"""
import json, time
env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
company = env.company
if "sdr_phone_order_rule" in company._fields:
    company.write({"sdr_phone_order_rule": RULES, "sdr_below_price_rule": RULES})
partner = env["res.partner"].create({"name": "Bench Customer"})
product = env["product.product"].create({"name": "Bench Bolt", "list_price": 10.0, "taxes_id": False})
SaleOrder = env["sale.order"]
cr = env.cr

def one():
    order = SaleOrder.create({
        "partner_id": partner.id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 2})],
    })
    env.flush_all()
    before = cr.sql_log_count
    order.action_confirm()
    env.flush_all()
    return order, cr.sql_log_count - before

for _ in range(WARMUP):
    one()
confirm_queries = []
start = time.perf_counter()
q_start = cr.sql_log_count
for _ in range(ORDERS):
    order, queries = one()
    confirm_queries.append(queries)
elapsed = time.perf_counter() - start
total_queries = cr.sql_log_count - q_start
assert order.state == "sale"
bench_orders = SaleOrder.search([("partner_id", "=", partner.id)])
assert len(bench_orders) == ORDERS + WARMUP
ruled = "sdr_approval_kind" in order._fields and any(bench_orders.mapped("sdr_approval_kind"))
reviews = env["tier.review"].search_count(
    [("model", "=", "sale.order"), ("res_id", "in", bench_orders.ids)]
) if "tier.review" in env else 0
print("BENCH " + json.dumps({
    "seconds": elapsed,
    "confirm_queries": sorted(confirm_queries)[len(confirm_queries) // 2],
    "queries_per_order": total_queries / ORDERS,
    "ruled": ruled,
    "reviews": reviews,
}))
cr.rollback()
"""


def run_bench(database, rules=False):
    script = (
        SCRIPT.replace("RULES", repr(rules))
        .replace("WARMUP", str(WARMUP))
        .replace("ORDERS", str(ORDERS))
    )
    proc = subprocess.run(
        [PYTHON, "-m", "odoo", "shell", "-c", ODOO_CONF, "-d", database, "--no-http",
         "--log-level=warn"],
        input=script,
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("BENCH ")]
    assert lines, f"benchmark failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return json.loads(lines[-1][len("BENCH "):])


@pytest.fixture
def sale_only_database():
    name = f"sdr_bench_sale_{os.getpid()}"
    drop_database(name)
    odoo("-d", name, "-i", "sale", "--stop-after-init", "--without-demo")
    yield name
    drop_database(name)


def test_ordinary_quotations_cost_as_in_standard_odoo(request, sale_only_database):
    with_addon_db = request.config.getoption("--odoo-database")
    assert with_addon_db, "run through tools/dev.sh test"
    start = time.monotonic()
    standard = run_bench(sale_only_database)
    addon_off = run_bench(with_addon_db, rules=False)
    addon_on = run_bench(with_addon_db, rules=True)
    for result in (addon_off, addon_on):
        assert not result["ruled"] and not result["reviews"], "a rule applied to an ordinary quotation"
    ratio_off = addon_off["seconds"] / standard["seconds"]
    ratio_on = addon_on["seconds"] / standard["seconds"]
    report(
        f"{ORDERS} ordinary quotations created+confirmed: sale only {standard['seconds']:.1f} s, "
        f"with {ADDON} {addon_off['seconds']:.1f} s (ratio {ratio_off:.3f}; "
        f"rules on {addon_on['seconds']:.1f} s, ratio {ratio_on:.3f})"
    )
    report(
        f"queries per confirmation: sale only {standard['confirm_queries']}, with {ADDON} "
        f"{addon_off['confirm_queries']} (rules on {addon_on['confirm_queries']}); "
        f"per create+confirm: {standard['queries_per_order']:.1f} vs "
        f"{addon_off['queries_per_order']:.1f} (rules on {addon_on['queries_per_order']:.1f})"
    )
    report(f"contract benchmark wall time: {time.monotonic() - start:.0f} s")
    # sane upper bounds; the goal (ratio <= 1.05, <= 3 extra queries) is reported above
    assert addon_on["confirm_queries"] - standard["confirm_queries"] <= 3
    assert ratio_off < 1.5 and ratio_on < 1.5
