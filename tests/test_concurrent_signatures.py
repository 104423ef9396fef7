# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Simultaneous signatures of one tier give exactly one signature, and the others the
clean refusal.

A database of its own with the addon, an Odoo HTTP server on a free loopback port
(shared by the tests of this file), and threads, each with its own web session of a
signer, that open the signature wizard and then press its button at the same moment:
twenty sessions of the Department Head on the first tier; two General Managers, each
in two sessions, on the last tier, whose signature also files the contract (the
clerk's activity, the catalogue entry) and triggers the job that attaches it.
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
from odoo_cli import ODOO_CONF, PYTHON, connect, copy_database, drop_database, query

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
# the refusals of a signature whose tier is decided already (or of a signer
# who signed another tier)
REFUSALS = ("You are not the signer", "You already signed")
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


@pytest.fixture(scope="module")
def server(tmp_path_factory, bare_template):
    db = copy_database(bare_template[0], f"sdr_sign_{os.getpid()}")
    port = free_port()
    log = open(tmp_path_factory.mktemp("signatures") / "server.log", "w+")  # noqa: SIM115 - closed below
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


def make_user(admin, login, role):
    admin.call(
        "res.users",
        "create",
        {
            "name": login.title(),
            "login": login,
            "password": PASSWORD,
            "group_ids": [(6, 0, [xmlid(admin, f"{ADDON}.group_role_{role}")])],
        },
    )
    return login


def make_contract(admin):
    """A contract waiting for the Department Head, and the Department Head's login."""
    login = make_user(admin, "head", "department_head")
    return submit_contract(admin), login


def submit_contract(admin):
    """A contract submitted for its signatures."""
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
    return order


def open_dialog(session, order):
    action = session.call("sale.order", "validate_tier", [order], button=True)
    assert action["res_model"] == "sale.contract.sign.wizard", action
    return session.call(
        "sale.contract.sign.wizard",
        "create",
        {"sdr_signature": SIGNATURE_PNG},
        context=action["context"],
    )


def sign(url, db, order, login):
    session = Session(url, db, login, PASSWORD)
    wizard = open_dialog(session, order)
    session.call("sale.contract.sign.wizard", "add_comment", [wizard], button=True)


def sign_at_once(url, db, order, logins):
    """Each login signs ``order`` in a session of its own, all pressing the dialog's
    button at the same moment: the outcome of each, (kind, detail)."""
    barrier = threading.Barrier(len(logins), timeout=120)
    outcomes = [None] * len(logins)

    def press(number, login):
        try:
            session = Session(url, db, login, PASSWORD)
            wizard = open_dialog(session, order)
        except Exception as exc:  # noqa: BLE001 - a preparation failure is reported
            outcomes[number] = ("preparation failed", repr(exc))
            barrier.abort()
            return
        barrier.wait()
        try:
            session.call("sale.contract.sign.wizard", "add_comment", [wizard], button=True)
            outcomes[number] = ("success", "")
        except RpcError as exc:
            if exc.name == "odoo.exceptions.UserError" and any(
                refusal in str(exc) for refusal in REFUSALS
            ):
                kind = "refused"
            else:
                # a database error shown as a user error ("a partner cannot follow
                # twice the same object") is no clean refusal either
                kind = "other user error" if exc.name in USER_ERRORS else "server error"
            outcomes[number] = (kind, str(exc)[:300])
        except Exception as exc:  # noqa: BLE001 - an HTTP 500 or a broken connection
            outcomes[number] = ("server error", repr(exc)[:300])

    threads = [threading.Thread(target=press, args=(n, login)) for n, login in enumerate(logins)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return outcomes


def check_outcomes(outcomes, log, log_start):
    """Exactly one signature went through, every other got the clean refusal, and the
    server logged no traceback meanwhile."""
    counts = Counter(kind for kind, _detail in outcomes if kind)
    details = "\n".join(f"  {n}: {kind} {detail}" for n, (kind, detail) in enumerate(outcomes))
    server_log = log_text(log)[log_start:]
    assert not counts.get("preparation failed"), details
    assert not counts.get("server error"), details
    assert not counts.get("other user error"), details
    assert "Traceback (most recent call last)" not in server_log, server_log[-6000:]
    assert counts.get("success") == 1, details
    assert counts.get("refused") == len(outcomes) - 1, details
    return counts


def test_twenty_simultaneous_signatures(server):
    url, db, log = server
    log_start = len(log_text(log))
    admin = Session(url, db, "admin", "admin")
    order, login = make_contract(admin)
    start = time.monotonic()
    outcomes = sign_at_once(url, db, order, [login] * SIGNERS)
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
    tracebacks = log_text(log)[log_start:].count("Traceback (most recent call last)")
    report(
        f"{SIGNERS} simultaneous signatures of one tier: {counts.get('success', 0)} succeeded, "
        f"{counts.get('refused', 0)} refused, {counts.get('other user error', 0)} other user "
        f"errors, {counts.get('server error', 0)} server errors, "
        f"{counts.get('preparation failed', 0)} failed before signing; "
        f"{signatures} signature row(s), {approved} approved review(s), "
        f"{tracebacks} traceback(s) in the server log, {seconds:.1f} s"
    )
    check_outcomes(outcomes, log, log_start)
    assert signatures == 1, f"{signatures} signatures:\n{outcomes}"
    assert approved == 1, f"{approved} approved reviews:\n{outcomes}"


def attachments(db, document):
    return query(
        db,
        "SELECT count(*) FROM ir_attachment WHERE res_model = 'sale.archive.document' "
        "AND res_id = %s",
        [document],
    )[0][0]


def test_last_tier_signed_at_once_files_the_contract_once(server):
    """Two General Managers, each in two sessions, sign the last tier at once: the
    first signature takes effect and files the contract (the clerk's activity, one
    catalogue entry), the three others are refused cleanly (before, the filing
    activity's follower made them fail on mail_followers' unique index). The job that
    attaches the signed contract skips a document another run holds and files it
    once."""
    url, db, log = server
    log_start = len(log_text(log))
    admin = Session(url, db, "admin", "admin")
    make_user(admin, "clerk", "sales_clerk")
    first_signers = [
        make_user(admin, "head2", "department_head"),
        make_user(admin, "deputy", "deputy_general_manager"),
    ]
    managers = [make_user(admin, login, "general_manager") for login in ("gm1", "gm2")]
    order = submit_contract(admin)
    for login in first_signers:
        sign(url, db, order, login)
    start = time.monotonic()
    outcomes = sign_at_once(url, db, order, managers * 2)
    seconds = time.monotonic() - start
    counts = check_outcomes(outcomes, log, log_start)

    signatures = query(
        db,
        "SELECT count(*) FROM sale_contract_signature WHERE order_id = %s AND state = 'signed'",
        [order],
    )[0][0]
    activities = query(
        db,
        """SELECT count(*) FROM mail_activity a JOIN ir_model_data d
                ON d.model = 'mail.activity.type' AND d.res_id = a.activity_type_id
            WHERE a.res_model = 'sale.order' AND a.res_id = %s
              AND d.module = %s AND d.name = 'mail_activity_type_file_contract'""",
        [order, ADDON],
    )[0][0]
    documents = query(
        db,
        "SELECT id, contract_pending FROM sale_archive_document WHERE sale_order_id = %s",
        [order],
    )
    report(
        f"last tier signed by {len(outcomes)} sessions at once: {counts.get('success', 0)} "
        f"succeeded, {counts.get('refused', 0)} refused cleanly; {signatures} signature "
        f"row(s), {activities} filing activit(ies), {len(documents)} archive document(s), "
        f"{seconds:.1f} s"
    )
    assert signatures == 3, outcomes  # one per tier
    assert activities == 1, outcomes
    assert len(documents) == 1, documents
    [(document, pending)] = documents
    # the signature rendered nothing: the job attaches the contract
    assert pending
    assert not attachments(db, document)

    cron = xmlid(admin, f"{ADDON}.ir_cron_archive_file_signed_contracts")
    holder = connect(db)
    try:
        with holder.cursor() as cr:
            # another run filing it holds its row: this run skips it
            cr.execute("SELECT id FROM sale_archive_document WHERE id = %s FOR UPDATE", [document])
            admin.call("ir.cron", "method_direct_trigger", [cron], button=True)
            assert not attachments(db, document)
    finally:
        holder.rollback()
        holder.close()
    for _run in range(2):
        admin.call("ir.cron", "method_direct_trigger", [cron], button=True)
        assert attachments(db, document) == 1
    assert query(
        db, "SELECT contract_pending FROM sale_archive_document WHERE id = %s", [document]
    ) == [(False,)]
    server_log = log_text(log)[log_start:]
    assert "Traceback (most recent call last)" not in server_log, server_log[-6000:]
