# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The load benchmark's simulated users, driving Odoo through the web client's own routes.

Two user classes, one per mix, chosen by SDR_LOAD_MIX (run.py sets it):
- StandardUser (standard): quotations created and confirmed, the order form and list,
  helpdesk tickets created and listed, as plain Sales users (load_NN) in any database;
- DepartmentUser (department): the addon's demo users doing the department's work:
  contracts submitted and signed in order, fines, archive loans, samples, after-sales
  requests and the landing page.

Every call is a JSON-RPC call of the web client, named in locust's statistics as
Odoo's request log names it (model.method), so that run.py can join both. The field
specifications are built from the views that get_views returns, as the web client does.
SDR_LOAD_FIXTURES names the JSON file of ids prepared by run.py; the successful creates
are counted in SDR_LOAD_COUNTS at the end (for the integrity checks).
"""

import itertools
import json
import os
import random
import threading
import time
from collections import Counter
from datetime import datetime, timedelta
from xml.etree import ElementTree

from locust import HttpUser, between, events, task
from locust.clients import HttpSession

FIXTURES = json.load(open(os.environ["SDR_LOAD_FIXTURES"]))  # noqa: SIM115 - read once
MIX = os.environ.get("SDR_LOAD_MIX", "standard")
COUNTS = Counter()
COUNTS_LOCK = threading.Lock()
LOGINS = itertools.cycle(FIXTURES["load_logins"])
DOCUMENTS = itertools.cycle(FIXTURES.get("department", {}).get("loan_documents", [None]))
# exceptions a user is shown (a refusal): any other JSON-RPC error is a server error
USER_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
    "odoo.exceptions.AccessDenied",
}
# a drawn stroke, as the signing dialog's pad sends it (a blank pad is refused)
SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAADwAAAAUCAQAAAB7CpaiAAAAgklEQVR42u2VwQrAIAxDff//0d1lB4ezxBoQxgreTNJgTVv7673iPr"
    "ZCll1D5GwoNFFsNucDWRaD79AIRqE96d5EAo+JRE18QFEYptgYTjJgCLS6+OQmbkLVBMteTU+Ce2hUExS9bn87LIH4ZJBM9B06olCO"
    "VvrgNmww3yo5vT6/UxcueSoKsiXS9gAAAABJRU5ErkJggg=="
)


# set when the time is up: a scenario of several steps stops before its next step, so
# that each simulated user ends within the stop timeout, its last request answered and
# counted (a contract half signed is left as a department leaves it at night)
STOPPING = threading.Event()


@events.test_stopping.add_listener
def stop_scenarios(environment, **_kwargs):
    STOPPING.set()


def count(what, number=1):
    with COUNTS_LOCK:
        COUNTS[what] += number


@events.quitting.add_listener
def write_counts(environment, **_kwargs):
    path = os.environ.get("SDR_LOAD_COUNTS")
    if path:
        with open(path, "w") as counts_file:
            json.dump(dict(COUNTS), counts_file, indent=1, sort_keys=True)


class RpcError(Exception):
    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.user_error = name in USER_ERRORS


# --- field specifications from the views, as the web client builds them ------


def spec_of(arch, fields):
    """The specification the web client sends for a view: its top-level fields,
    a many2one's display_name, an x2many's fields from its inline list."""
    root = ElementTree.fromstring(arch)
    return _spec_of_node(root, fields)


def _spec_of_node(node, fields):
    spec = {}
    for child in node:
        if child.tag == "field":
            name = child.get("name")
            info = fields.get(name, {})
            kind = info.get("type")
            if kind in ("one2many", "many2many"):
                sub_view = next((c for c in child if c.tag in ("list", "kanban")), None)
                sub_fields = info.get("_sub_fields", {})
                if sub_view is not None and sub_fields:
                    spec[name] = {"fields": _spec_of_node(sub_view, sub_fields), "limit": 40}
                else:
                    spec[name] = {"fields": {"display_name": {}}}
            elif kind in ("many2one", "many2one_reference"):
                spec[name] = {"fields": {"display_name": {}}} if kind == "many2one" else {}
            else:
                spec.setdefault(name, {})
        elif child.tag not in ("list", "kanban", "form", "search", "templates"):
            spec.update({k: v for k, v in _spec_of_node(child, fields).items() if k not in spec})
        elif child.tag == "templates":
            spec.update({k: v for k, v in _spec_of_node(child, fields).items() if k not in spec})
    return spec


# --- a web client session --------------------------------------------------


class WebClient:
    """One browser session: JSON-RPC calls through locust's HTTP client, named as
    Odoo's request log names them (model.method)."""

    def __init__(self, http, login):
        self.http = http
        self.login = login
        self.context = {}
        self.views = {}
        self.rpc(
            "/web/session/authenticate",
            {"db": FIXTURES["db"], "login": login, "password": login},
            name="/web/session/authenticate",
        )
        info = self.rpc("/web/session/get_session_info", {}, name="/web/session/get_session_info")
        self.uid = info["uid"]
        self.context = dict(info["user_context"])
        self.context["allowed_company_ids"] = [info["user_companies"]["current_company"]]

    def rpc(self, path, params, name):
        body = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": random.randrange(1 << 30),
            "params": params,
        }
        with self.http.post(path, json=body, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"server error: HTTP {response.status_code}")
                raise RpcError("HTTP", str(response.status_code))
            try:
                answer = response.json()
            except ValueError:
                response.failure("server error: not JSON")
                raise RpcError("HTTP", "not JSON") from None
            if "error" in answer:
                data = answer["error"].get("data") or {}
                error = RpcError(data.get("name", "?"), data.get("message") or answer["error"])
                kind = "user error" if error.user_error else "server error"
                response.failure(f"{kind}: {error.name}: {str(data.get('message'))[:150]}")
                raise error
            response.success()
            return answer["result"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            name=f"{model}.{method}",
        )

    def button(self, model, method, ids, context=None):
        return self.rpc(
            f"/web/dataset/call_button/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": dict(self.context, **(context or {}))},
            },
            name=f"{model}.{method}",
        )

    def view_spec(self, model, view_type, view_id=False, context=None):
        """The specification of a view, loaded once per session (the web client caches it)."""
        key = (model, view_type, view_id)
        if key not in self.views:
            result = self.call(
                model,
                "get_views",
                views=[[view_id, view_type]],
                options={},
                context=dict(self.context, **(context or {})),
            )
            fields = result["models"][model]["fields"]
            for info in fields.values():
                relation = info.get("relation")
                if relation in result["models"]:
                    info["_sub_fields"] = result["models"][relation]["fields"]
            self.views[key] = spec_of(result["views"][view_type]["arch"], fields)
        return self.views[key]

    def form_create(self, model, values, onchange_fields=(), context=None):
        """Create a record as the form does: the defaults' onchange, one onchange per
        field typed in, then web_save with the form's specification."""
        context = dict(self.context, **(context or {}))
        spec = self.view_spec(model, "form", context=context)
        self.call(model, "onchange", [], {}, [], spec, context=context)
        typed = {}
        for name in onchange_fields:
            typed[name] = values[name]
            self.call(model, "onchange", [], dict(typed), [name], spec, context=context)
        saved = self.call(
            model, "web_save", [], values, specification=spec, context=dict(context, bin_size=True)
        )
        return saved[0]["id"]

    def form_read(self, model, record_id, context=None):
        spec = self.view_spec(model, "form", context=context)
        # binary fields come as their size, as the web client asks
        context = dict(self.context, **(context or {}), bin_size=True)
        return self.call(model, "web_read", [record_id], specification=spec, context=context)

    def list_read(self, model, domain, view_id=False, view_type="list", limit=80):
        spec = self.view_spec(model, view_type, view_id)
        return self.call(
            model,
            "web_search_read",
            domain=domain,
            specification=spec,
            offset=0,
            limit=limit,
            order="",
            count_limit=10001,
            context=dict(self.context, bin_size=True),
        )


def attempt(what, function, *args, **kwargs):
    """Run one operation and count it; None if it failed (a refusal or an error,
    which locust counts as the failed request): the scenario stops there. A method
    that returns nothing (a button) gives True."""
    try:
        result = function(*args, **kwargs)
    except RpcError:
        count(f"{what} failed")
        return None
    count(what)
    return True if result is None or result is False else result


# --- the standard mix --------------------------------------------------------


class StandardUser(HttpUser):
    """A plain Sales user (Own Documents Only, helpdesk user) of any database."""

    wait_time = between(1, 3)
    abstract = MIX != "standard"

    def on_start(self):
        self.web = WebClient(self.client, next(LOGINS))
        self.orders = []

    def _order_values(self):
        product = random.choice(FIXTURES["products"])
        return {
            "partner_id": random.choice(FIXTURES["customers"]),
            "order_line": [
                [0, 0, {"product_id": product, "product_uom_qty": random.randint(1, 9)}]
            ],
        }

    @task(4)
    def create_quotation(self):
        order = attempt(
            "quotations",
            self.web.form_create,
            "sale.order",
            self._order_values(),
            ("partner_id",),
        )
        if order:
            self.orders.append(order)

    @task(3)
    def confirm_quotation(self):
        order = attempt("quotations", self.web.form_create, "sale.order", self._order_values())
        if order and attempt(
            "confirmations", self.web.button, "sale.order", "action_confirm", [order]
        ):
            self.orders.append(order)

    @task(4)
    def read_order(self):
        if self.orders:
            self.web.form_read("sale.order", random.choice(self.orders[-20:]))

    @task(4)
    def list_orders(self):
        self.web.list_read("sale.order", [["user_id", "=", self.web.uid]])

    @task(2)
    def create_ticket(self):
        attempt(
            "tickets",
            self.web.form_create,
            "helpdesk.ticket",
            {
                "name": f"Load ticket {random.randrange(10**6)}",
                "description": "<p>The printer of the front desk jams.</p>",
                "partner_id": random.choice(FIXTURES["customers"]),
            },
            ("partner_id",),
        )

    @task(2)
    def list_tickets(self):
        self.web.list_read("helpdesk.ticket", [])


# --- the department's mix (the addon's demo users) ---------------------------


class Sessions(dict):
    """A simulated user's session of each demo role, opened when first needed, each
    with its own cookie (its own browser)."""

    def __init__(self, user):
        super().__init__()
        self.user = user

    def __missing__(self, role):
        http = HttpSession(
            base_url=self.user.host,
            request_event=self.user.environment.events.request,
            user=self.user,
        )
        self[role] = WebClient(http, FIXTURES["department"]["logins"][role])
        return self[role]


class DepartmentUser(HttpUser):
    """The department at work: every simulated user holds a session of each demo role."""

    wait_time = between(1, 3)
    abstract = MIX != "department"

    def on_start(self):
        self.web = Sessions(self)

    @task(3)
    def contract(self):
        """A contract submitted by the salesperson, signed by the three signers in order."""
        d = FIXTURES["department"]
        seller = self.web["salesperson"]
        values = dict(
            d["contract"],
            partner_id=random.choice(d["contract_customers"]),
            client_order_ref=f"LOAD-{random.randrange(10**8)}",
            commitment_date=(datetime.now() + timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S"),
            order_line=[[0, 0, {"product_id": d["contract_product"], "product_uom_qty": 1}]],
        )
        order = attempt("contracts", seller.form_create, "sale.order", values, ("partner_id",))
        if not order or not attempt(
            "contracts submitted", seller.button, "sale.order", "request_validation", [order]
        ):
            return
        for role in ("department_head", "deputy_general_manager", "general_manager"):
            if STOPPING.is_set() or not attempt("signatures", self._sign, self.web[role], order):
                return
        count("contracts signed")

    def _sign(self, web, order):
        web.form_read("sale.order", order)
        action = web.button("sale.order", "validate_tier", [order])
        context = dict(web.context, **action["context"])
        wizard = web.form_create(
            "sale.contract.sign.wizard", {"sdr_signature": SIGNATURE_PNG}, context=context
        )
        web.button("sale.contract.sign.wizard", "add_comment", [wizard], context=action["context"])
        return True

    @task(2)
    def fine(self):
        d = FIXTURES["department"]
        head = self.web["department_head"]
        values = dict(
            d["fine"],
            event_datetime=(datetime.now() - timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S"),
            description=f"Load {random.randrange(10**6)}",
        )
        fine = attempt("fines", head.form_create, "sale.conduct.fine", values, ("rule_id",))
        if fine:
            attempt("fines confirmed", head.button, "sale.conduct.fine", "action_confirm", [fine])

    @task(2)
    def loan(self):
        """A document borrowed and brought back: requested by the salesperson, approved,
        signed for, handed over and taken back by the clerk."""
        seller, clerk = self.web["salesperson"], self.web["sales_clerk"]
        values = {
            "document_id": next(DOCUMENTS),
            "purpose": f"Load {random.randrange(10**6)}",
            "due_date": (datetime.now() + timedelta(days=7)).strftime("%Y-%m-%d"),
        }
        loan = attempt("loans", seller.form_create, "sale.archive.loan", values, ("document_id",))
        if not loan:
            return
        spec = seller.view_spec("sale.archive.loan", "form")
        steps = (
            (clerk.button, "sale.archive.loan", "action_approve", [loan]),
            (seller.call, "sale.archive.loan", "web_save", [loan], {"signature": SIGNATURE_PNG}),
            (clerk.button, "sale.archive.loan", "action_sign_out", [loan]),
            (clerk.call, "sale.archive.loan", "web_save", [loan], {"return_condition": "good"}),
            (clerk.button, "sale.archive.loan", "action_return", [loan]),
        )
        for function, *args in steps:
            if STOPPING.is_set():
                return
            kwargs = {}
            if args[1] == "web_save":
                context = dict(function.__self__.context, bin_size=True)
                kwargs = {"specification": spec, "context": context}
            if attempt("loan steps", function, *args, **kwargs) is None:
                return
        count("loans returned")

    @task(2)
    def sample(self):
        d = FIXTURES["department"]
        seller = self.web["salesperson"]
        values = dict(
            d["sample"],
            delivery_date=(datetime.now() + timedelta(days=30)).strftime("%Y-%m-%d"),
        )
        request = attempt(
            "samples", seller.form_create, "sale.sample.request", values, ("partner_id",)
        )
        if request:
            attempt(
                "samples submitted",
                seller.button,
                "sale.sample.request",
                "action_submit",
                [request],
            )

    @task(2)
    def after_sales(self):
        d = FIXTURES["department"]
        telemarketer = self.web["telemarketer"]
        values = dict(d["after_sales"], name=f"Load request {random.randrange(10**6)}")
        attempt(
            "after-sales requests",
            telemarketer.form_create,
            "helpdesk.ticket",
            values,
            ("partner_id",),
            {"after_sales_new_request": True},
        )

    @task(4)
    def landing_page(self):
        d = FIXTURES["department"]
        web = self.web[random.choice(list(FIXTURES["department"]["logins"]))]
        web.rpc("/web/action/load", {"action_id": d["dashboard_action"]}, name="/web/action/load")
        web.list_read(
            "sale.regulation.dashboard.tile", [["can_open", "=", True]], view_type="kanban"
        )


# locust's own start time, for the orchestrator's log
START = time.time()
