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

Every lane gets its own customer and its database's cursor in one process; the
lanes take turns by batches, in an order that rotates at each round, so that the
load of the machine, and the cost of switching from one database to another,
weigh on all of them alike. A lane sets its company's optional rules once: give
lanes with other rules a database of their own, as a change of these settings
clears the caches of the registry. Prints one line: BENCH {json}.
"""

import json
import statistics
import sys
import time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config

BATCH = 50
WARMUP = 30


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
        return order

    def batch(self, size):
        start, queries = time.perf_counter(), self.cr.sql_log_count
        for _ in range(size):
            order = self.one()
        self.seconds.append(time.perf_counter() - start)
        self.queries += self.cr.sql_log_count - queries
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
            "ruled": ruled,
            "reviews": reviews,
        }


def main(conf, orders, mode, *specs):
    config.parse_config(["-c", conf, "--log-level=warn"])
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
            lane.create_seconds = lane.confirm_seconds = 0.0
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
