# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Twenty simultaneous signatures of one tier by its signer give exactly one signature.

A database of its own with the addon, an Odoo HTTP server on a free loopback port,
and twenty threads, each with its own web session of the Department Head, that
open the signature wizard and then press its button at the same moment.
"""

import http.cookiejar
import json
import os
import socket
import subprocess
import threading
import time
import urllib.request
from collections import Counter

import pytest
from figures import report
from odoo_cli import ODOO_CONF, PYTHON, copy_database, drop_database, query

ADDON = "sales_dept_regulation"
SIGNERS = 20
PASSWORD = "Sign-2026!"
# a drawn stroke on a 60x20 pad, as the signature widget sends it (a blank pad
# is refused)
SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAADwAAAAUCAQAAAB7CpaiAAAAgklEQVR42u2VwQrAIAxDff//0d1lB4ezxBoQxgreTNJgTVv7673iPr"
    "ZCll1D5GwoNFFsNucDWRaD79AIRqE96d5EAo+JRE18QFEYptgYTjJgCLS6+OQmbkLVBMteTU+Ce2hUExS9bn87LIH4ZJBM9B06olCO"
    "VvrgNmww3yo5vT6/UxcueSoKsiXS9gAAAABJRU5ErkJggg=="
)
USER_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RpcError(Exception):
    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name


class Session:
    """A browser-like session: its own cookie, JSON-RPC calls as the web client makes."""

    def __init__(self, url, db, login, password):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.uid = self.rpc("/web/session/authenticate", db=db, login=login, password=password)[
            "uid"
        ]
        assert self.uid, f"{login} could not log in"

    def rpc(self, path, **params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        request = urllib.request.Request(
            self.url + path, body.encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=120) as response:
            answer = json.load(response)
        if "error" in answer:
            data = answer["error"].get("data") or {}
            raise RpcError(data.get("name", "?"), data.get("message") or answer["error"])
        return answer["result"]

    def call(self, model, method, *args, button=False, **kwargs):
        kind = "call_button" if button else "call_kw"
        return self.rpc(
            f"/web/dataset/{kind}/{model}/{method}",
            model=model,
            method=method,
            args=list(args),
            kwargs=kwargs,
        )


def xmlid(admin, name):
    module, _, record = name.partition(".")
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", record)],
        ["res_id"],
    )
    return rows[0]["res_id"]


@pytest.fixture
def server(tmp_path, bare_template):
    db = copy_database(bare_template[0], f"sdr_sign_{os.getpid()}")
    port = free_port()
    log = open(tmp_path / "server.log", "w+")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "odoo",
            "-c",
            ODOO_CONF,
            "-d",
            db,
            f"--db-filter=^{db}$",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            "--workers=0",
            "--max-cron-threads=0",
            "--log-level=warn",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, "the Odoo server stopped:\n" + log_text(log)
            try:
                with urllib.request.urlopen(url + "/web/health", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the Odoo server did not answer in 180 s"
            time.sleep(0.5)
        yield url, db, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        drop_database(db)


def log_text(log):
    log.flush()
    log.seek(0)
    return log.read()


def make_contract(admin):
    """A contract waiting for the Department Head, and the Department Head's login."""
    head_group = xmlid(admin, f"{ADDON}.group_role_department_head")
    admin.call(
        "res.users",
        "create",
        {
            "name": "Head of Sales",
            "login": "head",
            "password": PASSWORD,
            "group_ids": [(6, 0, [head_group])],
        },
    )
    partner = admin.call("res.partner", "create", {"name": "Concurrent Customer Ltd"})
    product = admin.call("product.product", "create", {"name": "Steel Mould", "list_price": 115.0})
    term = admin.call("account.payment.term", "create", {"name": "30 days net"})
    order = admin.call(
        "sale.order",
        "create",
        {
            "partner_id": partner,
            "is_contract": True,
            "client_order_ref": "HT-2026-020",
            "payment_term_id": term,
            "commitment_date": "2026-12-01 08:00:00",
            "sdr_delivery_method": "own",
            "order_line": [(0, 0, {"product_id": product, "product_uom_qty": 1})],
        },
    )
    admin.call("sale.order", "request_validation", [order], button=True)
    return order, "head"


def test_twenty_simultaneous_signatures(server):
    url, db, log = server
    admin = Session(url, db, "admin", "admin")
    order, login = make_contract(admin)
    barrier = threading.Barrier(SIGNERS, timeout=120)
    outcomes = [None] * SIGNERS

    def sign(number):
        try:
            session = Session(url, db, login, PASSWORD)
            action = session.call("sale.order", "validate_tier", [order], button=True)
            assert action["res_model"] == "sale.contract.sign.wizard", action
            wizard = session.call(
                "sale.contract.sign.wizard",
                "create",
                {"sdr_signature": SIGNATURE_PNG},
                context=action["context"],
            )
        except Exception as exc:  # noqa: BLE001 - a preparation failure is reported
            outcomes[number] = ("preparation failed", repr(exc))
            barrier.abort()
            return
        barrier.wait()
        try:
            session.call("sale.contract.sign.wizard", "add_comment", [wizard], button=True)
            outcomes[number] = ("success", "")
        except RpcError as exc:
            kind = "user error" if exc.name in USER_ERRORS else "server error"
            outcomes[number] = (kind, str(exc)[:300])
        except Exception as exc:  # noqa: BLE001 - an HTTP 500 or a broken connection
            outcomes[number] = ("server error", repr(exc)[:300])

    threads = [threading.Thread(target=sign, args=(n,)) for n in range(SIGNERS)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    seconds = time.monotonic() - start
    counts = Counter(kind for kind, _detail in outcomes if kind)

    signatures = query(
        db,
        "SELECT count(*) FROM sale_contract_signature WHERE order_id = %s AND state = 'signed'",
        [order],
    )[0][0]
    approved = query(
        db,
        """SELECT count(*) FROM tier_review r JOIN res_users u ON u.id = r.done_by
            WHERE r.model = 'sale.order' AND r.res_id = %s AND r.status = 'approved'
              AND u.login = %s""",
        [order, login],
    )[0][0]
    server_log = log_text(log)
    tracebacks = server_log.count("Traceback (most recent call last)")
    report(
        f"{SIGNERS} simultaneous signatures of one tier: {counts.get('success', 0)} succeeded, "
        f"{counts.get('user error', 0)} user errors, {counts.get('server error', 0)} server "
        f"errors, {counts.get('preparation failed', 0)} failed before signing; "
        f"{signatures} signature row(s), {approved} approved review(s), "
        f"{tracebacks} traceback(s) in the server log, {seconds:.1f} s"
    )
    details = "\n".join(f"  {n}: {kind} {detail}" for n, (kind, detail) in enumerate(outcomes))
    assert not counts.get("preparation failed"), details
    assert not counts.get("server error"), details
    assert not tracebacks, server_log[-6000:]
    assert counts.get("success", 0) + counts.get("user error", 0) == SIGNERS, details
    assert signatures == 1, f"{signatures} signatures:\n{details}"
    assert approved == 1, f"{approved} approved reviews:\n{details}"
