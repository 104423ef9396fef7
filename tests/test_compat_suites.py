# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Compatibility check: the addon breaks none of the tests of the modules it builds on.

Odoo's own `sale` tests and OCA's `sale_tier_validation`, `base_tier_validation` and
`helpdesk_mgmt` (with its `_sla` and `_sale` modules) tests run on two new databases:
one with the addon's dependencies only (the baseline) and one
with the same dependencies and the addon. Any test that fails or errors with the addon
but not without it fails this check. The baseline, not zero, is the reference because
some of these tests fail on their own when run after every module is installed (e.g.
base_tier_validation's at_install view test, whose setUpClass runs before `account`
is loaded but on a database where `account` is installed).

Each database is first installed (without demo data: Odoo 19's default, and these tests
create their own records), then a second run loads it with `--test-tags`, which runs the
at_install tests of the tagged modules as the registry loads them and their post_install
tests once every installed module, the addon included, is loaded. The two databases run
side by side, each with its own HTTP port for the browser tours.
"""

import os
import pathlib
import re
import resource
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from figures import report
from odoo_cli import ODOO_CONF, PYTHON, drop_database

ADDON = "sales_dept_regulation"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the addon's manifest dependencies (mail comes with sale)
DEPENDENCIES = (
    "sale,hr,report_xlsx,sale_tier_validation,"
    "phone_validation,helpdesk_mgmt,helpdesk_mgmt_sla,helpdesk_mgmt_sale"
)
SUITES = (
    "sale",
    "sale_tier_validation",
    "base_tier_validation",
    # OCA helpdesk: the after-sales gate must leave the other teams' tickets alone
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_sale",
)
# helpdesk_mgmt's at_install tests create partners before `account` (which the addon's
# `sale` brings) is loaded: they cannot run as the registry loads. pytest-odoo runs them
# on the fully loaded registry instead, on the same two databases.
PYTEST_SUITES = ("helpdesk_mgmt",)
PYTEST_FAILED = re.compile(r"^(FAILED|ERROR) (\S+)")
TIMEOUT = 40 * 60
# next to the test configuration, kept until the next run to read the failures in full
LOG_DIR = os.path.join(os.path.dirname(ODOO_CONF or "."), "compat-logs")

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) (\S+) (\S+): (.*)$")
SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
MODULE_STATS = re.compile(r"^(\w+): (\d+) tests ")
TEST_FILE = re.compile(r'File ".*/addons/\w+/tests/')


def free_port():
    """A TCP port nobody listens on now (other test runs on the machine hold theirs)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def data_dir():
    with open(ODOO_CONF) as conf:
        for line in conf:
            key, sep, value = line.partition("=")
            if sep and key.strip() == "data_dir":
                return value.strip()
    return None


def drop(dbname):
    drop_database(dbname)
    if data_dir():
        shutil.rmtree(os.path.join(data_dir(), "filestore", dbname), ignore_errors=True)


def run_odoo(log_path, *args):
    """Run the Odoo server command line into log_path; return (seconds, exit code)."""
    start = time.monotonic()
    with open(log_path, "w") as log:
        proc = subprocess.run(
            [PYTHON, "-m", "odoo", "-c", ODOO_CONF, *args],
            check=False,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=TIMEOUT,
        )
    return time.monotonic() - start, proc.returncode


def parse_log(text):
    """An Odoo test run's failing tests {test id: traceback}, its summary and tests per module."""
    failures, summary, modules = {}, None, {}
    current = None
    for line in text.splitlines():
        match = LOG_LINE.match(line)
        if not match:
            if current is not None:
                current.append(line)
            continue
        current = None
        level, _db, logger, message = match.groups()
        if level in ("ERROR", "CRITICAL") and message.startswith(("FAIL: ", "ERROR: ")):
            description = message.split(": ", 1)[1].removeprefix("Subtest ")
            # a test case's logger is its module; a setUpClass error names its class itself
            test_id = (
                f"{logger}.{description}" if logger.startswith("odoo.addons.") else description
            )
            current = failures.setdefault(test_id, [])
            continue
        if logger == "odoo.tests.result" and (found := SUMMARY.search(message)):
            summary = tuple(int(n) for n in found.groups())
        elif logger == "odoo.tests.stats" and (found := MODULE_STATS.match(message)):
            modules[found.group(1)] = modules.get(found.group(1), 0) + int(found.group(2))
    return {k: "\n".join(v).strip() for k, v in failures.items()}, summary, modules


def install_and_test(label, dbname, modules):
    """Install modules into a new dbname, then run the suites on it; return its figures."""
    drop(dbname)
    install_log = os.path.join(LOG_DIR, f"{label}-install.log")
    install = ["-d", dbname, "-i", modules, "--without-demo", "--stop-after-init"]
    install_seconds, rc = run_odoo(install_log, *install, "--log-level=warn")
    if rc:
        with open(install_log) as log:
            raise AssertionError(
                f"installing {modules} into {dbname} failed:\n{log.read()[-4000:]}"
            )
    test_log = os.path.join(LOG_DIR, f"{label}-tests.log")
    tags = ",".join(f"/{module}" for module in SUITES)
    run = ["-d", dbname, "--stop-after-init", "--http-port", str(free_port()), "--test-tags", tags]
    test_seconds, rc = run_odoo(test_log, *run)
    with open(test_log) as log:
        text = log.read()
    failures, summary, counts = parse_log(text)
    assert summary, f"no test summary in the log of {dbname} (exit {rc}):\n{text[-4000:]}"
    failures.update(pytest_suites(label, dbname))
    for module in SUITES:
        assert counts.get(module), f"no {module} test ran on {dbname}: {test_log}"
    return {
        "failures": failures,
        "summary": summary,
        "install": install_seconds,
        "tests": test_seconds,
        "log": test_log,
    }


def pytest_suites(label, dbname):
    """The at_install test files of PYTEST_SUITES, run by pytest-odoo: {test id: output}."""
    import importlib.util  # noqa: PLC0415

    files = []
    for module in PYTEST_SUITES:
        folder = os.path.dirname(importlib.util.find_spec(f"odoo.addons.{module}").origin)
        tests = os.path.join(folder, "tests")
        files += sorted(
            os.path.join(tests, name)
            for name in os.listdir(tests)
            if name.startswith("test_")
            and name.endswith(".py")
            # the post_install ones (browser and portal) ran in the Odoo run already
            and '"post_install"' not in pathlib.Path(tests, name).read_text()
        )
    log_path = os.path.join(LOG_DIR, f"{label}-pytest.log")
    with open(log_path, "w") as log:
        subprocess.run(
            [
                PYTHON,
                "-m",
                "pytest",
                "-c",
                os.path.join(ROOT, "pytest.ini"),
                f"--rootdir={ROOT}",
                "-q",
                "-rfE",
                f"--odoo-config={ODOO_CONF}",
                f"--odoo-database={dbname}",
                "--odoo-log-level=warn",
                *files,
            ],
            check=False,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=TIMEOUT,
            cwd=ROOT,
        )
    with open(log_path) as log:
        text = log.read()
    assert re.search(r"\d+ passed", text), f"pytest ran no test of {PYTEST_SUITES}: {log_path}"
    return {
        found.group(2): text[-2000:]
        for line in text.splitlines()
        if (found := PYTEST_FAILED.match(line))
    }


def summary_of(traceback):
    """The test's own frame and the exception of the last traceback of a test's error."""
    lines = traceback.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent call")]
    lines = lines[starts[-1] + 1 :] if starts else lines
    frames = [i for i, line in enumerate(lines) if line.startswith("  File")]
    # the frame in the test module itself, past Odoo's test decorators
    own = [i for i in frames if TEST_FILE.search(lines[i])] or frames
    frame = lines[own[0] : own[0] + 2] if own else []
    exception = [i for i, line in enumerate(lines) if line and not line.startswith(" ")]
    message = lines[exception[0] : exception[0] + 2] if exception else lines[-1:]
    return "\n".join("    " + line for line in frame + message if line.strip())


def test_addon_adds_no_failure_to_sale_and_tier_validation_tests():
    os.makedirs(LOG_DIR, exist_ok=True)
    base_db, addon_db = f"sdr_compat_base_{os.getpid()}", f"sdr_compat_addon_{os.getpid()}"
    start, cpu = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        with ThreadPoolExecutor(2) as pool:
            base_run = pool.submit(install_and_test, "baseline", base_db, DEPENDENCIES)
            addon_run = pool.submit(install_and_test, "addon", addon_db, f"{DEPENDENCIES},{ADDON}")
            base, addon = base_run.result(), addon_run.result()
    finally:
        drop(base_db)
        drop(addon_db)
    wall = time.monotonic() - start
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime

    for label, run in (("without", base), ("with", addon)):
        failed, errors, total = run["summary"]
        report(
            f"{'/'.join(SUITES)} tests {label} the addon: {failed} failed, {errors} error(s) "
            f"of {total} tests (install {run['install']:.0f} s, tests {run['tests']:.0f} s)"
        )
    report(
        f"compatibility check, both databases side by side: {wall / 60:.1f} min "
        f"({cpu / 60:.1f} min CPU of Odoo and Chromium, PostgreSQL not counted)"
    )

    added = sorted(set(addon["failures"]) - set(base["failures"]))
    assert not added, (
        f"the addon makes {len(added)} test(s) of {', '.join(SUITES)} fail "
        f"(log: {addon['log']}, baseline: {base['log']}):\n"
        + "\n".join(f"  {test_id}\n{summary_of(addon['failures'][test_id])}" for test_id in added)
    )
