# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Two submissions at the same moment never both take the last of a budget.

An `odoo shell` on the test database commits a budget of 1,000 and four sample
requests of a formal B customer (waived while the budget lasts), then submits
them on two cursors of their own, as two users' calls would:
- two at once: the second finds the budget row locked (NOWAIT) and fails, as
  Odoo's retry of a concurrent call expects; retried after the first commits,
  it draws from what is left;
- one whose snapshot predates another's committed draw fails with a
  serialization error (the draw updated the budget row) instead of drawing from
  a consumption it cannot see; retried, the fee no longer fits and is charged.
Everything the script committed is deleted at the end.

And ten at once (issue 22): ten salespeople's calls run at the same moment, each
on its own cursor in its own thread, through Odoo's own retry of a concurrent
call (`odoo.service.model.retrying`, as a JSON-RPC call is served): ten requests
of 300 against a budget of 1,000 waived while the budget lasts. Three fit; the
others are charged in full; the budget's consumption is exactly the sum of the
draws and never above 1,000.
"""

from figures import report
from odoo_cli import shell_json

# a budget of 1,000 and sample requests of a formal B customer, one per fee of
# FEES (set by the script that starts with it), committed
SETUP = r"""
import json, os, threading
import psycopg2.errors
from odoo import Command, api
from odoo.service.model import retrying
from odoo.addons.sales_dept_regulation.models.grading.res_partner import GRADING_ENGINE_PASS

ref = env.ref
registry = env.registry
user = env["res.users"].create({
    "name": "Concurrent Salesperson", "login": f"sdr_concurrent_{os.getpid()}",
    "group_ids": [Command.set([ref("sales_dept_regulation.group_role_salesperson").id])],
})
team = env["crm.team"].create({"name": "Concurrent Team", "member_ids": [Command.set(user.ids)]})
partner = env["res.partner"].create({"name": "Concurrent Customer", "user_id": user.id})
partner.sudo().with_context(sdr_grading_engine=GRADING_ENGINE_PASS).write({
    "customer_stage": "formal",
    "customer_grade_id": ref("sales_dept_regulation.sale_customer_grade_formal_b").id,
})
today = env["sale.sample.request"]._fields["submit_date"].now().date()
budget = env["sale.market.budget"].create({
    "period_type": "month", "date_from": today.replace(day=1), "amount": 1000,
    "team_id": team.id,
})
requests = env["sale.sample.request"].with_user(user).create([{
    "partner_id": partner.id, "product_description": f"Cap {n}", "mould_needed": True,
    "mould_cost": fee, "shape_dimensions": "Round", "physical_properties": "PP",
    "function_requirements": "Closes", "delivery_date": today.replace(year=today.year + 1),
} for n, fee in enumerate(FEES)])
ids = requests.ids
env.cr.commit()
"""

# what SETUP and the submissions committed, deleted
CLEANUP = r"""
    env.cr.rollback()
    env.cr.execute("DELETE FROM tier_review WHERE model = 'sale.sample.request' AND res_id IN %s",
                   [tuple(ids)])
    env.cr.execute("DELETE FROM mail_message WHERE model = 'sale.sample.request' AND res_id IN %s",
                   [tuple(ids)])
    env.cr.execute("DELETE FROM mail_followers WHERE res_model = 'sale.sample.request' "
                   "AND res_id IN %s", [tuple(ids)])
    env.cr.execute("DELETE FROM sale_sample_request WHERE id IN %s", [tuple(ids)])
    env.cr.execute("DELETE FROM sale_market_budget WHERE id = %s", [budget.id])
    env.cr.commit()
"""

TWO = r"""
def submit(cr, request_id):
    environment = api.Environment(cr, user.id, {})
    try:
        environment["sale.sample.request"].browse(request_id).action_submit()
        environment.flush_all()
        return "submitted"
    except psycopg2.errors.LockNotAvailable:
        cr.rollback()
        return "lock not available"
    except psycopg2.errors.SerializationFailure:
        cr.rollback()
        return "serialization failure"

def decision(request_id):
    with registry.cursor() as cr:
        cr.execute("SELECT charged_amount, budget_amount FROM sale_sample_request WHERE id = %s",
                   [request_id])
        return [float(x) for x in cr.fetchone()]

def scenario():
    outcomes = {}
    # 1. two at once
    cr1, cr2 = registry.cursor(), registry.cursor()
    outcomes["first"] = submit(cr1, ids[0])
    outcomes["second_meanwhile"] = submit(cr2, ids[1])
    cr1.commit()
    outcomes["second_retried"] = submit(cr2, ids[1])
    cr2.commit()
    cr1.close(); cr2.close()
    # 2. a snapshot older than a committed draw
    cr3, cr4 = registry.cursor(), registry.cursor()
    cr3.execute("SELECT count(*) FROM sale_market_budget")
    outcomes["third"] = submit(cr4, ids[2])
    cr4.commit()
    outcomes["fourth_stale"] = submit(cr3, ids[3])
    outcomes["fourth_retried"] = submit(cr3, ids[3])
    cr3.commit()
    cr3.close(); cr4.close()
    with registry.cursor() as cr:
        cr.execute("SELECT amount, consumed_amount, remaining_amount FROM sale_market_budget "
                   "WHERE id = %s", [budget.id])
        outcomes["budget"] = [float(x) for x in cr.fetchone()]
        cr.execute("SELECT coalesce(sum(budget_amount), 0) FROM sale_sample_request "
                   "WHERE budget_id = %s", [budget.id])
        outcomes["drawn"] = float(cr.fetchone()[0])
    outcomes["decisions"] = [decision(i) for i in ids]
    return outcomes
"""

TEN = r"""
outcomes = {}
attempts = dict.fromkeys(ids, 0)
start = threading.Barrier(len(ids))

def submit(request_id):
    with registry.cursor() as cr:
        environment = api.Environment(cr, user.id, {})

        def call():
            attempts[request_id] += 1
            return environment["sale.sample.request"].browse(request_id).action_submit()

        start.wait()
        try:
            retrying(call, environment)
            outcomes[request_id] = "submitted"
        except Exception as exc:
            outcomes[request_id] = f"{type(exc).__name__}"

def scenario():
    result = {}
    threads = [threading.Thread(target=submit, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with registry.cursor() as cr:
        cr.execute("SELECT amount, consumed_amount, remaining_amount FROM sale_market_budget "
                   "WHERE id = %s", [budget.id])
        result["budget"] = [float(x) for x in cr.fetchone()]
        cr.execute("SELECT state, charged_amount, budget_amount, budget_id "
                   "FROM sale_sample_request WHERE id IN %s ORDER BY id", [tuple(ids)])
        result["requests"] = [[state, float(charged), float(drawn), bool(budget_id)]
                              for state, charged, drawn, budget_id in cr.fetchall()]
    result["outcomes"] = sorted(outcomes.values())
    # more attempts than requests: calls met a locked or newer budget and were retried
    result["attempts"] = sum(attempts.values())
    return result
"""


def run(database, fees, scenario, marker):
    """SETUP for ``fees``, then ``scenario`` (a script defining scenario()), its
    result printed as JSON after ``marker``, with CLEANUP whatever happens."""
    script = (
        f"FEES = {fees!r}\n"
        + SETUP
        + scenario
        + "try:\n    result = scenario()\nfinally:\n"
        + CLEANUP
        + f"print({marker!r} + ' ' + json.dumps(result))\n"
    )
    return shell_json(database, script, marker)


def test_two_submissions_never_both_take_the_last_of_a_budget(request):
    database = request.config.getoption("--odoo-database")
    result = run(database, (400, 400, 200, 200), TWO, "CONCURRENT_JSON")
    report(
        "concurrent sample submissions on a budget of 1,000: "
        + ", ".join(f"{key} {value}" for key, value in result.items() if key != "decisions")
    )
    assert result["first"] == "submitted"
    assert result["second_meanwhile"] == "lock not available"
    assert result["second_retried"] == "submitted"
    assert result["third"] == "submitted"
    assert result["fourth_stale"] == "serialization failure"
    assert result["fourth_retried"] == "submitted"
    # 400 + 400 + 200 waived on the budget, the last 200 charged: never beyond 1,000
    assert result["decisions"] == [[0.0, 400.0], [0.0, 400.0], [0.0, 200.0], [200.0, 0.0]]
    assert result["budget"] == [1000.0, 1000.0, 0.0]
    assert result["drawn"] == 1000.0


def test_ten_simultaneous_submissions_never_overdraw_a_budget(request):
    database = request.config.getoption("--odoo-database")
    result = run(database, (300,) * 10, TEN, "CONCURRENT_TEN_JSON")
    submitted = [r for r in result["requests"] if r[0] == "submitted"]
    drawn = [r for r in submitted if r[3]]
    report(
        f"ten simultaneous sample submissions on a budget of 1,000: {len(submitted)} submitted, "
        f"{len(drawn)} drawn, budget {result['budget']}, {result['attempts']} attempts"
    )
    # every call ends submitted, or refused as a concurrent call Odoo gave up retrying
    assert set(result["outcomes"]) <= {"submitted", "LockNotAvailable", "SerializationFailure"}
    assert len(submitted) == result["outcomes"].count("submitted")
    amount, consumed, remaining = result["budget"]
    # never overdrawn, and the consumption is exactly what the requests drew
    assert consumed <= amount
    assert consumed == sum(r[2] for r in submitted) == 300.0 * len(drawn)
    assert remaining == amount - consumed
    # all or nothing per request: drawn in full, or charged in full
    assert all(r[1:3] == [0.0, 300.0] for r in drawn)
    assert all(r[1:3] == [300.0, 0.0] for r in submitted if not r[3])
    # as many as fit were waived
    assert len(drawn) == min(3, len(submitted))
