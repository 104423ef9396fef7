# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Shared pytest settings: a skipped test is a failed run.

The README promises that no test is ever skipped silently because something is
missing (a browser, the HTTP server, a dependency): every skip turns the run red.
"""

import os

import pytest


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(
            f"{len(skipped)} test(s) were skipped: a skip counts as a failure here.",
            red=True,
        )
        session.exitstatus = 1


FIGURES = []


def pytest_configure(config):
    config.sdr_figures = FIGURES


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


# Databases the whole-system tests of tests/ share, made once per run when first asked
# for (tests/ is on the path by then: its modules import each other).


@pytest.fixture(scope="session")
def host():
    """The host template and its copy with the addon installed last (tests/host.py)."""
    from host import Host  # noqa: PLC0415

    databases = Host(f"sdr_host_{os.getpid()}", f"sdr_host_addon_{os.getpid()}")
    yield databases
    databases.drop()


@pytest.fixture(scope="session")
def bare_template():
    """The addon installed alone, without demo data, into a new database: copied by the
    tests that need such a database (install cycle, contract benchmark, signatures).
    Yields (name, seconds of the install)."""
    from odoo_cli import ADDON, drop_database, odoo  # noqa: PLC0415

    name = f"sdr_bare_{os.getpid()}"
    drop_database(name)
    seconds, _ = odoo("-d", name, "-i", ADDON, "--stop-after-init", "--without-demo")
    yield name, seconds
    drop_database(name)
