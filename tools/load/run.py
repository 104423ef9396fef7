# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The load benchmark (`bash tools/dev.sh load` calls this once the databases are built).

Two databases, copies of two templates: one with the addon and its demo data, one with
the addon's dependencies only (both with demo data and Chinese); the same load users
in both (setup_db.py). Each run serves one database as a company does (odoo-bin, 4 HTTP
workers, 2 cron workers, its gevent worker, 127.0.0.1 only), drives it with locust
(locustfile.py) for a bounded time, then stops every server process and checks the
database. The runs alternate: the standard mix without the addon, then with it,
SDR_LOAD_ROUNDS times, then the department's mix with the addon. At the end: per route
the server time and queries per request (from Odoo's request log), the client's
p50/p95/p99 and the throughput (from locust's CSV), the ratios with/without the addon,
the machine's load; exit 1 if a check failed.
"""

import argparse
import configparser
import csv
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from statistics import mean

HERE = os.path.dirname(os.path.abspath(__file__))
ADDON = "sales_dept_regulation"
USERS = int(os.environ.get("SDR_LOAD_USERS", "50"))
SECONDS = int(os.environ.get("SDR_LOAD_SECONDS", "60"))
ROUNDS = int(os.environ.get("SDR_LOAD_ROUNDS", "2"))
# a contract takes some twenty requests from its creation to its last signature: the
# department's run is longer, so that contracts are signed to the end under the load
DEPARTMENT_SECONDS = int(os.environ.get("SDR_LOAD_DEPARTMENT_SECONDS", str(3 * SECONDS)))
SPAWN_RATE = float(os.environ.get("SDR_LOAD_SPAWN_RATE", "5"))
# how long the crons made due at the department run's start may take to all run
CRON_GRACE = int(os.environ.get("SDR_LOAD_CRON_GRACE", "180"))
# Odoo's request log line: ... werkzeug: 127.0.0.1 - - [date] "POST /path#model.method
# HTTP/1.1" 200 - <query count> <query time> <remaining time>
REQUEST_LINE = re.compile(
    r'werkzeug: \S+ - - \[[^\]]*\] "(?P<verb>\w+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) \S+'
    r" (?P<queries>\d+) (?P<query_time>[\d.]+) (?P<other_time>[\d.]+)"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# a job that failed, or a cron worker killed past the real-time limit (its job with it)
CRON_FAILURE = re.compile(r"Exception in cron|Job .* failed|Job .* timed out|WorkerCron .* timeout")
# a request that met a concurrent update and was retried by Odoo (not an error)
RETRY = re.compile(
    r"(serialization_failure|deadlock_detected|lock_not_available), \d+ tries left", re.IGNORECASE
)
EVENTED_START = "Evented Service (longpolling) running"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conf", required=True, help="the Odoo configuration file")
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--python", default=sys.executable, help="the Python that runs Odoo")
    parser.add_argument("--locust", required=True, help="the locust command")
    parser.add_argument("--server-path", default="", help="prepended to the server's PYTHONPATH")
    parser.add_argument("--addon-template", required=True, help="database with the addon")
    parser.add_argument("--base-template", required=True, help="database without the addon")
    parser.add_argument("--out", required=True, help="folder for the logs and CSV files")
    args = parser.parse_args()
    bench = Bench(args)
    try:
        return bench.run()
    finally:
        bench.cleanup()


class Bench:
    def __init__(self, args):
        self.args = args
        config = configparser.ConfigParser()
        config.read(args.conf)
        options = config["options"]
        self.data_dir = options.get("data_dir")
        os.environ.update(
            PGHOST=options.get("db_host") or "",
            PGPORT=options.get("db_port") or "5432",
            PGUSER=options.get("db_user") or "",
            PGPASSWORD=options.get("db_password") or "",
        )
        os.makedirs(args.out, exist_ok=True)
        self.databases = {}
        self.servers = []
        self.runs = []
        self.failures = []

    # --- databases -------------------------------------------------------

    def psql(self, db, sql):
        out = subprocess.run(
            [
                "psql",
                "-X",
                "-q",
                "-t",
                "-A",
                "-F",
                "\t",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                db,
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def copy_database(self, template, name):
        self.drop_database(name)
        subprocess.run(["createdb", "-T", template, name], check=True)
        source = os.path.join(self.data_dir, "filestore", template)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(self.data_dir, "filestore", name))

    def drop_database(self, name):
        subprocess.run(["dropdb", "--if-exists", name], check=True)
        shutil.rmtree(os.path.join(self.data_dir, "filestore", name), ignore_errors=True)

    def prepare(self, kind, template):
        db = f"sdr_load_{kind}_{os.getpid()}"
        say(f"copying {template} to {db} and creating the load users")
        self.copy_database(template, db)
        self.databases[kind] = db
        with open(os.path.join(HERE, "setup_db.py")) as script:
            shell = subprocess.run(
                [self.args.python, self.args.odoo_bin, "shell", "-c", self.args.conf, "-d", db]
                + ["--no-http", "--log-level=warn"],
                stdin=script,
                capture_output=True,
                text=True,
                timeout=600,
                env=dict(os.environ, SDR_LOAD_USERS=str(USERS)),
            )
        lines = [line for line in shell.stdout.splitlines() if line.startswith("FIXTURES=")]
        if not lines:
            sys.exit(f"setting up {db} failed:\n{shell.stdout[-3000:]}\n{shell.stderr[-3000:]}")
        path = os.path.join(self.args.out, f"fixtures_{kind}.json")
        with open(path, "w") as fixtures:
            fixtures.write(lines[-1].removeprefix("FIXTURES="))
        return path

    # --- one run -----------------------------------------------------------

    def serve(self, db, log_path):
        http_port, gevent_port = free_port(), free_port()
        env = dict(os.environ)
        if self.args.server_path:
            env["PYTHONPATH"] = os.pathsep.join(
                filter(None, [self.args.server_path, env.get("PYTHONPATH")])
            )
        log = open(log_path, "w")  # noqa: SIM115 - closed by stop()
        process = subprocess.Popen(
            [self.args.python, self.args.odoo_bin, "-c", self.args.conf, "-d", db]
            + [f"--db-filter=^{db}$", "--http-interface=127.0.0.1"]
            + [f"--http-port={http_port}", f"--gevent-port={gevent_port}"]
            + ["--workers=4", "--max-cron-threads=2", "--log-handler=werkzeug:INFO"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its own process group: stop() ends all its workers
        )
        server = {"process": process, "log": log, "http": http_port, "gevent": gevent_port}
        self.servers.append(server)
        deadline = time.monotonic() + 180
        while not (
            healthy(f"http://127.0.0.1:{http_port}/web/health")
            and healthy(f"http://127.0.0.1:{gevent_port}/websocket/health")
        ):
            if process.poll() is not None or time.monotonic() > deadline:
                self.stop(server)
                with open(log_path, errors="replace") as log:
                    tracebacks = log.read().count("Traceback (most recent call last)")
                sys.exit(
                    f"the Odoo server of {db} or its gevent worker did not start in 180 s "
                    f"({tracebacks} traceback(s): a gevent worker dying at start is respawned "
                    f"in a loop; see {log_path})"
                )
            time.sleep(1)
        return server

    def stop(self, server):
        process = server["process"]
        if process.poll() is None:
            with_group(process, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with_group(process, signal.SIGKILL)
                process.wait()
        # the workers and the gevent worker are in the same group: none may outlive it
        with_group(process, signal.SIGKILL)
        server["log"].close()
        if server in self.servers:
            self.servers.remove(server)

    def cleanup(self):
        for server in list(self.servers):
            self.stop(server)
        if os.environ.get("SDR_LOAD_KEEP_DB") != "1":
            for db in self.databases.values():
                self.drop_database(db)

    def run_once(self, label, kind, mix, fixtures):
        db = self.databases[kind]
        prefix = os.path.join(self.args.out, label)
        seconds = DEPARTMENT_SECONDS if mix == "department" else SECONDS
        say(f"run {label}: the {mix} mix on {db}, {USERS} users, {seconds} s")
        crons = []
        if mix == "department":
            # every cron due now: they run under the load, as on a busy day
            crons = [
                row[0]
                for row in self.psql(
                    db,
                    "UPDATE ir_cron SET nextcall = now() at time zone 'utc' WHERE active "
                    "RETURNING id",
                )
            ]
        start = self.psql(db, "SELECT now() at time zone 'utc'")[0][0]
        server = self.serve(db, prefix + "_server.log")
        sampler = LoadSampler()
        sampler.start()
        counts_path = prefix + "_counts.json"
        locust = subprocess.run(
            [self.args.locust, "-f", os.path.join(HERE, "locustfile.py"), "--headless"]
            + ["--users", str(USERS), "--spawn-rate", str(SPAWN_RATE)]
            + ["--run-time", f"{seconds}s", "--stop-timeout", "120"]
            + ["--host", f"http://127.0.0.1:{server['http']}", "--csv", prefix, "--only-summary"],
            env=dict(
                os.environ,
                SDR_LOAD_MIX=mix,
                SDR_LOAD_FIXTURES=fixtures,
                SDR_LOAD_COUNTS=counts_path,
            ),
            capture_output=True,
            text=True,
            timeout=seconds + 420,
        )
        sampler.stop()
        with open(prefix + "_locust.log", "w") as output:
            output.write(locust.stdout + locust.stderr)
        if crons:
            self.wait_for_crons(db, crons, start)
        gevent_up = healthy(f"http://127.0.0.1:{server['gevent']}/websocket/health")
        self.stop(server)
        counts = read_json(counts_path)
        run = {
            "label": label,
            "kind": kind,
            "mix": mix,
            "db": db,
            "routes": client_stats(prefix + "_stats.csv"),
            "errors": failures(prefix + "_failures.csv"),
            "server": server_stats(prefix + "_server.log"),
            "load": sampler.summary(),
            "counts": counts,
        }
        run["checks"] = self.check(run, start, crons, gevent_up)
        self.runs.append(run)
        print_run(run)
        return run

    def wait_for_crons(self, db, crons, start):
        deadline = time.monotonic() + CRON_GRACE
        while time.monotonic() < deadline:
            if not self.crons_not_run(db, crons, start):
                return
            time.sleep(5)

    def crons_not_run(self, db, crons, start):
        # a job ran when it finished after the start, or when it ran after the start
        # and left work for its next run (Odoo runs it again at once and sets its
        # lastcall only when it is fully done: the contracts the load signs faster
        # than their PDFs are rendered keep the filing job busy past the run)
        return self.psql(
            db,
            f"SELECT cron_name FROM ir_cron WHERE id IN ({','.join(crons)}) AND active "
            f"AND (lastcall IS NULL OR lastcall < '{start}') AND NOT EXISTS ("
            f"SELECT 1 FROM ir_cron_progress p WHERE p.cron_id = ir_cron.id "
            f"AND p.create_date >= '{start}' AND p.done > 0)",
        )

    # --- the integrity checks ------------------------------------------------

    def check(self, run, start, crons, gevent_up):
        db, counts = run["db"], run["counts"]
        checks = []

        def expect(name, ok, detail=""):
            checks.append((name, bool(ok), detail))

        log_path = os.path.join(self.args.out, f"{run['label']}_server.log")
        with open(log_path, errors="replace") as log:
            text = log.read()
        evented = text.count(EVENTED_START)
        expect(
            "the gevent worker started once and stayed up",
            evented == 1 and gevent_up,
            f"{evented} start(s), answering at the end: {gevent_up}",
        )
        server_errors = sum(n for kind, n in run["errors"].items() if kind == "server error")
        http_5xx = sum(route["5xx"] for route in run["server"].values())
        expect(
            "no server error",
            not server_errors and not http_5xx,
            f"{server_errors} server error(s) seen by the clients, {http_5xx} HTTP 5xx logged",
        )
        # A worker that accepted a connection waits 2 s for the request, then drops it
        # ("Request timed out"): a load generator starved of CPU sends late. Every
        # connection a client saw dropped must be one of those.
        dropped = run["errors"].get("connection error", 0)
        timed_out = text.count("Request timed out")
        expect(
            "every dropped connection is a request the client sent late",
            dropped <= timed_out,
            f"{dropped} connection(s) without an answer, {timed_out} request(s) not sent "
            "within the worker's 2 s",
        )
        cron_failures = [line for line in text.splitlines() if CRON_FAILURE.search(line)]
        run["retries"] = len(RETRY.findall(text))
        run["retries_exhausted"] = text.count("maximum number of tries reached")
        expect(
            "no cron failed",
            not cron_failures,
            "; ".join(line[-200:] for line in cron_failures[:3]),
        )
        if crons:
            missed = self.crons_not_run(db, crons, start)
            # the signed contracts whose PDF the filing job has not attached yet
            pending = self.psql(
                db, "SELECT count(*) FROM sale_archive_document WHERE contract_pending"
            )[0][0]
            expect(
                "every cron ran",
                not missed,
                f"{len(crons)} crons due at the start"
                + (f"; not run: {', '.join(row[0] for row in missed)}" if missed else "")
                + f"; signed contracts still to attach at the end: {pending}",
            )

        def rows(sql):
            return int(self.psql(db, sql % {"start": start})[0][0])

        if run["mix"] == "standard":
            load_users = "SELECT id FROM res_users WHERE login LIKE 'load\\_%%'"
            created = {
                "quotations": rows(
                    "SELECT count(*) FROM sale_order WHERE create_date >= '%(start)s' "
                    f"AND create_uid IN ({load_users})"
                ),
                "confirmations": rows(
                    "SELECT count(*) FROM sale_order WHERE create_date >= '%(start)s' "
                    f"AND create_uid IN ({load_users}) AND state = 'sale'"
                ),
                "tickets": rows(
                    "SELECT count(*) FROM helpdesk_ticket WHERE create_date >= '%(start)s' "
                    "AND name LIKE 'Load ticket %%'"
                ),
            }
        else:
            created = {
                "contracts": rows(
                    "SELECT count(*) FROM sale_order WHERE create_date >= '%(start)s' "
                    "AND client_order_ref LIKE 'LOAD-%%'"
                ),
                "fines": rows(
                    "SELECT count(*) FROM sale_conduct_fine WHERE create_date >= '%(start)s' "
                    "AND description LIKE 'Load %%'"
                ),
                "loans": rows(
                    "SELECT count(*) FROM sale_archive_loan WHERE create_date >= '%(start)s' "
                    "AND purpose LIKE 'Load %%'"
                ),
                "loans returned": rows(
                    "SELECT count(*) FROM sale_archive_loan WHERE create_date >= '%(start)s' "
                    "AND purpose LIKE 'Load %%' AND state = 'returned'"
                ),
                "samples": rows(
                    "SELECT count(*) FROM sale_sample_request WHERE create_date >= '%(start)s' "
                    "AND create_uid = (SELECT id FROM res_users WHERE login = 'wangfang')"
                ),
                "after-sales requests": rows(
                    "SELECT count(*) FROM helpdesk_ticket WHERE create_date >= '%(start)s' "
                    "AND name LIKE 'Load request %%'"
                ),
            }
            self.check_signatures(db, start, counts, expect)
            overdrawn = self.psql(
                db,
                """SELECT b.name FROM sale_market_budget b
                    WHERE b.amount < (SELECT coalesce(sum(r.budget_amount), 0)
                                        FROM sale_sample_request r
                                       WHERE r.budget_id = b.id
                                         AND (r.state != 'cancelled'
                                              OR r.made_date IS NOT NULL))""",
            )
            expect(
                "no sample budget overdrawn",
                not overdrawn,
                ", ".join(row[0] for row in overdrawn),
            )
        for what, number in created.items():
            expect(
                f"{what}: as many in the database as created",
                number == counts.get(what, 0),
                f"{number} in the database, {counts.get(what, 0)} successful creates",
            )
        for name, ok, detail in checks:
            if not ok:
                self.failures.append(f"{run['label']}: {name} ({detail})")
        return checks

    def check_signatures(self, db, start, counts, expect):
        tiers = [
            row[0]
            for row in self.psql(
                db,
                f"""SELECT res_id FROM ir_model_data WHERE module = '{ADDON}' AND name IN
                    ('group_role_department_head', 'group_role_deputy_general_manager',
                     'group_role_general_manager')
                    ORDER BY array_position(ARRAY['group_role_department_head',
                     'group_role_deputy_general_manager', 'group_role_general_manager'], name)""",
            )
        ]
        # effective: every tier review of the contract approved (its validation status)
        signed = self.psql(
            db,
            f"""SELECT o.id,
                       (SELECT count(*) > 0 AND bool_and(r.status = 'approved') FROM tier_review r
                         WHERE r.model = 'sale.order' AND r.res_id = o.id),
                       (SELECT coalesce(string_agg(s.role_id::text, ',' ORDER BY s.date, s.id), '')
                          FROM sale_contract_signature s
                         WHERE s.order_id = o.id AND s.state = 'signed')
                  FROM sale_order o
                 WHERE o.create_date >= '{start}' AND o.client_order_ref LIKE 'LOAD-%'""",
        )
        effective = [row for row in signed if row[1] == "t"]
        wrong = [row[0] for row in effective if row[2].split(",") != tiers]
        # a contract not yet effective: each tier signed at most once, in order
        partial = [
            row[0]
            for row in signed
            if row[1] != "t" and row[2] and row[2].split(",") != tiers[: len(row[2].split(","))]
        ]
        expect(
            "every effective contract signed once per tier, in order",
            # none effective would check nothing: the run was too short or too slow
            effective
            and len(effective) == counts.get("contracts signed", 0)
            and not wrong
            and not partial,
            f"{len(effective)} effective ({counts.get('contracts signed', 0)} signed by the "
            f"clients), {len(signed) - len(effective)} not yet; wrong: {(wrong + partial)[:10]}",
        )

    # --- the whole benchmark -------------------------------------------------

    def run(self):
        fixtures = {
            "base": self.prepare("base", self.args.base_template),
            "addon": self.prepare("addon", self.args.addon_template),
        }
        for number in range(1, ROUNDS + 1):
            self.run_once(f"standard_without_{number}", "base", "standard", fixtures["base"])
            self.run_once(f"standard_with_{number}", "addon", "standard", fixtures["addon"])
        with open(fixtures["addon"]) as addon_fixtures:
            has_department = "department" in json.load(addon_fixtures)
        if has_department:
            self.run_once("department", "addon", "department", fixtures["addon"])
        else:
            say("no department's mix: the database with the addon has no demo data of it")
        print_comparison(self.runs)
        with open(os.path.join(self.args.out, "results.json"), "w") as results:
            json.dump(self.runs, results, indent=1, default=str)
        if self.failures:
            say("FAILED checks:")
            for failure in self.failures:
                print("  " + failure)
            return 1
        say(f"all checks passed; logs and CSV files in {self.args.out}")
        return 0


# --- helpers -----------------------------------------------------------------


def say(message):
    print(f"\033[1m[load]\033[0m {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def with_group(process, sig):
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def read_json(path):
    try:
        with open(path) as content:
            return json.load(content)
    except (OSError, ValueError):
        return {}


class LoadSampler(threading.Thread):
    """The machine's 1-minute load average, every 5 seconds during a run."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(5):
            with open("/proc/loadavg") as loadavg:
                self.samples.append(float(loadavg.read().split()[0]))

    def stop(self):
        self.done.set()
        self.join()

    def summary(self):
        if not self.samples:
            return {}
        return {
            "min": min(self.samples),
            "mean": mean(self.samples),
            "max": max(self.samples),
            "cpus": os.cpu_count(),
        }


def client_stats(path):
    """locust's statistics per route: count, failures, p50/p95/p99 (ms), requests/s."""
    routes = {}
    with open(path) as stats:
        for row in csv.DictReader(stats):
            routes[row["Name"]] = {
                "count": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p50": float(row["50%"] or 0),
                "p95": float(row["95%"] or 0),
                "p99": float(row["99%"] or 0),
                "rps": float(row["Requests/s"] or 0),
            }
    return routes


def failures(path):
    """locust's failures by kind: a JSON-RPC user error (a refusal), a connection that
    got no answer, or a server error (any other JSON-RPC error, an HTTP error status)."""
    kinds = defaultdict(int)
    if os.path.exists(path):
        with open(path) as rows:
            for row in csv.DictReader(rows):
                if "user error:" in row["Error"]:
                    kind = "user error"
                elif "HTTP 0" in row["Error"]:
                    kind = "connection error"  # no answer at all
                else:
                    kind = "server error"
                kinds[kind] += int(row["Occurrences"])
    return dict(kinds)


def server_stats(path):
    """Odoo's request log per route: count, mean server time (ms), mean queries, 5xx."""
    routes = defaultdict(lambda: {"count": 0, "ms": 0.0, "queries": 0, "5xx": 0})
    with open(path, errors="replace") as log:
        for line in log:
            match = REQUEST_LINE.search(ANSI.sub("", line))
            if not match:
                continue
            path_, _, fragment = match["path"].partition("#")
            route = routes[fragment or path_.split("?")[0]]
            route["count"] += 1
            route["ms"] += 1000 * (float(match["query_time"]) + float(match["other_time"]))
            route["queries"] += int(match["queries"])
            route["5xx"] += match["status"].startswith("5")
    return {
        name: dict(
            route, ms=route["ms"] / route["count"], queries=route["queries"] / route["count"]
        )
        for name, route in routes.items()
    }


def print_run(run):
    load = run["load"]
    total = run["routes"].get("Aggregated", {})
    print(
        f"\n== {run['label']} ({run['mix']} mix, {run['db']}): {total.get('count', 0)} requests, "
        f"{total.get('rps', 0):.2f} req/s; load average {load.get('mean', 0):.1f} "
        f"(min {load.get('min', 0):.1f}, max {load.get('max', 0):.1f}) on {load.get('cpus')} CPUs"
    )
    print(
        f"{'route':52} {'count':>6} {'fail':>5} {'server ms':>9} {'queries':>7}"
        f" {'p50':>6} {'p95':>6} {'p99':>6}"
    )
    for name, client in sorted(run["routes"].items()):
        if name == "Aggregated":
            continue
        server = run["server"].get(name, {})
        print(
            f"{name[:52]:52} {client['count']:6d} {client['failures']:5d}"
            f" {server.get('ms', 0):9.0f} {server.get('queries', 0):7.1f}"
            f" {client['p50']:6.0f} {client['p95']:6.0f} {client['p99']:6.0f}"
        )
    print(f"created: {json.dumps(run['counts'], ensure_ascii=False, sort_keys=True)}")
    print(
        f"failed requests by kind: {run['errors'] or 'none'}; requests retried by Odoo after a"
        f" concurrent update: {run.get('retries', 0)}, of which gave up (an error to the"
        f" user): {run.get('retries_exhausted', 0)}"
    )
    for name, ok, detail in run["checks"]:
        print(f"  [{'ok' if ok else 'FAILED'}] {name}: {detail}")


def print_comparison(runs):
    """The standard mix with the addon against without it, over all rounds."""
    sides = {
        side: [run for run in runs if run["mix"] == "standard" and run["kind"] == side]
        for side in ("base", "addon")
    }
    if not all(sides.values()):
        return

    def merged(side):
        routes = defaultdict(lambda: defaultdict(list))
        for run in sides[side]:
            for name, client in run["routes"].items():
                server = run["server"].get(name, {})
                for key in ("p50", "p95", "p99"):
                    routes[name][key].append(client[key])
                routes[name]["count"].append(client["count"])
                routes[name]["rps"].append(client["rps"])
                if server:
                    routes[name]["ms"].append(server["ms"] * server["count"])
                    routes[name]["queries"].append(server["queries"] * server["count"])
                    routes[name]["server_count"].append(server["count"])
        result = {}
        for name, values in routes.items():
            served = sum(values["server_count"])
            result[name] = {
                "count": sum(values["count"]),
                "rps": mean(values["rps"]),
                "ms": sum(values["ms"]) / served if served else 0,
                "queries": sum(values["queries"]) / served if served else 0,
                **{key: mean(values[key]) for key in ("p50", "p95", "p99")},
            }
        return result

    base, addon = merged("base"), merged("addon")

    def ratio(a, b):
        return f"{a / b:5.2f}x" if b else "    -"

    print(
        f"\n== standard mix, with the addon against without it ({len(sides['addon'])} rounds each;"
        " server figures from Odoo's log, client percentiles the mean of the rounds)"
    )
    print(
        f"{'route':44} {'count w/o':>9} {'count w':>8} {'ms w/o':>7} {'ms w':>7} {'ratio':>6}"
        f" {'q w/o':>6} {'q w':>6} {'+q':>5} {'p50':>6} {'p95':>6} {'p99':>6}"
    )
    for name in sorted(set(base) & set(addon)):
        if name == "Aggregated":
            continue
        b, a = base[name], addon[name]
        print(
            f"{name[:44]:44} {b['count']:9d} {a['count']:8d} {b['ms']:7.0f} {a['ms']:7.0f}"
            f" {ratio(a['ms'], b['ms'])} {b['queries']:6.1f} {a['queries']:6.1f}"
            f" {a['queries'] - b['queries']:+5.1f} {ratio(a['p50'], b['p50'])}"
            f" {ratio(a['p95'], b['p95'])} {ratio(a['p99'], b['p99'])}"
        )
    b, a = base.get("Aggregated", {}), addon.get("Aggregated", {})
    if b and a:
        print(
            f"overall: {b['rps']:.2f} req/s without the addon, {a['rps']:.2f} with it: "
            f"throughput {ratio(a['rps'], b['rps']).strip()};"
            f" p50 {ratio(a['p50'], b['p50']).strip()}, p95 {ratio(a['p95'], b['p95']).strip()},"
            f" p99 {ratio(a['p99'], b['p99']).strip()}"
        )
    loads = [run["load"].get("mean", 0) for run in runs]
    print(f"machine load average during the runs: {', '.join(f'{x:.1f}' for x in loads)}")


if __name__ == "__main__":
    sys.exit(main())
