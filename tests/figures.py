"""Figures measured by whole-system tests and benchmarks, printed at the end of the run."""

from conftest import FIGURES


def report(line):
    FIGURES.append(line)
    print(line)
