# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Figures measured by whole-system tests and benchmarks, printed at the end of the run.

The benchmarks (test_bench_*.py) run at their full sizes under `tools/dev.sh bench`
(SDR_BENCH=1), which also checks their time goals; the test command runs them at small
sizes, for their results and query counts only."""

import os

from conftest import FIGURES

BENCH = os.environ.get("SDR_BENCH") == "1"


def size(bench, test):
    """The size of a benchmark: ``bench`` under `tools/dev.sh bench`, else ``test``."""
    return bench if BENCH else test


def report(line):
    FIGURES.append(line)
    print(line)
