# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Create and confirm ordinary quotations on several databases, interleaved.

Usage: python bench_confirmations.py CONFIG ORDERS MODE LANE [LANE ...]
with LANE = label:database[:rules] and MODE one of:

- request: as in the web client, the creation and the confirmation are each a
  request of their own: a transaction that starts with empty caches and ends with
  a commit (timed, as the user waits for it). The orders stay in the databases.
- transaction: everything in one transaction, rolled back at the end: the
  customer, the product and the company stay in the caches for all the orders.
- concurrent: the quotations are created first; then THREADS requests at once
  confirm one each, all for the same customer, as salespeople of one department
  confirming a customer's orders at the same moment; each confirmation is a
  request (Odoo's ``retrying``: a serialization failure is rolled back and tried
  again after Odoo's random wait). Timed per confirmation, with its retries.

Every lane gets its own customer and its database's cursor in one process; the
lanes take turns by batches, in an order that rotates at each round, so that the
load of the machine, and the cost of switching from one database to another,
weigh on all of them alike. A lane sets its company's optional rules once: give
lanes with other rules a database of their own, as a change of these settings
clears the caches of the registry. Prints one line: BENCH {json}.

A job the confirmation triggers (the addon's fold of the order figures, due a
minute later) runs right after the confirmation's commit, as a cron worker would
run it if the requests were a minute apart, so that the next confirmation finds
the figures as they are in a steady state; its time and queries are counted
apart (``cron_ms``, ``cron_queries_per_order``: an upper bound, the worker runs
it once for all the confirmations of a minute), not in the confirmation's nor in
the lane's batch time.
"""

import json
import statistics
import sys
import threading
import time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tools import config

BATCH = 50
WARMUP = 30
THREADS = 4
CONTEXT = {"tracking_disable": True, "mail_notrack": True}


def triggered_crons(env):
    """The jobs triggered by the benchmark's requests (due now or later), their
    triggers deleted, as the worker does when it runs them. Jobs triggered
    before the run (Odoo's own, due later) are left alone."""
    env.cr.execute(
        "DELETE FROM ir_cron_trigger WHERE id > %s RETURNING cron_id",
        [TRIGGERS_BEFORE[env.cr.dbname]],
    )
    return env["ir.cron"].browse({row[0] for row in env.cr.fetchall()})


# per database: the last trigger written before the run
TRIGGERS_BEFORE = {}


def note_triggers(cr):
    cr.execute("SELECT coalesce(max(id), 0) FROM ir_cron_trigger")
    TRIGGERS_BEFORE[cr.dbname] = cr.fetchone()[0]


class Lane:
    cursors = {}  # lanes of one database share its cursor (and transaction)
    per_request = True

    def __init__(self, spec):
        self.label, self.database, *flags = spec.split(":")
        self.rules = "rules" in flags
        if self.database not in self.cursors:
            self.cursors[self.database] = Registry(self.database).cursor()
        self.cr = self.cursors[self.database]
        self.env = api.Environment(
            self.cr, SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True}
        )
        self.set_rules()
        note_triggers(self.cr)
        self.partner = self.env["res.partner"].create({"name": f"Bench Customer {self.label}"})
        self.product = self.env["product.product"].create(
            {"name": "Bench Bolt", "list_price": 10.0, "taxes_id": False}
        )
        self.end_request()
        self.seconds = []  # per batch
        self.create_seconds = self.confirm_seconds = 0.0
        self.confirm_queries = []
        self.queries = 0
        self.orders = 0
        self.cron_seconds = 0.0
        self.cron_queries = 0
        self.cron_runs = 0

    def set_rules(self):
        """Switch the company's optional rules as this lane wants them."""
        company = self.env.company
        if "sdr_phone_order_rule" in company._fields:
            company.write({"sdr_phone_order_rule": self.rules, "sdr_below_price_rule": self.rules})
            self.env.flush_all()
            self.end_request()

    def end_request(self):
        """Commit, which also empties the caches, as at the end of a request."""
        if self.per_request:
            self.cr.commit()

    def one(self):
        env, cr = self.env, self.cr
        start = time.perf_counter()
        order = env["sale.order"].create(
            {
                "partner_id": self.partner.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 2})],
            }
        )
        env.flush_all()
        self.end_request()
        middle = time.perf_counter()
        before = cr.sql_log_count
        order.action_confirm()
        env.flush_all()
        self.confirm_queries.append(cr.sql_log_count - before)
        self.end_request()
        self.create_seconds += middle - start
        self.confirm_seconds += time.perf_counter() - middle
        self.run_triggered_jobs()
        return order

    def run_triggered_jobs(self):
        """Run the jobs the request triggered, due now or later, as the cron
        worker would (only when the requests commit), timed apart."""
        if not self.per_request:
            return
        start, queries = time.perf_counter(), self.cr.sql_log_count
        crons = triggered_crons(self.env)
        for cron in crons:
            # the job's action, as the worker runs it (not method_direct_trigger,
            # whose bookkeeping invalidates the caches of the next request)
            cron.ir_actions_server_id.with_user(cron.user_id).run()
            self.env.flush_all()
            self.cr.commit()
        self.cron_runs += len(crons)
        self.cron_seconds += time.perf_counter() - start
        self.cron_queries += self.cr.sql_log_count - queries

    def batch(self, size):
        start, queries = time.perf_counter(), self.cr.sql_log_count
        cron_seconds, cron_queries = self.cron_seconds, self.cron_queries
        for _ in range(size):
            order = self.one()
        self.seconds.append(time.perf_counter() - start - (self.cron_seconds - cron_seconds))
        self.queries += self.cr.sql_log_count - queries - (self.cron_queries - cron_queries)
        self.orders += size
        return order

    def check(self, order):
        """The orders stayed ordinary: confirmed, under no rule, without reviews."""
        orders = self.env["sale.order"].search([("partner_id", "=", self.partner.id)])
        assert order.state == "sale", order.state
        ruled = "sdr_approval_kind" in order._fields and any(orders.mapped("sdr_approval_kind"))
        reviews = (
            self.env["tier.review"].search_count(
                [("model", "=", "sale.order"), ("res_id", "in", orders.ids)]
            )
            if "tier.review" in self.env
            else 0
        )
        return {
            "label": self.label,
            "database": self.database,
            "rules": self.rules,
            "orders": self.orders,
            "seconds": sum(self.seconds),
            "batch_seconds": self.seconds,
            "create_ms": self.create_seconds / self.orders * 1000,
            "confirm_ms": self.confirm_seconds / self.orders * 1000,
            "confirm_queries": statistics.median(self.confirm_queries),
            "queries_per_order": self.queries / self.orders,
            "cron_runs": self.cron_runs,
            "cron_ms": self.cron_seconds / self.orders * 1000,
            "cron_queries_per_order": self.cron_queries / self.orders,
            "ruled": ruled,
            "reviews": reviews,
        }


class ConcurrentLane:
    """THREADS cursors on one database, confirming quotations of one customer at once."""

    def __init__(self, spec, orders):
        self.label, self.database = spec.split(":")[:2]
        self.registry = Registry(self.database)
        with self.registry.cursor() as cr:
            note_triggers(cr)
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            partner = env["res.partner"].create({"name": f"Bench Customer {self.label}"})
            product = env["product.product"].create(
                {"name": "Bench Bolt", "list_price": 10.0, "taxes_id": False}
            )
            quotations = env["sale.order"].create(
                [
                    {
                        "partner_id": partner.id,
                        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 2})],
                    }
                    for _ in range(orders + WARMUP)
                ]
            )
            self.pending = list(quotations.ids)
            self.partner_id = partner.id
        self.cursors = [self.registry.cursor() for _ in range(THREADS)]
        self.seconds = []  # per confirmation, its retries and their waits included
        self.round_seconds = []
        self.tries = 0
        self.failed = 0
        self.cron_runs = 0

    def confirm(self, cr, order_id, times):
        env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
        calls = []

        def call():
            calls.append(1)
            env["sale.order"].browse(order_id).action_confirm()

        start = time.perf_counter()
        try:
            retrying(call, env)
        except Exception:  # noqa: BLE001 - counted: a request that ended in an error
            self.failed += 1
        times.append((time.perf_counter() - start, len(calls)))

    def round(self, record=True):
        times = []
        threads = [
            threading.Thread(target=self.confirm, args=(cr, self.pending.pop(), times))
            for cr in self.cursors
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        self.run_triggered_jobs()
        if record:
            self.round_seconds.append(elapsed)
            self.seconds.extend(seconds for seconds, _ in times)
            self.tries += sum(calls - 1 for _, calls in times)

    def run_triggered_jobs(self):
        """The jobs the round's confirmations triggered, due now or later, run
        between rounds as the cron worker would (not timed)."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            for cron in triggered_crons(env):
                cron.ir_actions_server_id.with_user(cron.user_id).run()
                env.flush_all()
                cr.commit()
                self.cron_runs += 1

    def result(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM sale_order WHERE partner_id = %s AND state = 'sale'",
                [self.partner_id],
            )
            confirmed = cr.fetchone()[0]
        for cr in self.cursors:
            cr.close()
        return {
            "label": self.label,
            "database": self.database,
            "confirmations": len(self.seconds),
            "confirmed": confirmed,
            "seconds": sum(self.round_seconds),
            "confirm_ms_mean": statistics.mean(self.seconds) * 1000,
            "confirm_ms_median": statistics.median(self.seconds) * 1000,
            "confirm_ms_max": max(self.seconds) * 1000,
            "retries": self.tries,
            "failed": self.failed,
            "cron_runs": self.cron_runs,
        }


def main_concurrent(orders, specs):
    lanes = [ConcurrentLane(spec, orders) for spec in specs]
    for lane in lanes:
        for _ in range(WARMUP // THREADS):
            lane.round(record=False)
    for number in range(orders // THREADS):
        shift = number % len(lanes)
        for lane in lanes[shift:] + lanes[:shift]:
            lane.round()
    print("BENCH " + json.dumps([lane.result() for lane in lanes]))


def main(conf, orders, mode, *specs):
    config.parse_config(["-c", conf, "--log-level=warn"])
    if mode == "concurrent":
        main_concurrent(int(orders), specs)
        return
    assert mode in ("request", "transaction"), mode
    Lane.per_request = mode == "request"
    rules = {}
    for spec in specs:
        database, *flags = spec.split(":")[1:]
        assert rules.setdefault(database, "rules" in flags) == ("rules" in flags), (
            f"lanes with other rules need a database of their own: {database}"
        )
    lanes = [Lane(spec) for spec in specs]
    try:
        for lane in lanes:
            for _ in range(WARMUP):
                lane.one()
            lane.confirm_queries.clear()
            lane.create_seconds = lane.confirm_seconds = lane.cron_seconds = 0.0
            lane.cron_queries = lane.cron_runs = 0
        rounds = int(orders) // BATCH
        last = {}
        for number in range(rounds):
            shift = number % len(lanes)
            for lane in lanes[shift:] + lanes[:shift]:
                last[lane.label] = lane.batch(BATCH)
        results = [lane.check(last[lane.label]) for lane in lanes]
    finally:
        for cr in Lane.cursors.values():
            cr.rollback()
            cr.close()
    print("BENCH " + json.dumps(results))


if __name__ == "__main__":
    main(*sys.argv[1:])
