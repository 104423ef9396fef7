# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Figures measured by whole-system tests and benchmarks, printed at the end of the run."""

from conftest import FIGURES


def report(line):
    FIGURES.append(line)
    print(line)
