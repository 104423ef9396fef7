# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Shared pytest settings: a skipped test is a failed run.

The README promises that no test is ever skipped silently because something is
missing (a browser, the HTTP server, a dependency): every skip turns the run red.
"""


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
