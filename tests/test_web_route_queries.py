# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Standard Sales and Helpdesk at the cost of core: the web client's calls on a plain
quotation and a plain ticket make at most 3 queries more with the addon than without.

The host template (the host's modules without the addon) against its copy with the
addon installed last (tests/host.py): the same users, records and calls on both
(web_route_queries.py), as a Sales user without the addon's roles and as the
addon's Salesperson (on the database without the addon, the same Sales user).
"""

from pathlib import Path

import pytest
from figures import report
from odoo_cli import shell_json

SCRIPT = (Path(__file__).with_name("web_route_queries.py")).read_text()
EXTRA_QUERIES = 3


@pytest.fixture(scope="module")
def route_figures(host):
    assert host.install_error is None, host.install_error
    return {
        "core": shell_json(host.template, SCRIPT, "ROUTES"),
        "addon": shell_json(host.with_addon, SCRIPT, "ROUTES"),
    }


@pytest.mark.parametrize("user", ["plain", "salesperson"])
def test_web_routes_cost_at_most_three_queries_more(route_figures, user):
    core, addon = route_figures["core"][user], route_figures["addon"][user]
    assert core.keys() == addon.keys()
    over = {}
    for route, (core_queries, core_ms) in core.items():
        addon_queries, addon_ms = addon[route]
        report(
            f"{route} as {user}: {addon_queries} queries with the addon, {core_queries} "
            f"without ({addon_ms} ms / {core_ms} ms, one call)"
        )
        if addon_queries > core_queries + EXTRA_QUERIES:
            over[route] = (addon_queries, core_queries)
    assert not over, f"more than {EXTRA_QUERIES} queries over core (addon, core): {over}"
