# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Run the Odoo command line of this machine against the test configuration."""

import json
import os
import shutil
import subprocess
import sys
import time

import psycopg2

ODOO_CONF = os.environ.get("SDR_ODOO_CONF")
PYTHON = os.environ.get("SDR_PYTHON", sys.executable)
# the database `tools/dev.sh test` installs the addon into once (with its demo data and
# Chinese); the suite's other databases with the addon are copies of it
TEMPLATE = os.environ.get("SDR_TEMPLATE_DB")
ADDON = "sales_dept_regulation"


def odoo(*args, timeout=1200):
    """Run `python -m odoo [SUBCOMMAND] -c CONF ARGS`; return (seconds, output).

    Raises on failure."""
    assert ODOO_CONF, "SDR_ODOO_CONF is not set: run the suite through tools/dev.sh test"
    subcommand = args[:2] if args[0] == "module" else ()
    start = time.monotonic()
    proc = subprocess.run(
        [PYTHON, "-m", "odoo", *subcommand, "-c", ODOO_CONF, *args[len(subcommand) :]],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    elapsed = time.monotonic() - start
    output = proc.stdout + proc.stderr
    if proc.returncode:
        raise AssertionError(f"odoo {' '.join(args)} failed ({proc.returncode}):\n{output[-4000:]}")
    return elapsed, output


def shell_json(database, script, marker, timeout=600):
    """Run ``script`` in an `odoo shell` on ``database`` and return the JSON the
    script printed on its last line starting with ``marker``."""
    proc = subprocess.run(
        [PYTHON, "-m", "odoo", "shell", "-c", ODOO_CONF, "-d", database]
        + ["--log-level=critical", "--no-http"],
        input=script,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith(marker + " ")]
    assert lines, f"the script failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return json.loads(lines[-1].removeprefix(marker + " "))


def option(name):
    """A value of the test configuration's [options]."""
    with open(ODOO_CONF) as conf:
        for line in conf:
            key, sep, value = line.partition("=")
            if sep and key.strip() == name:
                return value.strip()
    return None


def filestore(dbname):
    return os.path.join(option("data_dir") or "", "filestore", dbname)


def copy_database(template, dbname):
    """dbname as a copy of template, its filestore included (instead of installing)."""
    drop_database(dbname)
    conn = connect("postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            cr.execute(f'CREATE DATABASE "{dbname}" TEMPLATE "{template}"')
    finally:
        conn.close()
    if os.path.isdir(filestore(template)):
        shutil.copytree(filestore(template), filestore(dbname))
    return dbname


def demo_database(dbname):
    """dbname with the addon, its demo data and Chinese: a copy of the template, or
    installed when the suite runs without one."""
    if TEMPLATE:
        return copy_database(TEMPLATE, dbname)
    drop_database(dbname)
    odoo("-d", dbname, "-i", ADDON, "--with-demo", "--load-language=zh_CN", "--stop-after-init")
    return dbname


def connect(dbname):
    """A psycopg2 connection to dbname with the credentials of the test configuration."""
    options = {}
    with open(ODOO_CONF) as conf:
        for line in conf:
            key, sep, value = line.partition("=")
            if sep:
                options[key.strip()] = value.strip()
    return psycopg2.connect(
        dbname=dbname,
        host=options.get("db_host") or None,
        port=options.get("db_port") or None,
        user=options.get("db_user") or None,
        password=options.get("db_password") or None,
    )


def query(dbname, sql, params=None):
    conn = connect(dbname)
    try:
        with conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall()
    finally:
        conn.close()


def drop_database(dbname):
    conn = connect("postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            cr.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    finally:
        conn.close()
    if ODOO_CONF:
        shutil.rmtree(filestore(dbname), ignore_errors=True)
