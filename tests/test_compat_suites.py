# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Compatibility check: the addon breaks none of the tests of the modules it builds on.

The host's own tests (Odoo's `sale`, `sale_stock` and `stock_delivery`, OCA's tier
validations and helpdesk) run on the host database of host.py with the addon installed
after the host's modules, and the addon's bridge to Inventory's tests with them once it
is in the repository. Any test that fails or errors with the addon but not without it
fails this check. The reference, some of these tests failing on their own on such a
database, is the run without the addon: it is recorded in `compat_baseline.json`, keyed
by the Odoo code, the OCA versions, the modules and the suites, and run again (on the
host template, side by side with the addon's run) only when that key changes, or by
`bash tools/dev.sh compat-baseline`. A new baseline is written to the file: commit it.

A database is loaded with `--test-tags`, which runs the at_install tests of the tagged
modules as the registry loads them and their post_install tests once every installed
module is loaded.
"""

import hashlib
import importlib.metadata
import json
import os
import pathlib
import re
import resource
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from figures import report
from host import BRIDGE, ROOT, bridge_present, build_host_template, host_modules
from odoo_cli import ODOO_CONF, PYTHON, drop_database

SUITES = (
    "sale",
    "sale_tier_validation",
    "base_tier_validation",
    # OCA helpdesk: the after-sales gate must leave the other teams' tickets alone
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_sale",
    # Inventory and delivery (issue 22): the contract's freeze must not stop a picking
    "sale_stock",
    "stock_delivery",
    # the tier validations of other documents: OCA's rules outside the addon's signing
    "purchase_tier_validation",
    "account_move_tier_validation",
    "base_tier_validation_forward",
    # OCA's financial risk (issue 26): the credit bridge's gate acts on the addon's
    # contracts only
    "account_financial_risk",
    "sale_financial_risk",
)
# helpdesk_mgmt's at_install tests create partners before `account` (which the addon's
# `sale` brings) is loaded: they cannot run as the registry loads. pytest-odoo runs them
# on the fully loaded registry instead, on the same databases.
PYTEST_SUITES = ("helpdesk_mgmt",)
PYTEST_FAILED = re.compile(r"^(FAILED|ERROR) (\S+)")
TIMEOUT = 40 * 60
# next to the test configuration, kept until the next run to read the failures in full
LOG_DIR = os.path.join(os.path.dirname(ODOO_CONF or "."), "compat-logs")
BASELINE = pathlib.Path(__file__).with_name("compat_baseline.json")

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) (\S+) (\S+): (.*)$")
SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
MODULE_STATS = re.compile(r"^(\w+): (\d+) tests ")
TEST_FILE = re.compile(r'File ".*/addons/\w+/tests/')
TEST_MODULE = re.compile(r"odoo\.addons\.(\w+)\.|^(\w+)/tests/")
# a pytest test id without the folder the module is installed in (site-packages)
PYTEST_ID = re.compile(r"^.*/(\w+/tests/)")


def free_port():
    """A TCP port nobody listens on now (other test runs on the machine hold theirs)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    """An Odoo test run's failing tests {test id: "FAIL"/"ERROR" and the traceback}, its
    summary and its tests per module."""
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
            current = failures.setdefault(test_id, [message.split(":", 1)[0]])
            continue
        if logger == "odoo.tests.result" and (found := SUMMARY.search(message)):
            summary = tuple(int(n) for n in found.groups())
        elif logger == "odoo.tests.stats" and (found := MODULE_STATS.match(message)):
            modules[found.group(1)] = modules.get(found.group(1), 0) + int(found.group(2))
    return {k: "\n".join(v).strip() for k, v in failures.items()}, summary, modules


def run_suites(label, dbname, suites):
    """Run the suites on dbname; return its figures."""
    test_log = os.path.join(LOG_DIR, f"{label}-tests.log")
    tags = ",".join(f"/{module}" for module in suites)
    run = ["-d", dbname, "--stop-after-init", "--http-port", str(free_port()), "--test-tags", tags]
    test_seconds, rc = run_odoo(test_log, *run)
    with open(test_log) as log:
        text = log.read()
    failures, summary, counts = parse_log(text)
    assert summary, f"no test summary in the log of {dbname} (exit {rc}):\n{text[-4000:]}"
    pytest_failures, pytest_count = pytest_suites(label, dbname)
    failures.update(pytest_failures)
    for module in suites:
        # the bridge may have no tests yet
        shipped = module != BRIDGE or os.path.isdir(os.path.join(ROOT, BRIDGE, "tests"))
        assert counts.get(module) or not shipped, f"no {module} test ran on {dbname}: {test_log}"
    per_suite = {
        module: {"tests": counts.get(module, 0), "failed": 0, "errors": 0} for module in suites
    }
    per_suite[f"{PYTEST_SUITES[0]} (pytest)"] = {"tests": pytest_count, "failed": 0, "errors": 0}
    for test_id, text in failures.items():
        found = TEST_MODULE.search(test_id)
        module = found and (found.group(1) or found.group(2))
        if "::" in test_id:
            module = f"{module} (pytest)"
        if module in per_suite:
            per_suite[module]["errors" if text.startswith("ERROR") else "failed"] += 1
    return {
        "failures": failures,
        "summary": summary,
        "suites": per_suite,
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
    passed = re.search(r"(\d+) passed", text)
    assert passed, f"pytest ran no test of {PYTEST_SUITES}: {log_path}"
    failures = {
        PYTEST_ID.sub(r"\1", found.group(2)): (
            f"{'FAIL' if found.group(1) == 'FAILED' else 'ERROR'}\n{text[-2000:]}"
        )
        for line in text.splitlines()
        if (found := PYTEST_FAILED.match(line))
    }
    return failures, int(passed.group(1)) + len(failures)


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


def fingerprint(modules):
    """A hash of the code of Odoo's core and of the Odoo modules the host runs, with every
    module they depend on (the OCA ones are keyed by their versions)."""
    from odoo import release  # noqa: PLC0415
    from odoo.modules.module import Manifest, get_module_path  # noqa: PLC0415

    todo, seen = list(modules), set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(Manifest.for_addon(name)["depends"])
    core = pathlib.Path(release.__file__).parent
    folders = [core / name for name in ("orm", "tools", "tests")]
    folders += [pathlib.Path(get_module_path(name)) for name in seen if name not in oca_versions()]
    digest = hashlib.sha256()
    for folder in sorted(folders):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".xml", ".csv", ".js") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def oca_versions():
    """{addon: version} of the OCA addons pinned in requirements.txt, as installed."""
    requirements = (pathlib.Path(ROOT) / "requirements.txt").read_text()
    pins = re.findall(r"^odoo-addon-([\w-]+)==", requirements, re.M)
    versions = {}
    for pin in pins:
        name = pin.replace("-", "_")
        try:
            versions[name] = importlib.metadata.version(f"odoo-addon-{name}")
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def baseline_key():
    from odoo import release  # noqa: PLC0415

    return {
        "odoo": f"{release.version} {fingerprint(host_modules())}",
        "oca": oca_versions(),
        "modules": sorted(host_modules()),
        "suites": list(SUITES),
    }


def recorded_baseline(key):
    """The recorded run without the addon for this key, or None."""
    if not BASELINE.exists():
        return None
    recorded = json.loads(BASELINE.read_text())
    return recorded if recorded.get("key") == key else None


def record_baseline(key, run):
    BASELINE.write_text(
        json.dumps(
            {
                "key": key,
                "summary": run["summary"],
                "suites": run["suites"],
                "failures": {
                    test_id: summary_of(text).strip() for test_id, text in run["failures"].items()
                },
            },
            indent=1,
            ensure_ascii=False,
            sort_keys=True,
        )
        + "\n"
    )


def report_run(label, run):
    failed, errors, total = run["summary"]
    report(f"host suites {label} the addon: {failed} failed, {errors} error(s) of {total} tests")
    for module, counts in run["suites"].items():
        report(
            f"  {module} {label} the addon: {counts['tests']} tests, {counts['failed']} failed, "
            f"{counts['errors']} error(s)"
        )


def test_addon_adds_no_failure_to_the_host_suites(host):
    assert not host.install_error, f"the addon does not install on the host:\n{host.install_error}"
    os.makedirs(LOG_DIR, exist_ok=True)
    key = baseline_key()
    base = recorded_baseline(key)
    # the credit bridge (installed with the addon here: the host runs OCA's financial
    # risk) is under OCA's risk suites; its own tests need the demo data and run on
    # the template (tools/dev.sh)
    suites = (*SUITES, BRIDGE) if bridge_present() else SUITES
    start, cpu = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    with ThreadPoolExecutor(2) as pool:
        addon_run = pool.submit(run_suites, "addon", host.with_addon, suites)
        # the key changed (or nothing is recorded): the run without the addon, on the
        # host template, beside the addon's
        base_run = None if base else pool.submit(run_suites, "baseline", host.template, SUITES)
        addon = addon_run.result()
        if base_run:
            base = base_run.result()
            record_baseline(key, base)
            report(f"compatibility baseline recorded anew in {BASELINE}: commit it")
    wall = time.monotonic() - start
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime

    report_run("without", base)
    report_run("with", addon)
    report(
        f"compatibility check: host template {host.template_seconds:.0f} s, addon installed "
        f"after the host's modules {host.addon_seconds:.0f} s, suites {wall / 60:.1f} min "
        f"({cpu / 60:.1f} min CPU of Odoo and Chromium, PostgreSQL not counted)"
    )

    added = sorted(set(addon["failures"]) - set(base["failures"]))
    assert not added, (
        f"the addon makes {len(added)} test(s) of the host fail (log: {addon['log']}):\n"
        + "\n".join(f"  {test_id}\n{summary_of(addon['failures'][test_id])}" for test_id in added)
    )


def main():
    """`tools/dev.sh compat-baseline`: build the host template, run the suites without the
    addon on it and record them."""
    import odoo.tools  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", ODOO_CONF])
    os.makedirs(LOG_DIR, exist_ok=True)
    template = f"sdr_host_baseline_{os.getpid()}"
    try:
        seconds = build_host_template(template)
        report(f"host template built in {seconds:.0f} s")
        run = run_suites("baseline", template, SUITES)
    finally:
        drop_database(template)
    record_baseline(baseline_key(), run)
    report_run("without", run)
    report(f"recorded in {BASELINE}")


if __name__ == "__main__":
    sys.exit(main())
