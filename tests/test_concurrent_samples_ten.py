# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Ten submissions at the same moment never overdraw a budget (issue 22).

`test_concurrent_samples.py` walks the two cases one at a time (a drawer that
finds the budget locked, one whose snapshot predates a committed draw). Here
ten salespeople's calls run at once, each on its own cursor in its own thread,
through Odoo's own retry of a concurrent call (`odoo.service.model.retrying`,
as a JSON-RPC call is served): ten requests of 300 against a budget of 1,000
waived while the budget lasts. Three fit; the others are charged in full; the
budget's consumption is exactly the sum of the draws and never above 1,000.
Everything the script committed is deleted at the end.
"""

from figures import report
from odoo_cli import shell_json

SCRIPT = r"""
import json, os, threading
from odoo import Command, api
from odoo.service.model import retrying
from odoo.addons.sales_dept_regulation.models.grading.res_partner import GRADING_ENGINE_PASS

ref = env.ref
registry = env.registry
user = env["res.users"].create({
    "name": "Concurrent Ten", "login": f"sdr_concurrent_ten_{os.getpid()}",
    "group_ids": [Command.set([ref("sales_dept_regulation.group_role_salesperson").id])],
})
team = env["crm.team"].create({"name": "Ten Team", "member_ids": [Command.set(user.ids)]})
partner = env["res.partner"].create({"name": "Concurrent Ten Customer", "user_id": user.id})
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
    "mould_cost": 300, "shape_dimensions": "Round", "physical_properties": "PP",
    "function_requirements": "Closes", "delivery_date": today.replace(year=today.year + 1),
} for n in range(10)])
ids = requests.ids
env.cr.commit()

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

result = {}
try:
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
finally:
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
print("CONCURRENT_TEN_JSON " + json.dumps(result))
"""


def test_ten_simultaneous_submissions_never_overdraw_a_budget(request):
    database = request.config.getoption("--odoo-database")
    result = shell_json(database, SCRIPT, "CONCURRENT_TEN_JSON")
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
