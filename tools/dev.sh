#!/usr/bin/env bash
# Set up everything sales_dept_regulation needs on this machine, then either
#   run              serve a demo database on http://localhost:8069,
#   test             lint (ruff, pylint-odoo), then run the whole test suite on throw-away
#                    databases (the benchmarks at small sizes),
#   bench            run the benchmarks at their full sizes and print their figures,
#   load             serve a demo database with and one without the addon as a company
#                    does (odoo-bin, 4 HTTP and 2 cron workers) and drive them with locust
#                    through the web client's routes; print per route the server time,
#                    queries, p50/p95/p99, throughput and the ratios; check the data, or
#   compat-baseline  run the host's suites without the addon and record them in
#                    tests/compat_baseline.json (the compatibility check's reference).
# Odoo 19 itself must be importable by python3, or pointed at with ODOO_SRC.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
addon=sales_dept_regulation
state=${SDR_STATE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/$addon}
python=${PYTHON:-python3}
http_port=${HTTP_PORT:-8069}
demo_db=${DEMO_DB:-sdr_demo}

say() { printf '\033[1m[sdr]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[sdr] %s\033[0m\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

usage() {
    echo "usage: $0 run|test|bench|load|compat-baseline [pytest args...]" >&2
    exit 2
}

# --- Odoo ------------------------------------------------------------------
find_odoo() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/release.py" ] || die "ODOO_SRC=$ODOO_SRC is not an Odoo source tree (no odoo/release.py)."
        export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
    fi
    local series
    if ! series=$("$python" -c 'import odoo.release as r; print(r.series)' 2>/dev/null); then
        die "Odoo 19 cannot be imported by '$python'. Either install Odoo 19 into it (pip install -e /path/to/odoo-19) or set ODOO_SRC=/path/to/odoo-19 (the folder that holds odoo-bin)."
    fi
    [ "$series" = "19.0" ] || die "'$python' imports Odoo $series, but this addon needs Odoo 19.0. Set ODOO_SRC=/path/to/odoo-19."
    odoo_root=$("$python" -c 'import os, odoo.release as r; print(os.path.dirname(os.path.dirname(os.path.abspath(r.__file__))))')
    odoo_addons="$odoo_root/odoo/addons"
    [ -d "$odoo_root/addons" ] && odoo_addons="$odoo_root/addons,$odoo_addons"
    say "Odoo 19 found in $odoo_root"
}

# --- PostgreSQL --------------------------------------------------------------
pg_try() { psql -X -q -t -A -d "${PGDATABASE:-postgres}" -c "$1" 2>/dev/null; }

ensure_postgres() {
    # 1. A server reachable through the caller's PG* variables, with a role Odoo accepts.
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && command -v psql >/dev/null && pg_try 'select 1' >/dev/null; then
        local user
        user=$(pg_try 'select current_user')
        if [ "$user" != postgres ]; then
            say "Using the PostgreSQL server of PGHOST=${PGHOST:-local socket} as role $user"
            db_user=$user; db_password=${PGPASSWORD:-}; db_host=${PGHOST:-}; db_port=${PGPORT:-5432}
            return
        fi
    fi
    # 2. The local Debian cluster: installed if missing, started if stopped.
    if ! command -v pg_lsclusters >/dev/null; then
        say "Installing PostgreSQL with apt-get (once)..."
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
    fi
    if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
        local version
        version=$(ls /usr/lib/postgresql | sort -n | tail -1)
        say "Creating PostgreSQL cluster $version/main"
        as_root pg_createcluster "$version" main >/dev/null
    fi
    local version name port status
    read -r version name port status _ < <(pg_lsclusters -h | head -1)
    if [ "$status" != online ]; then
        say "Starting PostgreSQL $version/$name"
        as_root pg_ctlcluster "$version" "$name" start
    fi
    db_user=${SDR_DB_USER:-odoo}; db_password=${SDR_DB_PASSWORD:-odoo}; db_host=127.0.0.1; db_port=$port
    # Odoo refuses to run as the postgres role: make its own.
    as_root runuser -u postgres -- psql -X -q -p "$port" -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_user') THEN
    CREATE ROLE "$db_user" LOGIN SUPERUSER PASSWORD '$db_password';
  END IF;
END \$\$;
SQL
    say "PostgreSQL $version on port $port, role $db_user"
}

# --- Python dependencies and the browser -----------------------------------
ensure_python_deps() {
    mkdir -p "$state"
    local stamp="$state/requirements.sha" want
    want=$(cat "$here/requirements.txt" | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! "$python" -c 'import xlsxwriter, phonenumbers, pytest_odoo, websocket, ruff, pylint_odoo' 2>/dev/null; then
        say "Installing Python dependencies and OCA addons (requirements.txt)..."
        local constraint="$state/pip-constraint.txt"
        echo 'setuptools<70' >"$constraint"
        PIP_CONSTRAINT="$constraint" "$python" -m pip install -q --disable-pip-version-check \
            -r "$here/requirements.txt" 2>&1 | grep -v -e '^WARNING: Location' -e 'Running pip as the' || true
        "$python" -c 'import xlsxwriter, phonenumbers, pytest_odoo, websocket, ruff, pylint_odoo' \
            || die "Python dependencies failed to install (see pip's output above)."
        echo "$want" >"$stamp"
    fi
    if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
        say "Installing Debian's chromium for browser tests (once)..."
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
    fi
    # the contract PDF: Debian's wkhtmltopdf, a Chinese font, pdftotext for its test
    if ! command -v wkhtmltopdf >/dev/null || ! command -v pdftotext >/dev/null \
        || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
        say "Installing wkhtmltopdf, a Chinese font and poppler-utils for the contract PDF (once)..."
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq \
            wkhtmltopdf fonts-wqy-zenhei poppler-utils >/dev/null
    fi
}

# --- Odoo configuration ----------------------------------------------------
write_config() {
    # The OCA addons installed from PyPI live in odoo/addons of site-packages,
    # which Odoo finds by itself through the odoo.addons namespace.
    conf="$state/odoo.conf"
    cat >"$conf" <<EOF
[options]
addons_path = $here,$odoo_addons
data_dir = $state/data
db_host = $db_host
db_port = $db_port
db_user = $db_user
db_password = $db_password
http_interface = 127.0.0.1
http_port = $http_port
list_db = False
EOF
}

odoo_bin() { "$python" -m odoo -c "$conf" "$@"; }

db_exists() { PGPASSWORD=$db_password psql -X -q -t -A -h "$db_host" -p "$db_port" -U "$db_user" -d postgres \
    -c "select 1 from pg_database where datname = '$1'" | grep -q 1; }

drop_db() { PGPASSWORD=$db_password dropdb -h "$db_host" -p "$db_port" -U "$db_user" --if-exists "$1"; rm -rf "$state/data/filestore/$1"; }

# A copy of database $1 named $2, its filestore included: seconds instead of an install.
copy_db() {
    drop_db "$2"
    PGPASSWORD=$db_password createdb -h "$db_host" -p "$db_port" -U "$db_user" -T "$1" "$2"
    if [ -d "$state/data/filestore/$1" ]; then
        mkdir -p "$state/data/filestore"
        cp -r "$state/data/filestore/$1" "$state/data/filestore/$2"
    fi
}

check_demo_installed() {
    local demo
    demo=$(PGPASSWORD=$db_password psql -X -q -t -A -h "$db_host" -p "$db_port" -U "$db_user" -d "$1" \
        -c "select demo from ir_module_module where name = '$addon' and state = 'installed'")
    [ "$demo" = t ] || die "$addon is not installed with its demo data in $1 (see the log above)."
}

print_logins() {
    "$python" - "$here" <<'EOF'
import ast, sys, pathlib
print("Demo logins (password = login) on http://localhost:%s:" % __import__("os").environ.get("HTTP_PORT", "8069"))
from xml.etree import ElementTree as ET
records = [
    rec
    for path in sorted(pathlib.Path(sys.argv[1], "sales_dept_regulation/demo").glob("*.xml"))
    for rec in ET.parse(path).iter("record")
]
for rec in records:
    if rec.get("model") != "res.users":
        continue
    f = {x.get("name"): (x.text or x.get("ref") or "") for x in rec.iter("field")}
    role = rec.get("id").removeprefix("user_demo_").replace("_", " ")
    print("  %-12s %-8s %s" % (f.get("login"), f.get("name"), role))
print("  admin        (administrator, password admin)")
EOF
}

# --- commands ----------------------------------------------------------------
cmd_run() {
    if ! db_exists "$demo_db"; then
        say "Creating demo database $demo_db with $addon and its demo data (a few minutes)..."
        odoo_bin -d "$demo_db" -i "$addon" --with-demo --load-language=zh_CN --stop-after-init --log-level=warn \
            || { drop_db "$demo_db"; die "Installing $addon into $demo_db failed."; }
        check_demo_installed "$demo_db" || { drop_db "$demo_db"; exit 1; }
    fi
    print_logins
    say "Serving $demo_db on http://localhost:$http_port (Ctrl-C to stop)"
    exec "$python" -m odoo -c "$conf" -d "$demo_db" --db-filter="^$demo_db\$" --log-level=warn
}

# every addon of the repository (the addon and its bridges)
addon_folders() { (cd "$here" && for manifest in */__manifest__.py; do dirname "$manifest"; done); }

lint() {
    # OCA's checks: ruff (lint and format) and pylint-odoo's odoolint checks,
    # configured in ruff.toml and .pylintrc; any finding fails the run.
    say "Linting with ruff and pylint-odoo..."
    (
        cd "$here"
        "$python" -m ruff check --no-fix . \
            && "$python" -m ruff format --check . \
            && "$python" -m pylint --rcfile="$here/.pylintrc" $(addon_folders)
    ) || die "Lint failed (see above). 'ruff check --fix . && ruff format .' fixes most of it."
}

# The addon installed once, with its demo data and Chinese, into a template database
# ($template_db); the suite's databases with the addon are copies of it, the first one
# ($test_db) is the database pytest-odoo loads.
prepare_databases() {
    template_db="sdr_template_$$"
    test_db="sdr_test_$$"
    trap 'drop_db "$test_db" >/dev/null 2>&1 || true; drop_db "$template_db" >/dev/null 2>&1 || true' EXIT
    say "Installing $addon with demo data into template database $template_db..."
    local t0=$SECONDS
    odoo_bin -d "$template_db" -i "$addon" --with-demo --load-language=zh_CN --stop-after-init --log-level=warn \
        || die "Installing $addon into $template_db failed."
    # Odoo only warns when demo data fails to load: make it an error here.
    check_demo_installed "$template_db"
    copy_db "$template_db" "$test_db"
    say "Installed in $((SECONDS - t0)) s; $test_db is a copy of it."
    export SDR_ODOO_CONF="$conf" SDR_PYTHON="$python" SDR_TEMPLATE_DB="$template_db"
}

run_pytest() {
    cd "$here"
    # shellcheck disable=SC2086
    "$python" -m pytest -c "$here/pytest.ini" --rootdir="$here" --odoo-config="$conf" --odoo-database="$test_db" \
        --odoo-http --odoo-log-level=warn "$@"
}

cmd_test() {
    local t0=$SECONDS
    lint
    prepare_databases
    say "Running the test suite with pytest-odoo..."
    local rc=0
    if [ -n "${SDR_TESTS:-}" ]; then
        # SDR_TESTS narrows the run while developing
        # shellcheck disable=SC2086
        run_pytest $SDR_TESTS "$@" || rc=$?
    else
        run_both_halves "$@" || rc=$?
    fi
    say "Test command finished in $((SECONDS - t0)) s (exit $rc)."
    return $rc
}

# The whole suite in two halves at once, one per core: the addon's own tests (in this
# process, with the HTTP server for the tours) and the whole-system checks of tests/
# (which run Odoo in processes of their own, the benchmarks at small sizes), each on
# its own copy of the template. The second half's output follows the first's.
run_both_halves() {
    # global: the EXIT trap drops it after this function has returned
    top_db="sdr_test_top_$$"
    local top_log="$state/tests_top_$$.log" addon_log="$state/tests_addon_$$.log" rc=0 top_rc=0
    copy_db "$template_db" "$top_db"
    trap 'drop_db "$test_db" >/dev/null 2>&1 || true; drop_db "$template_db" >/dev/null 2>&1 || true; drop_db "$top_db" >/dev/null 2>&1 || true; drop_db "sdr_test_bridge_$$" >/dev/null 2>&1 || true' EXIT
    (
        cd "$here"
        "$python" -m pytest -c "$here/pytest.ini" --rootdir="$here" --odoo-config="$conf" \
            --odoo-database="$top_db" --odoo-log-level=warn tests "$@"
    ) >"$top_log" 2>&1 &
    local top_pid=$!
    say "The whole-system checks (tests/) run beside the addon's tests; their output follows."
    set +e
    run_pytest "$addon/tests" "$@" 2>&1 | tee "$addon_log"
    rc=${PIPESTATUS[0]}
    # the bridges to OCA's phone calls and financial risk install with crm_phonecall
    # and sale_financial_risk, which the template lacks: each bridge's tests run on a
    # copy of the template given that bridge (demo data on)
    local bridge
    for bridge in phonecall credit; do
        run_bridge_tests "$bridge" "$@" || rc=1
    done
    set -e
    wait "$top_pid" || top_rc=$?
    say "The whole-system checks (tests/):"
    cat "$top_log"
    # one closing line for both halves (errors count as failures)
    "$python" - "$addon_log" "$state"/tests_bridge_*_$$.log "$top_log" <<'PY'
import re, sys
totals = {"passed": 0, "failed": 0, "skipped": 0}
for path in sys.argv[1:]:
    lines = [line for line in open(path, errors="replace") if re.search(r"=+ .* in [0-9.]+s", line)]
    for count, word in re.findall(r"(\d+) (passed|failed|errors?|skipped)", lines[-1] if lines else ""):
        totals["failed" if word.startswith("error") else word] += int(count)
line = f"total: {totals['passed']} passed, {totals['failed']} failed"
print(line + (f", {totals['skipped']} skipped" if totals["skipped"] else ""))
PY
    rm -f "$top_log" "$addon_log" "$state"/tests_bridge_*_$$.log
    [ "$rc" = 0 ] && [ "$top_rc" = 0 ]
}

# A bridge's tests ($1: phonecall, credit), on a copy of the template given the bridge;
# its output goes to the terminal and to a log the closing line counts.
run_bridge_tests() {
    local bridge="${addon}_$1" bridge_db="sdr_test_bridge_$$" log="$state/tests_bridge_$1_$$.log"
    shift
    say "The bridge ${bridge}'s tests, on a copy of the template with it..."
    copy_db "$template_db" "$bridge_db"
    if ! odoo_bin -d "$bridge_db" -i "$bridge" --stop-after-init --log-level=warn; then
        echo "=== 1 failed in 0s (installing $bridge failed) ===" >"$log"
        drop_db "$bridge_db"
        return 1
    fi
    local rc=0
    (
        cd "$here"
        "$python" -m pytest -c "$here/pytest.ini" --rootdir="$here" --odoo-config="$conf" \
            --odoo-database="$bridge_db" --odoo-http --odoo-log-level=warn "$bridge/tests" "$@"
    ) 2>&1 | tee "$log"
    [ "${PIPESTATUS[0]}" = 0 ] || rc=1
    drop_db "$bridge_db"
    return $rc
}

cmd_bench() {
    local t0=$SECONDS
    prepare_databases
    say "Running the benchmarks at their full sizes..."
    local rc=0
    SDR_BENCH=1 run_pytest "$here"/tests/test_bench_*.py "$@" || rc=$?
    say "Benchmarks finished in $((SECONDS - t0)) s (exit $rc)."
    return $rc
}

# --- the load benchmark ---------------------------------------------------------
# locust in a virtualenv of its own (it needs newer gevent, Werkzeug... than Odoo pins),
# and a newer pkg_resources for the served Odoo (see tools/load/server-requirements.txt)
ensure_load_tools() {
    load_state="$state/load"
    local stamp="$load_state/requirements.sha" want
    want=$(cat "$here/tools/load/requirements.txt" "$here/tools/load/server-requirements.txt" \
        | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && [ -x "$load_state/venv/bin/locust" ]; then
        return
    fi
    say "Installing locust into $load_state/venv (tools/load/requirements.txt)..."
    rm -rf "$load_state/venv" "$load_state/server-site"
    mkdir -p "$load_state"
    if ! "$python" -m venv "$load_state/venv" 2>/dev/null; then
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
        "$python" -m venv "$load_state/venv"
    fi
    local constraint="$state/pip-constraint.txt"
    echo 'setuptools<70' >"$constraint"
    PIP_CONSTRAINT="$constraint" "$load_state/venv/bin/python" -m pip install -q \
        --disable-pip-version-check -r "$here/tools/load/requirements.txt" 2>&1 \
        | grep -v -e '^WARNING: Location' || true
    [ -x "$load_state/venv/bin/locust" ] || die "locust failed to install (see pip's output above)."
    "$python" -m pip install -q --disable-pip-version-check --target "$load_state/server-site" \
        -r "$here/tools/load/server-requirements.txt" 2>&1 | grep -v -e '^WARNING' || true
    [ -d "$load_state/server-site/pkg_resources" ] || die "setuptools failed to install into $load_state/server-site."
    echo "$want" >"$stamp"
}

cmd_load() {
    local t0=$SECONDS odoo_bin_path="$odoo_root/odoo-bin"
    [ -f "$odoo_bin_path" ] || die "No odoo-bin in $odoo_root: the load benchmark serves Odoo as a company does, through odoo-bin (set ODOO_SRC to an Odoo source tree)."
    ensure_load_tools
    # the databases to copy: given (SDR_LOAD_ADDON_TEMPLATE, SDR_LOAD_BASE_TEMPLATE),
    # or built here: the addon with demo data and Chinese (as for the tests), and the
    # addon's dependencies only, with demo data and Chinese
    local addon_template=${SDR_LOAD_ADDON_TEMPLATE:-} base_template=${SDR_LOAD_BASE_TEMPLATE:-}
    if [ -z "$addon_template" ]; then
        prepare_databases
        addon_template=$template_db
    fi
    if [ -z "$base_template" ]; then
        base_db="sdr_load_base_$$"
        trap 'drop_db "${test_db:-}" >/dev/null 2>&1 || true; drop_db "${template_db:-}" >/dev/null 2>&1 || true; drop_db "$base_db" >/dev/null 2>&1 || true' EXIT
        local depends
        depends=$("$python" -c 'import ast, sys; print(",".join(ast.literal_eval(open(sys.argv[1]).read())["depends"]))' "$here/$addon/__manifest__.py")
        say "Installing the addon's dependencies ($depends) with demo data into $base_db..."
        odoo_bin -d "$base_db" -i "$depends" --with-demo --load-language=zh_CN --stop-after-init --log-level=warn \
            || die "Installing the addon's dependencies into $base_db failed."
        base_template=$base_db
    fi
    local out="$state/load/run_$(date -u +%Y%m%d_%H%M%S)"
    say "Load benchmark: ${SDR_LOAD_USERS:-50} users, ${SDR_LOAD_SECONDS:-60} s a run of the standard mix, ${SDR_LOAD_ROUNDS:-2} rounds; output in $out"
    local rc=0
    PGHOST=$db_host PGPORT=$db_port PGUSER=$db_user PGPASSWORD=$db_password \
        "$python" "$here/tools/load/run.py" --conf "$conf" --odoo-bin "$odoo_bin_path" --python "$python" \
        --locust "$load_state/venv/bin/locust" --server-path "$load_state/server-site" \
        --addon-template "$addon_template" --base-template "$base_template" --out "$out" || rc=$?
    say "Load benchmark finished in $((SECONDS - t0)) s (exit $rc)."
    return $rc
}

cmd_compat_baseline() {
    say "Running the host's suites without the addon (tests/compat_baseline.json)..."
    cd "$here"
    SDR_ODOO_CONF="$conf" SDR_PYTHON="$python" PYTHONPATH="$here/tests:$here${PYTHONPATH:+:$PYTHONPATH}" \
        "$python" "$here/tests/test_compat_suites.py"
}

[ $# -ge 1 ] || usage
command=$1; shift
case "$command" in
    run|test|bench|load) ;;
    compat-baseline) command=compat_baseline ;;
    *) usage ;;
esac
find_odoo
ensure_postgres
ensure_python_deps
write_config
"cmd_$command" "$@"
