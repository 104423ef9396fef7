# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Benchmark: 1,000 ordinary quotations created and confirmed, with and without the addon.

"Ordinary" = no rule of the regulations applies (not a contract, below the threshold,
not a phone order, pricelist price). The addon must leave them as in standard Odoo,
so the time and the queries of their confirmation must stay close to a database
where only `sale` is installed. All are new databases without demo data, as the
production databases the addon is installed into: demo data alone moves the
sale-only side by a few per cent (the sale demo makes it faster).

Each creation and each confirmation is a transaction of its own that starts with
empty caches and ends with a commit, as the requests of the web client are (see
bench_confirmations.py); one more run keeps all the orders in one transaction, as
the first versions of this benchmark did, for comparison.

The databases are measured in one process, in turns of 50 orders (in an order
that rotates), so that the load of the machine weighs on all alike: run one after
the other, the same code
gave ratios from 1.10 to 1.24. Even so, a run's ratio moves by 2 to 3 % from one
process to the next, so the benchmark makes three runs and reports each of them
and their median.
"""

import json
import os
import statistics
import subprocess
import time
from pathlib import Path

import pytest
from figures import BENCH, report, size
from odoo_cli import ODOO_CONF, PYTHON, copy_database, drop_database, odoo

ADDON = "sales_dept_regulation"
ORDERS = size(1000, 100)
RUNS = size(3, 1)
# confirmations 4 at a time for one customer (concurrent mode)
CONCURRENT_ORDERS = size(400, 40)
SCRIPT = Path(__file__).with_name("bench_confirmations.py")


@pytest.fixture
def bench_databases(bare_template):
    """New databases without demo data: `sale` only, the addon (copied from the bare
    template), and the addon again for the lane with the optional rules on (a change
    of the rules clears the caches of the registry: the lanes must not switch them
    back and forth in one database)."""
    names = {
        "sale": f"sdr_bench_sale_{os.getpid()}",
        "addon": f"sdr_bench_addon_{os.getpid()}",
        "addon_rules": f"sdr_bench_rules_{os.getpid()}",
    }
    drop_database(names["sale"])
    # `sale` alone: OCA's financial risk (9 queries more an order) comes with the
    # credit bridge, which a company installs when it chooses credit
    odoo("-d", names["sale"], "-i", "sale", "--stop-after-init", "--without-demo")
    copy_database(bare_template[0], names["addon"])
    copy_database(bare_template[0], names["addon_rules"])
    yield names
    for name in names.values():
        drop_database(name)


def run_bench(mode, *lanes, orders=ORDERS):
    proc = subprocess.run(
        [PYTHON, str(SCRIPT), ODOO_CONF, str(orders), mode, *lanes],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("BENCH ")]
    assert lines, f"benchmark failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return {lane["label"]: lane for lane in json.loads(lines[-1][len("BENCH ") :])}


def test_ordinary_quotations_cost_as_in_standard_odoo(bench_databases):
    start = time.monotonic()
    databases = bench_databases
    # a run's ratio moves by 2 to 3 % from one process to the next: the figure is
    # the median of RUNS runs, each one its own process, every run reported
    lanes = (
        f"sale:{databases['sale']}",
        f"addon:{databases['addon']}",
        f"addon_rules:{databases['addon_rules']}:rules",
    )
    runs = [run_bench("request", *lanes) for _ in range(RUNS)]
    one_transaction = run_bench("transaction", *lanes)
    for run in [*runs, one_transaction]:
        for lane in run.values():
            assert lane["orders"] == ORDERS
        for label in ("addon", "addon_rules"):
            assert not run[label]["ruled"] and not run[label]["reviews"], (
                "a rule applied to an ordinary quotation"
            )
    ratios = [run["addon"]["seconds"] / run["sale"]["seconds"] for run in runs]
    ratios_rules = [run["addon_rules"]["seconds"] / run["sale"]["seconds"] for run in runs]
    for number, run in enumerate(runs, 1):
        report(
            f"run {number}: {ORDERS} ordinary quotations created+confirmed, one request "
            f"each (interleaved): sale only {run['sale']['seconds']:.2f} s, with {ADDON} "
            f"{run['addon']['seconds']:.2f} s, ratio {ratios[number - 1]:.3f}; optional rules "
            f"on {run['addon_rules']['seconds']:.2f} s, ratio {ratios_rules[number - 1]:.3f}"
        )
    report(
        f"ratio, median of {RUNS} runs: {statistics.median(ratios):.3f} "
        f"(optional rules on: {statistics.median(ratios_rules):.3f})"
    )
    paired = [
        a / b
        for run in runs
        for a, b in zip(run["addon"]["batch_seconds"], run["sale"]["batch_seconds"], strict=True)
    ]
    report(
        f"ratio of the {len(paired)} paired batches of 50: median {statistics.median(paired):.3f}, "
        f"min {min(paired):.3f}, max {max(paired):.3f}"
    )
    standard, addon, rules = runs[-1]["sale"], runs[-1]["addon"], runs[-1]["addon_rules"]
    report(
        f"per order, last run: creation request {standard['create_ms']:.2f} ms vs "
        f"{addon['create_ms']:.2f} ms, confirmation request {standard['confirm_ms']:.2f} ms vs "
        f"{addon['confirm_ms']:.2f} ms"
    )
    report(
        f"queries per confirmation: sale only {standard['confirm_queries']:g}, with {ADDON} "
        f"{addon['confirm_queries']:g} (rules on {rules['confirm_queries']:g}); "
        f"per create+confirm: "
        f"{standard['queries_per_order']:.1f} vs {addon['queries_per_order']:.1f} "
        f"(rules on {rules['queries_per_order']:.1f})"
    )
    single = one_transaction
    report(
        f"for comparison, all {ORDERS} orders in one transaction: sale only "
        f"{single['sale']['seconds']:.2f} s, with {ADDON} {single['addon']['seconds']:.2f} s, "
        f"ratio {single['addon']['seconds'] / single['sale']['seconds']:.3f} (rules on "
        f"{single['addon_rules']['seconds'] / single['sale']['seconds']:.3f}); queries per "
        f"confirmation {single['sale']['confirm_queries']:g} vs "
        f"{single['addon']['confirm_queries']:g}"
    )
    # four confirmations at once for one customer: the addon's figures must not
    # make them wait for each other (a row all of them update), nor fail on it
    concurrent = run_bench(
        "concurrent",
        f"sale:{databases['sale']}",
        f"addon:{databases['addon']}",
        orders=CONCURRENT_ORDERS,
    )
    alone, together = concurrent["sale"], concurrent["addon"]
    report(
        f"{together['confirmations']} confirmations 4 at a time for one customer: sale only "
        f"mean {alone['confirm_ms_mean']:.1f} ms (median {alone['confirm_ms_median']:.1f}), "
        f"with {ADDON} mean {together['confirm_ms_mean']:.1f} ms (median "
        f"{together['confirm_ms_median']:.1f}), ratio of the means "
        f"{together['confirm_ms_mean'] / alone['confirm_ms_mean']:.3f}; retried after a "
        f"concurrent update: {alone['retries']} vs {together['retries']}"
    )
    report(f"contract benchmark wall time: {time.monotonic() - start:.0f} s")
    assert together["retries"] == alone["retries"] == 0
    assert together["failed"] == alone["failed"] == 0
    assert together["confirmed"] == alone["confirmed"]
    # the goal on queries holds for the installed module (optional rules off, as on a
    # new install); with the rules on, a fresh confirmation also reads the pricelist
    # to check the prices (reported above). The time goal (ratio <= 1.05) is reported.
    assert addon["confirm_queries"] - standard["confirm_queries"] <= 3
    assert rules["confirm_queries"] - standard["confirm_queries"] <= 5
    if BENCH:
        assert statistics.median(ratios) < 1.5 and statistics.median(ratios_rules) < 1.5
