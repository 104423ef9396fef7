# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""A bounded, seeded fuzz of every model the addon defines or extends.

Each call sends what an RPC client could send (wrong types, out-of-range numbers and
dates, bad selection values, blank strings, ids of missing records) as an ordinary
role user or the administrator, in a savepoint that is always rolled back. A call
fails the test when it raises a server error inside the addon's own code, or when
it is accepted and leaves a record that breaks a rule of the regulations. Server
errors raised inside Odoo itself for garbage input are not the addon's doing: they
are only counted.
"""

import base64
import copy
import io
import math
import os
import random
import re
import traceback
from collections import Counter, defaultdict
from contextlib import closing
from datetime import date, datetime

import psycopg2
from PIL import Image

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MODULE
from .conduct.conduct_common import ConductCommon
from .contract.contract_common import SIGNATURE_PNG, ContractCommon

ADDON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
SEED = 20260412
CALLS = 420
# The regulations deal with a working life: a date outside these years is a typo.
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2999, 12, 31)
# A visit interval or a lost-customer delay longer than a century means nothing.
DAYS_MAX = 36500
# Models the addon extends with fields of its own, beside the ones it defines.
EXTENDED = [
    "res.partner",
    "sale.order",
    "sale.order.line",
    "res.company",
    "tier.definition",
    "tier.review",
    "mail.followers",
    "res.config.settings",
    "res.users",
]
MISSING_ID = 2_000_000_000
MAGIC_FIELDS = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}
# a Department Head (and above) may set these by hand
PARTNER_GRADE_FIELDS = {"customer_stage", "customer_grade_id"}
NOT_AN_IMAGE = base64.b64encode(b"this is not an image").decode()

TOP_GARBAGE = ["abc", None, [], [1, 2], 42, {"no_such_field": 1}, {1: 2}, True]
GARBAGE = {
    "integer": [-1, -(10**6), 0, 2**31, -(2**31) - 1, 10**18, "abc", 1.7, None, [], {}, "12"],
    "float": [-0.01, -1e9, 1e300, math.nan, math.inf, -math.inf, "abc", None, [], "5"],
    "char": ["", "   ", "\t\n", 123, None, False, [], {"a": 1}, "x" * 5000, ["x"]],
    "selection": ["bogus", "", " ", 1, None, [], "FIXED", True],
    "date": [
        "0001-01-01",
        "9999-12-31",
        "not a date",
        "2026-02-30",
        20260101,
        [],
        None,
        "0001-01-01 00:00:00",
        "9999-12-31 23:59:59",
        "1899-12-31",
    ],
    "many2one": [0, -1, MISSING_ID, "abc", [1], {"id": 1}, 2**31, 1.5, None],
    "x2many": [
        "abc",
        [(6, 0, [MISSING_ID])],
        [(0, 0, "abc")],
        [MISSING_ID],
        [(4, "x")],
        5,
        [Command.create({})],
        [(2, MISSING_ID)],
        None,
    ],
    "boolean": ["abc", 2, None, [], "false", -1],
    "binary": ["abc", NOT_AN_IMAGE, "", 123, [], SIGNATURE_PNG, b"\x89PNG\r\n", "data:x"],
}
GARBAGE["monetary"] = GARBAGE["float"]
GARBAGE["text"] = GARBAGE["char"]
GARBAGE["datetime"] = GARBAGE["date"]
GARBAGE["one2many"] = GARBAGE["many2many"] = GARBAGE["x2many"]
GARBAGE["image"] = GARBAGE["binary"]
BLANKS = ["", " ", "   ", "\t\n"]
ARGS = GARBAGE["char"] + [0, -1, 2**40, math.nan]
ALL_ROLES = [
    "salesperson",
    "telemarketer",
    "sales_clerk",
    "department_head",
    "deputy_general_manager",
    "general_manager",
    "regulation_admin",
    "admin",
]
MANAGERS = ["department_head", "general_manager", "admin"]
ADMINS = ["regulation_admin", "admin"]


def short(value, size=80):
    text = " ".join(str(value).split())
    text = re.sub(r"(.)\1{20,}", lambda m: f"{m.group(1)}*{len(m.group(0))}", text)
    return text if len(text) <= size else text[:size] + "..."


def blank(value):
    return not (value or "").strip()


def out_of_range(value):
    if not value:
        return False
    day = value.date() if isinstance(value, datetime) else value
    return not DATE_MIN <= day <= DATE_MAX


def bad_number(value, minimum=0, maximum=None):
    return (
        value is None
        or (isinstance(value, float) and not math.isfinite(value))
        or value < minimum
        or (maximum is not None and value > maximum)
    )


def is_image(value):
    if not value:
        return True
    try:
        Image.open(io.BytesIO(base64.b64decode(value))).verify()
    except Exception:  # noqa: BLE001 - whatever PIL raises, it is no image
        return False
    return True


def selection_ok(record, name):
    value = record[name]
    field = record._fields[name]
    return not value or value in dict(field._description_selection(record.env))


@tagged("post_install", "-at_install")
class TestFuzz(ConductCommon, ContractCommon):
    # the models to cover (defined or extended by these modules), the modules whose
    # fields are fuzzed, and where the code is whose errors are the addon's (a
    # bridge's fuzz test widens them)
    covered_modules = frozenset({MODULE})
    own_modules = frozenset({MODULE})
    code_dirs = (ADDON_DIR,)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.users = dict(cls.role_users, admin=env.ref("base.user_admin"))
        cls.users["admin"].lang = "en_US"
        # conduct: a rule of our own, a draft, a confirmed and an appealed fine
        cls.rule = env["sale.conduct.rule"].create(
            {"code": "FZ1", "name": "Fuzz rule", "amount": 50.0, "repeat_limit": 3}
        )
        cls.band_rule = env["sale.conduct.rule"].create(
            {"code": "FZ2", "name": "Fuzz bands", "amount_type": "band"}
        )
        cls.band = env["sale.conduct.rule.band"].create(
            {"rule_id": cls.band_rule.id, "lower_minutes": 0, "upper_minutes": 30, "amount": 20}
        )

        def fine(**vals):
            return env["sale.conduct.fine"].create(
                dict({"employee_id": cls.sales_employee.id, "rule_id": cls.rule.id}, **vals)
            )

        cls.fine_draft = fine()
        cls.fine_confirmed = fine()
        cls.fine_confirmed.with_user(cls.head).action_confirm()
        cls.fine_appealed = fine()
        cls.fine_appealed.with_user(cls.head).action_confirm()
        cls.fine_appealed.with_user(cls.salesperson).action_appeal("Not me")
        # grading: a grade and a customer of the salesperson with a last visit
        cls.grade = env["sale.customer.grade"].create(
            {"name": "Fuzz A", "customer_stage": "formal", "visit_interval_days": 30}
        )
        cls.customer = env["res.partner"].create(
            {
                "name": "Fuzz Customer",
                "user_id": cls.salesperson.id,
                "customer_last_visit_date": "2026-01-10",
            }
        )
        # contracts: a draft quotation, one waiting for the Department Head, one effective
        cls.quotation = cls._order_cls(contract=False)
        cls.submitted = cls._order_cls()
        cls.submitted.with_user(cls.salesperson).request_validation()
        cls.effective = cls._order_cls()
        cls.effective.with_user(cls.salesperson).request_validation()
        for signer in (cls.department_head, cls.deputy_gm, cls.general_manager):
            cls._sign_cls(cls.effective, signer)
        assert cls.effective.validation_status == "validated"
        cls.signature = cls.effective.sdr_signature_ids[:1]
        cls.history = env["sale.customer.grade.history"].create(
            {"partner_id": cls.customer.id, "company_id": env.company.id}
        )
        cls.stats = env["sale.customer.order.stats"].create({"partner_id": cls.customer.id})
        cls.contract_template = env["sale.contract.template"].create(
            {"name": "Fuzz template", "clauses": "<p>Fuzz clauses</p>"}
        )
        cls.settings_fields = [
            name
            for name, field in env["res.config.settings"]._fields.items()
            if MODULE in field._modules
        ]
        # samples: a draft and a submitted request, a rule and a budget of our own
        sample_vals = {
            "partner_id": cls.customer.id,
            "product_description": "Fuzz cap",
            "shape_dimensions": "Round",
            "physical_properties": "PP",
            "function_requirements": "Closes",
            "delivery_date": "2099-01-01",
            "mould_needed": True,
            "mould_cost": 100.0,
        }
        Request = env["sale.sample.request"].with_user(cls.salesperson)
        cls.sample_draft = Request.create(sample_vals)
        cls.sample_submitted = Request.create(sample_vals)
        cls.sample_submitted.action_submit()
        cls.fee_rule = env["sale.mould.fee.rule"].create(
            {"customer_stage": "formal", "grade_id": cls.grade.id, "policy": "waive"}
        )
        cls.budget = env["sale.market.budget"].create(
            {"period_type": "year", "date_from": "2098-01-01", "amount": 1000.0}
        )
        # after-sales: a request waiting at the manager's gate, the shipped team,
        # stage and category
        cls.as_team = env.ref(f"{MODULE}.helpdesk_team_after_sales")
        cls.as_stage = env.ref(f"{MODULE}.helpdesk_stage_to_confirm")
        cls.as_category = env.ref(f"{MODULE}.helpdesk_category_quality")
        cls.as_base = {
            "name": "Fuzz pump leaks",
            "description": "<p>Leaks</p>",
            "team_id": cls.as_team.id,
            "partner_id": cls.customer.id,
            "category_id": cls.as_category.id,
            "after_sales_phone": "+86 138 1234 5678",
        }
        cls.as_ticket = env["helpdesk.ticket"].create(cls.as_base)

    @classmethod
    def _order_cls(cls, contract=True):
        return ContractCommon._order(cls, contract=contract)

    @classmethod
    def _sign_cls(cls, order, user):
        action = order.with_user(user).validate_tier()
        wizard = (
            cls.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create({"sdr_signature": SIGNATURE_PNG})
        )
        wizard.add_comment()

    # ------------------------------------------------------------
    # what to call
    # ------------------------------------------------------------

    def addon_models(self):
        """Models defined by the addon or extended with fields of its own."""
        names = set()
        for name, model in self.env.registry.items():
            if model._original_module in self.covered_modules or any(
                not field.inherited and not self.covered_modules.isdisjoint(field._modules)
                for field in model._fields.values()
            ):
                names.add(name)
        return sorted(names)

    def own_fields(self, model):
        return [
            name
            for name, field in self.env[model]._fields.items()
            if not self.own_modules.isdisjoint(field._modules)
            and not field.inherited
            and name not in MAGIC_FIELDS
            and not name.startswith(("message_", "activity_", "website_message"))
        ]

    def garbage_vals(self, rng, model, fields, base=None):
        if rng.random() < 0.12:
            return rng.choice(TOP_GARBAGE)
        vals = dict(base or {})
        Model = self.env[model]
        for name in vals:
            if Model._fields[name].type == "char" and rng.random() < 0.25:
                vals[name] = rng.choice(BLANKS)
        for name in rng.sample(fields, min(len(fields), rng.randint(1, 3))):
            field = Model._fields[name]
            if field.type in ("char", "text") and field.required and rng.random() < 0.5:
                # the rule most often broken: a required string left blank
                vals[name] = rng.choice(BLANKS)
            else:
                vals[name] = rng.choice(GARBAGE.get(field.type, GARBAGE["char"]))
        return vals

    def specs(self):
        """(model, label, users, make) where make(rng, env) returns (call text, callable)."""
        fine_fields = self.own_fields("sale.conduct.fine")
        rule_fields = self.own_fields("sale.conduct.rule")
        band_fields = self.own_fields("sale.conduct.rule.band")
        grade_fields = self.own_fields("sale.customer.grade")
        partner_fields = self.own_fields("res.partner")
        order_fields = self.own_fields("sale.order") + ["payment_term_id"]
        line_fields = ["product_id", "product_uom_qty", "price_unit", "discount", "tax_ids"]
        company_fields = self.own_fields("res.company")
        base_fine = {"employee_id": self.sales_employee.id, "rule_id": self.rule.id}
        # archive: a category, a filed document, one past retention, a requested loan
        archive_category = self.env["sale.archive.category"].create(
            {"name": "Fuzz Papers", "code": "FZA", "retention_years": 1}
        )
        archive_document = self.env["sale.archive.document"].create(
            {"title": "Fuzz paper", "category_id": archive_category.id}
        )
        archive_expired = self.env["sale.archive.document"].create(
            {
                "title": "Fuzz old paper",
                "category_id": archive_category.id,
                "filing_date": date(2019, 1, 1),
            }
        )
        archive_expired.retention_until = date(2020, 1, 1)
        archive_loan = self.env["sale.archive.loan"].create(
            {
                "document_id": archive_document.id,
                "borrower_id": self.salesperson.id,
                "purpose": "Fuzz",
                "due_date": date(2999, 1, 1),
            }
        )
        # the follower rows of archive documents have a rule of the addon's
        archive_document.message_subscribe(partner_ids=self.salesperson.partner_id.ids)
        archive_follower = archive_document.message_follower_ids[:1]
        # a mail in its chatter, for the confidential mail's printout
        archive_mail = archive_document.message_post(
            body="<p>Fuzz mail</p>", message_type="email", subject="Fuzz"
        )
        archive_base = {"title": "x", "category_id": archive_category.id}
        loan_base = {"document_id": archive_expired.id, "purpose": "x", "due_date": "2999-01-01"}

        def create(model, fields, base=None, then=None):
            def make(rng, env):
                vals = self.garbage_vals(rng, model, fields, base)

                def call():
                    # create() may fill in the caller's dicts: keep what was sent
                    sent = copy.deepcopy(vals)
                    records = env[model].create(vals)
                    self.env.flush_all()
                    self.env.invalidate_all()
                    self.workflow_on_create(env, records, sent)
                    if then:
                        getattr(records, then)()
                    return records

                return f"create({vals!r})" + (f".{then}()" if then else ""), call

            return make

        def write(record, fields, then=None):
            def make(rng, env):
                vals = self.garbage_vals(rng, record._name, fields)

                def call():
                    target = record.with_env(env)
                    before = self.snapshot(record)
                    target.write(vals)
                    self.env.flush_all()
                    self.env.invalidate_all()
                    self.workflow_changes(env, record, before)
                    if then:
                        then(target)
                    return target

                return f"{record}.write({vals!r})", call

            return make

        def action(record, method, nargs=0, context=None):
            turn = iter(range(CALLS))

            def make(rng, env):
                # every argument value in turn, so that each is tried
                step = next(turn)
                args = [ARGS[(step + i * 5) % len(ARGS)] for i in range(nargs)]
                target = record
                if rng.random() < 0.15:
                    target = record.browse(MISSING_ID)

                def call():
                    recs = target.with_env(env).with_context(**(context or {}))
                    getattr(recs, method)(*args)
                    return recs.exists()

                return f"{target}.{method}(*{args!r})", call

            return make

        def wizard(model, fields, base, method, context=None):
            def make(rng, env):
                vals = self.garbage_vals(rng, model, fields, base)

                def call():
                    records = env[model].with_context(**(context or {})).create(vals)
                    getattr(records, method)()
                    return records

                return f"create({vals!r}).{method}()", call

            return make

        def comment_wizard(order, kind):
            def make(rng, env):
                wizard = "sale.contract.sign.wizard"
                vals = self.garbage_vals(rng, wizard, self.own_fields(wizard))

                def call():
                    ctx = getattr(order.with_env(env), f"{kind}_tier")()["context"]
                    env[wizard].with_context(**ctx).create(vals).add_comment()
                    return order

                return f"{order}.{kind}_tier(); {wizard}.create({vals!r}).add_comment()", call

            return make

        def report(rng, env):
            vals = self.garbage_vals(rng, "sale.conduct.fine.report.wizard", ["month", "year"])

            def call():
                wiz = env["sale.conduct.fine.report.wizard"].create(vals)
                act = wiz.action_print()
                env["ir.actions.report"]._render(act["report_name"], wiz.ids, act["data"])
                return wiz

            return f"report wizard create({vals!r}).action_print() and render", call

        def render(report_name, docids_pool, data_pool):
            def make(rng, env):
                docids, data = rng.choice(docids_pool), rng.choice(data_pool)

                def call():
                    env["ir.actions.report"]._render(report_name, docids, data)

                return f"_render({report_name!r}, {docids!r}, {data!r})", call

            return make

        # /report/download takes the data from the client as it is
        fine_data = [
            {"year": y, "month": m}
            for y, m in [
                ("abc", 1),
                (2026, 13),
                (2026, "x"),
                (0, 1),
                (-5, 0),
                (10**9, 2),
                (None, 1),
            ]
        ] + [None, {}, "abc"]
        fine_reason_base = {"fine_id": self.fine_confirmed.id, "action": "cancel", "reason": "x"}
        lock_base = {"partner_id": self.customer.id, "grade_id": self.grade.id, "reason": "x"}
        line = self.submitted.order_line[:1]
        return [
            (
                "sale.conduct.rule",
                "create",
                ADMINS + ["department_head"],
                create("sale.conduct.rule", rule_fields, {"code": "FZX", "name": "x"}),
            ),
            (
                "sale.conduct.rule",
                "write",
                ADMINS,
                write(
                    self.rule,
                    rule_fields,
                    then=lambda r: self.fine_draft.with_user(self.head).action_confirm(),
                ),
            ),
            (
                "sale.conduct.rule.band",
                "create",
                ADMINS,
                create(
                    "sale.conduct.rule.band",
                    band_fields,
                    {"rule_id": self.band_rule.id, "lower_minutes": 40},
                ),
            ),
            ("sale.conduct.rule.band", "write", ADMINS, write(self.band, band_fields)),
            (
                "sale.conduct.fine",
                "create",
                MANAGERS + ["salesperson"],
                create("sale.conduct.fine", fine_fields, base_fine),
            ),
            ("sale.conduct.fine", "write draft", ALL_ROLES, write(self.fine_draft, fine_fields)),
            (
                "sale.conduct.fine",
                "write confirmed",
                ALL_ROLES,
                write(self.fine_confirmed, fine_fields),
            ),
            (
                "sale.conduct.fine",
                "action_cancel",
                MANAGERS,
                action(self.fine_confirmed, "action_cancel", 1),
            ),
            (
                "sale.conduct.fine",
                "action_appeal",
                ["salesperson"],
                action(self.fine_confirmed, "action_appeal", 1),
            ),
            (
                "sale.conduct.fine",
                "action_appeal_decide",
                ["general_manager", "admin"],
                action(self.fine_appealed, "action_appeal_decide", 2),
            ),
            (
                "sale.conduct.fine",
                "action_confirm",
                MANAGERS,
                action(self.fine_draft, "action_confirm"),
            ),
            (
                "sale.conduct.fine",
                "action_mark_paid",
                MANAGERS,
                action(self.fine_confirmed, "action_mark_paid"),
            ),
            (
                "sale.conduct.fine",
                "action_open_reason_wizard",
                ALL_ROLES,
                action(
                    self.fine_draft, "action_open_reason_wizard", context={"reason_action": "bogus"}
                ),
            ),
            (
                "sale.conduct.fine.reason.wizard",
                "create+apply",
                MANAGERS + ["salesperson"],
                wizard(
                    "sale.conduct.fine.reason.wizard",
                    ["fine_id", "action", "reason"],
                    fine_reason_base,
                    "action_apply",
                ),
            ),
            ("sale.conduct.fine.report.wizard", "create+print", ALL_ROLES, report),
            (
                "report.sales_dept_regulation.sale_conduct_fine_xlsx",
                "render",
                ALL_ROLES,
                render("sales_dept_regulation.sale_conduct_fine_xlsx", [[], None], fine_data),
            ),
            (
                "report.sales_dept_regulation.customer_grading_xlsx",
                "render",
                ALL_ROLES,
                render(
                    "sales_dept_regulation.customer_grading_xlsx",
                    [[self.customer.id], [MISSING_ID], [], None, "abc", [self.customer.id, -1]],
                    [None, {}, "abc", {"context": "abc"}],
                ),
            ),
            (
                "sale.customer.grade",
                "create",
                ADMINS,
                create("sale.customer.grade", grade_fields, {"name": "x"}),
            ),
            (
                "sale.customer.grade",
                "write",
                ADMINS,
                write(self.grade, grade_fields, then=lambda g: self._regrade_probe(g)),
            ),
            (
                "sale.customer.grade.history",
                "create",
                ALL_ROLES,
                create(
                    "sale.customer.grade.history",
                    self.own_fields("sale.customer.grade.history"),
                    {"partner_id": self.customer.id, "company_id": self.env.company.id},
                ),
            ),
            (
                "sale.customer.grade.history",
                "write",
                ALL_ROLES,
                write(self.history, self.own_fields("sale.customer.grade.history")),
            ),
            (
                "sale.customer.grade.lock",
                "create+lock",
                MANAGERS + ["salesperson"],
                wizard(
                    "sale.customer.grade.lock",
                    ["partner_id", "grade_id", "reason"],
                    lock_base,
                    "action_lock",
                ),
            ),
            (
                "sale.customer.order.stats",
                "write",
                ALL_ROLES,
                write(self.stats, self.own_fields("sale.customer.order.stats")),
            ),
            (
                "sale.contract.signature",
                "create",
                ALL_ROLES,
                create(
                    "sale.contract.signature",
                    self.own_fields("sale.contract.signature"),
                    {
                        "order_id": self.effective.id,
                        "name": "x",
                        "user_id": self.department_head.id,
                    },
                ),
            ),
            (
                "sale.contract.signature",
                "write",
                ALL_ROLES,
                write(self.signature, self.own_fields("sale.contract.signature")),
            ),
            ("res.partner", "write", ALL_ROLES, write(self.customer, partner_fields)),
            (
                "res.users",
                "write",
                ALL_ROLES,
                write(self.users["salesperson"], self.own_fields("res.users")),
            ),
            (
                "res.partner",
                "create",
                ALL_ROLES,
                create("res.partner", partner_fields, {"name": "Fuzz New"}),
            ),
            (
                "res.partner",
                "action_unlock_customer_grade",
                ALL_ROLES,
                action(self.customer, "action_unlock_customer_grade"),
            ),
            (
                "res.partner",
                "action_open_customer_grade_lock",
                ALL_ROLES,
                action(self.customer, "action_open_customer_grade_lock"),
            ),
            (
                "sale.order",
                "create",
                ["salesperson", "telemarketer", "admin"],
                create("sale.order", order_fields, {"partner_id": self.partner.id}),
            ),
            (
                "sale.order",
                "write quotation",
                ["salesperson", "department_head", "admin"],
                write(self.quotation, order_fields),
            ),
            (
                "sale.order",
                "write submitted",
                ["salesperson", "department_head", "admin"],
                write(self.submitted, order_fields),
            ),
            (
                "sale.order",
                "write effective",
                ["salesperson", "department_head", "admin"],
                write(self.effective, order_fields),
            ),
            (
                "sale.order",
                "action_sdr_amend",
                MANAGERS + ["salesperson"],
                action(self.effective, "action_sdr_amend"),
            ),
            (
                "sale.order",
                "restart_validation",
                MANAGERS + ["salesperson"],
                action(self.submitted, "restart_validation"),
            ),
            ("sale.order", "validate_tier", ALL_ROLES, action(self.submitted, "validate_tier")),
            (
                "sale.order",
                "request_validation",
                ["salesperson", "admin"],
                action(self.quotation, "request_validation"),
            ),
            (
                "sale.order.line",
                "create",
                ["salesperson", "admin"],
                create(
                    "sale.order.line",
                    line_fields,
                    {"order_id": self.submitted.id, "product_id": self.product.id},
                ),
            ),
            (
                "sale.order.line",
                "write",
                ["salesperson", "department_head", "admin"],
                write(line, line_fields),
            ),
            (
                "res.company",
                "write",
                ["admin", "regulation_admin"],
                write(self.company, company_fields, then=lambda c: self._contract_probe()),
            ),
            (
                "res.config.settings",
                "create+execute",
                ["admin"],
                wizard("res.config.settings", self.settings_fields, {}, "execute"),
            ),
            (
                "tier.definition",
                "write",
                ADMINS,
                write(self.tier_dh, self.own_fields("tier.definition")),
            ),
            (
                "tier.review",
                "write",
                ALL_ROLES,
                write(
                    self.submitted.review_ids.sorted("sequence")[:1],
                    ["status", "done_by", "reviewed_date", "sequence", "comment", "res_id"],
                ),
            ),
            (
                "mail.followers",
                "write",
                ALL_ROLES,
                write(archive_follower, ["res_id", "res_model", "partner_id"]),
            ),
            (
                "sale.contract.sign.wizard",
                "validate",
                ["department_head", "salesperson"],
                comment_wizard(self.submitted, "validate"),
            ),
            (
                "sale.contract.sign.wizard",
                "reject",
                ["department_head"],
                comment_wizard(self.submitted, "reject"),
            ),
            (
                "sale.archive.category",
                "create",
                ADMINS,
                create(
                    "sale.archive.category",
                    self.own_fields("sale.archive.category"),
                    {"name": "x", "code": "FZC"},
                ),
            ),
            (
                "sale.archive.category",
                "write",
                ADMINS,
                write(archive_category, self.own_fields("sale.archive.category")),
            ),
            (
                "sale.archive.document",
                "create",
                ["sales_clerk", "salesperson", "admin"],
                create(
                    "sale.archive.document",
                    self.own_fields("sale.archive.document"),
                    archive_base,
                ),
            ),
            (
                "sale.archive.document",
                "write",
                ALL_ROLES,
                write(archive_document, self.own_fields("sale.archive.document")),
            ),
            (
                "sale.archive.document",
                "action_request_destruction",
                ["sales_clerk", "salesperson"],
                action(archive_expired, "action_request_destruction", 1),
            ),
            (
                "sale.archive.document",
                "action_report_lost",
                ["sales_clerk", "salesperson"],
                action(archive_document, "action_report_lost", 1),
            ),
            (
                "sale.archive.loan",
                "create",
                ALL_ROLES,
                create("sale.archive.loan", self.own_fields("sale.archive.loan"), loan_base),
            ),
            (
                "sale.archive.loan",
                "write",
                ALL_ROLES,
                write(archive_loan, self.own_fields("sale.archive.loan")),
            ),
            (
                "sale.archive.loan",
                "action_approve",
                ["sales_clerk", "salesperson"],
                action(archive_loan, "action_approve"),
            ),
            (
                "sale.archive.loan",
                "action_cancel",
                ["sales_clerk", "salesperson"],
                action(archive_loan, "action_cancel"),
            ),
            (
                "sale.archive.approval",
                "validate_tier",
                ALL_ROLES,
                action(archive_loan, "validate_tier"),
            ),
            (
                # the addon's tier validation mixin, through a request that uses it:
                # its form's view for every role, a write its whitelist refuses
                "sale.regulation.tier.validation",
                "get_view+write",
                ALL_ROLES,
                write(
                    archive_loan,
                    self.own_fields("sale.archive.loan"),
                    then=lambda loan: loan.get_view(view_type="form"),
                ),
            ),
            (
                "sale.archive.reason.wizard",
                "create+confirm",
                ["sales_clerk"],
                wizard(
                    "sale.archive.reason.wizard",
                    ["kind", "reason"],
                    {"kind": "destroy", "reason": "x"},
                    "action_confirm",
                    context={"active_ids": archive_expired.ids},
                ),
            ),
            (
                "report.sales_dept_regulation.report_archive_catalogue",
                "render",
                ALL_ROLES,
                render(
                    "sales_dept_regulation.report_archive_catalogue",
                    [[archive_category.id], [MISSING_ID], [], None, "abc"],
                    [None, {}, "abc"],
                ),
            ),
            (
                "report.sales_dept_regulation.report_confidential_mail",
                "render",
                ALL_ROLES,
                render(
                    "sales_dept_regulation.report_confidential_mail",
                    [[archive_mail.id], [MISSING_ID], [], None, "abc"],
                    [None, {}, "abc"],
                ),
            ),
            (
                "sale.regulation.dashboard.tile",
                "create",
                ALL_ROLES,
                create(
                    "sale.regulation.dashboard.tile",
                    self.own_fields("sale.regulation.dashboard.tile"),
                    {
                        "name": "x",
                        "action_id": self.env.ref(
                            "sales_dept_regulation.sale_conduct_fine_action"
                        ).id,
                    },
                ),
            ),
            (
                "sale.regulation.dashboard.tile",
                "write",
                ALL_ROLES,
                write(
                    self.env.ref("sales_dept_regulation.dashboard_tile_unpaid_fines"),
                    self.own_fields("sale.regulation.dashboard.tile"),
                ),
            ),
            (
                "sale.regulation.dashboard.tile",
                "action_open",
                ALL_ROLES,
                action(
                    self.env.ref("sales_dept_regulation.dashboard_tile_unpaid_fines"),
                    "action_open",
                ),
            ),
            (
                "sale.customer.grade.recompute",
                "create+recompute",
                ALL_ROLES,
                wizard("sale.customer.grade.recompute", [], {}, "action_recompute"),
            ),
            (
                "res.partner",
                "action_log_customer_visit",
                ALL_ROLES,
                action(self.customer, "action_log_customer_visit"),
            ),
            (
                "sale.customer.visit.log",
                "create+log",
                ALL_ROLES,
                wizard(
                    "sale.customer.visit.log",
                    ["partner_ids", "note"],
                    {"partner_ids": [Command.set(self.customer.ids)], "note": "x"},
                    "action_log_visit",
                ),
            ),
            (
                "sale.contract.template",
                "create",
                ADMINS + ["salesperson"],
                create(
                    "sale.contract.template",
                    self.own_fields("sale.contract.template"),
                    {"name": "x"},
                ),
            ),
            (
                "sale.contract.template",
                "write",
                ADMINS + ["salesperson"],
                write(self.contract_template, self.own_fields("sale.contract.template")),
            ),
            (
                "sale.contract.template",
                "mark revised",
                ADMINS + ["salesperson"],
                action(self.contract_template, "action_sdr_mark_revised"),
            ),
            *self._sample_specs(create, write, action, wizard, render, fine_data),
            *self._plan_specs(create, write, action, wizard),
            *self._after_sales_specs(create, write, action, wizard, render, fine_data),
            *self._receivable_specs(create, action, wizard, render, fine_data),
            *self._cycle_specs(create, write, action, wizard, render, fine_data),
            *self._forecast_specs(create, write, action, wizard),
            *self._weekly_review_specs(wizard),
            *self._visit_specs(create, write, action, wizard),
            *self._bridge_specs(create, write, action, wizard),
        ]

    def _bridge_specs(self, create, write, action, wizard):
        """The calls on a bridge's models (its fuzz test adds them)."""
        return []

    def _after_sales_specs(self, create, write, action, wizard, render, report_data):
        # the workflow fields helpdesk_mgmt owns are fuzzed too: the gate guards them
        ticket_fields = [*self.own_fields("helpdesk.ticket"), "stage_id", "team_id", "user_id"]
        ticket = self.as_ticket
        return [
            (
                "helpdesk.ticket",
                "create",
                ALL_ROLES,
                create("helpdesk.ticket", ticket_fields, self.as_base),
            ),
            ("helpdesk.ticket", "write", ALL_ROLES, write(ticket, ticket_fields)),
            (
                "helpdesk.ticket",
                "action_confirm_after_sales",
                ["salesperson", *MANAGERS],
                action(ticket, "action_confirm_after_sales"),
            ),
            (
                "helpdesk.ticket",
                "action_decline",
                ["telemarketer", *MANAGERS],
                action(ticket, "action_decline", 1),
            ),
            (
                "helpdesk.ticket.team",
                "write",
                ADMINS + ["department_head"],
                write(self.as_team, self.own_fields("helpdesk.ticket.team")),
            ),
            (
                "helpdesk.ticket.stage",
                "write",
                ADMINS + ["department_head"],
                write(self.as_stage, self.own_fields("helpdesk.ticket.stage")),
            ),
            (
                "helpdesk.ticket.category",
                "write",
                ADMINS + ["department_head"],
                write(self.as_category, self.own_fields("helpdesk.ticket.category")),
            ),
            (
                "helpdesk.ticket",
                "action_close_after_sales",
                ["telemarketer", *MANAGERS],
                action(ticket, "action_close_after_sales", 2),
            ),
            (
                "helpdesk.ticket.close.wizard",
                "create+close",
                ["telemarketer", *MANAGERS],
                wizard(
                    "helpdesk.ticket.close.wizard",
                    self.own_fields("helpdesk.ticket.close.wizard"),
                    {
                        "ticket_ids": [(6, 0, ticket.ids)],
                        "service_status": "resolved",
                        "result": "x",
                    },
                    "action_close",
                ),
            ),
            (
                "helpdesk.sla",
                "write",
                ADMINS + ["department_head"],
                write(
                    self.env.ref(f"{MODULE}.helpdesk_sla_formal_a_response"),
                    self.own_fields("helpdesk.sla"),
                ),
            ),
            (
                "helpdesk.ticket.decline.wizard",
                "create+decline",
                ["telemarketer", *MANAGERS],
                wizard(
                    "helpdesk.ticket.decline.wizard",
                    self.own_fields("helpdesk.ticket.decline.wizard"),
                    {"ticket_ids": [(6, 0, ticket.ids)], "reason": "x"},
                    "action_decline",
                ),
            ),
            (
                "helpdesk.ticket.report.wizard",
                "create+print",
                ["department_head", "admin"],
                wizard("helpdesk.ticket.report.wizard", ["year", "month"], {}, "action_print"),
            ),
            (
                "report.sales_dept_regulation.helpdesk_ticket_xlsx",
                "render",
                ["department_head", "admin"],
                render("sales_dept_regulation.helpdesk_ticket_xlsx", [[]], report_data),
            ),
        ]

    def _visit_specs(self, create, write, action, wizard):
        # visits: the salesperson's draft log of today, a planned visit, a new product
        today = date.today()
        work_log = (
            self.env["sale.work.log"].with_user(self.salesperson).create({"date": today}).sudo()
        )
        visit = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": self.customer.id,
                "activity_type_id": self.env.ref(f"{MODULE}.mail_activity_type_customer_visit").id,
                "user_id": self.salesperson.id,
            }
        )
        plan_wizard = self.env["sale.visit.plan.wizard"].create({"period": "week"})
        new_product = self.env["product.template"].create({"name": "Fuzz new product"})
        return [
            (
                "sale.work.log",
                "create",
                ["salesperson", "department_head", "admin"],
                create("sale.work.log", self.own_fields("sale.work.log")),
            ),
            (
                "sale.work.log",
                "write",
                ["salesperson", "department_head", "admin"],
                write(work_log, self.own_fields("sale.work.log")),
            ),
            (
                "sale.work.log",
                "action_submit",
                ["salesperson", "department_head"],
                action(work_log, "action_submit"),
            ),
            (
                "sale.work.log",
                "action_comment",
                ["salesperson", "department_head", "admin"],
                action(work_log, "action_comment", 1),
            ),
            (
                "sale.work.log.comment",
                "create",
                ["salesperson", "department_head", "admin"],
                create(
                    "sale.work.log.comment",
                    self.own_fields("sale.work.log.comment"),
                    {"log_id": work_log.id, "author_id": self.salesperson.id, "body": "x"},
                ),
            ),
            (
                "sale.work.log.comment.wizard",
                "create+action_comment",
                ["salesperson", "department_head", "admin"],
                wizard(
                    "sale.work.log.comment.wizard",
                    self.own_fields("sale.work.log.comment.wizard"),
                    {"log_id": work_log.id, "body": "x"},
                    "action_comment",
                ),
            ),
            (
                "sale.visit.plan.wizard",
                "create+action_plan",
                ["salesperson", "department_head", "admin"],
                wizard(
                    "sale.visit.plan.wizard",
                    self.own_fields("sale.visit.plan.wizard"),
                    {"period": "week"},
                    "action_plan",
                ),
            ),
            (
                "sale.visit.plan.wizard.line",
                "create",
                ["salesperson", "admin"],
                create(
                    "sale.visit.plan.wizard.line",
                    self.own_fields("sale.visit.plan.wizard.line"),
                    {
                        "wizard_id": plan_wizard.id,
                        "partner_id": self.customer.id,
                        "date": today.isoformat(),
                    },
                ),
            ),
            (
                "mail.activity",
                "write+action_sdr_visit_done",
                ["salesperson", "department_head", "admin"],
                write(
                    visit,
                    self.own_fields("mail.activity") + ["feedback", "date_deadline"],
                    then=lambda target: target.action_sdr_visit_done(),
                ),
            ),
            (
                "product.template",
                "write",
                ADMINS,
                write(new_product, self.own_fields("product.template")),
            ),
        ]

    def _sample_specs(self, create, write, action, wizard, render, report_data):
        request_fields = self.own_fields("sale.sample.request")
        base = {"partner_id": self.customer.id, "product_description": "x"}
        submitted = self.sample_submitted
        return [
            (
                "sale.sample.request",
                "create",
                ALL_ROLES,
                create("sale.sample.request", request_fields, base),
            ),
            (
                "sale.sample.request",
                "write draft",
                ALL_ROLES,
                write(self.sample_draft, request_fields, then=lambda r: r.action_submit()),
            ),
            (
                "sale.sample.request",
                "write submitted",
                ALL_ROLES,
                write(submitted, request_fields),
            ),
            (
                "sale.sample.request",
                "action_cancel",
                ["salesperson", *MANAGERS],
                action(submitted, "action_cancel", 1),
            ),
            (
                "sale.sample.request",
                "action_request_exception",
                ["salesperson", "admin"],
                action(submitted, "action_request_exception", 1),
            ),
            (
                "sale.sample.request",
                "action_override_mould_gate",
                MANAGERS,
                action(submitted, "action_override_mould_gate", 1),
            ),
            (
                "sale.sample.request",
                "action_feedback",
                ["salesperson", "admin"],
                action(submitted, "action_feedback", 2),
            ),
            (
                "sale.mould.fee.rule",
                "create",
                ADMINS,
                create(
                    "sale.mould.fee.rule",
                    self.own_fields("sale.mould.fee.rule"),
                    {"customer_stage": "lost", "policy": "charge"},
                ),
            ),
            (
                "sale.mould.fee.rule",
                "write",
                ADMINS,
                write(self.fee_rule, self.own_fields("sale.mould.fee.rule")),
            ),
            (
                "sale.market.budget",
                "create",
                ADMINS,
                create(
                    "sale.market.budget",
                    self.own_fields("sale.market.budget"),
                    {"period_type": "month", "date_from": "2097-01-01", "amount": 1.0},
                ),
            ),
            (
                "sale.market.budget",
                "write",
                ADMINS,
                write(self.budget, self.own_fields("sale.market.budget")),
            ),
            (
                "sale.sample.reason.wizard",
                "create+action_confirm",
                ["salesperson", "admin"],
                wizard(
                    "sale.sample.reason.wizard",
                    self.own_fields("sale.sample.reason.wizard"),
                    {"request_id": submitted.id, "action": "exception", "reason": "x"},
                    "action_confirm",
                ),
            ),
            (
                "sale.sample.report.wizard",
                "create+action_print",
                ["department_head", "admin"],
                wizard(
                    "sale.sample.report.wizard",
                    ["year", "month"],
                    {},
                    "action_print",
                ),
            ),
            (
                # the monthly report dialogs' shared model, through the sample one
                "sale.regulation.month.report.wizard",
                "create+action_print",
                ALL_ROLES,
                wizard("sale.sample.report.wizard", ["year", "month"], {}, "action_print"),
            ),
            (
                "report.sales_dept_regulation.sale_sample_request_xlsx",
                "render",
                ["department_head", "admin"],
                render("sales_dept_regulation.sale_sample_request_xlsx", [[]], report_data),
            ),
        ]

    def _receivable_specs(self, create, action, wizard, render, report_data):
        """Receivables: an overdue invoice of the Salesperson's customer, its
        line of the view, promises and the monthly report."""
        env = self.env
        move = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_user_id": self.users["salesperson"].id,
                "invoice_date": date(2026, 1, 1),
                "invoice_line_ids": [
                    Command.create({"name": "Fuzz", "quantity": 1, "price_unit": 10.0})
                ],
            }
        )
        move.action_post()
        move.invoice_date_due = date(2026, 1, 10)
        line = env["sale.receivable.overdue"].browse(move.id)
        promise_base = {"move_id": move.id, "promised_date": "2099-01-01"}
        sellers = ["salesperson", "department_head", "admin"]
        return [
            (
                "sale.receivable.overdue",
                "action_promise",
                sellers,
                action(line, "action_promise"),
            ),
            (
                "sale.receivable.overdue",
                "action_open_invoice",
                sellers,
                action(line, "action_open_invoice"),
            ),
            (
                "sale.receivable.promise",
                "create",
                sellers,
                create(
                    "sale.receivable.promise",
                    self.own_fields("sale.receivable.promise"),
                    promise_base,
                ),
            ),
            (
                "sale.receivable.promise.wizard",
                "create+action_confirm",
                sellers,
                wizard(
                    "sale.receivable.promise.wizard",
                    self.own_fields("sale.receivable.promise.wizard"),
                    promise_base,
                    "action_confirm",
                ),
            ),
            (
                "sale.receivable.report.wizard",
                "create+action_print",
                sellers,
                wizard("sale.receivable.report.wizard", ["year", "month"], {}, "action_print"),
            ),
            (
                "report.sales_dept_regulation.sale_receivable_xlsx",
                "render",
                sellers,
                render("sales_dept_regulation.sale_receivable_xlsx", [[]], report_data),
            ),
        ]

    def _cycle_specs(self, create, write, action, wizard, render, report_data):
        """Order cycle: a late confirmed order of the Salesperson, its row of
        the cycle view, the delay causes, the cause dialog and the report."""
        env = self.env
        order = env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.users["salesperson"].id,
                "commitment_date": "2026-01-05 02:00:00",
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        order.action_confirm()
        row = env["sale.order.cycle"].browse(order.id)
        cause = env.ref(f"{MODULE}.sale_delay_cause_production")
        sellers = ["salesperson", "department_head", "admin"]
        return [
            (
                "sale.order",
                "action_sdr_delay_cause",
                sellers,
                action(order, "action_sdr_delay_cause"),
            ),
            (
                "sale.order.cycle",
                "write",
                sellers,
                write(row, self.own_fields("sale.order.cycle")),
            ),
            (
                "sale.delay.cause",
                "create",
                ADMINS + ["salesperson"],
                create("sale.delay.cause", self.own_fields("sale.delay.cause"), {"name": "x"}),
            ),
            (
                "sale.delay.cause",
                "write",
                ADMINS + ["salesperson"],
                write(cause, self.own_fields("sale.delay.cause")),
            ),
            (
                "sale.delay.cause.wizard",
                "create+action_confirm",
                sellers,
                wizard(
                    "sale.delay.cause.wizard",
                    self.own_fields("sale.delay.cause.wizard"),
                    {"order_id": order.id, "cause_id": cause.id},
                    "action_confirm",
                ),
            ),
            (
                "sale.order.cycle.report.wizard",
                "create+action_print",
                sellers,
                wizard(
                    "sale.order.cycle.report.wizard",
                    ["period", "year", "month"],
                    {},
                    "action_print",
                ),
            ),
            (
                "report.sales_dept_regulation.sale_order_cycle_xlsx",
                "render",
                sellers,
                render(
                    "sales_dept_regulation.sale_order_cycle_xlsx",
                    [[]],
                    [*report_data, {"year": 2026, "month": 1, "period": "quarter"}],
                ),
            ),
        ]

    def _forecast_specs(self, create, write, action, wizard):
        """Forecasts: the Salesperson's draft and submitted ones, their lines,
        the cancel dialog and the accuracy report's grouping."""
        Forecast = self.env["sale.forecast"]
        seller = self.users["salesperson"]
        draft = Forecast.with_user(seller).create({"month": date(2098, 1, 1)})
        submitted = Forecast.with_user(seller).create(
            {
                "month": date(2098, 2, 1),
                "line_ids": [Command.create({"partner_id": self.customer.id, "amount": 10.0})],
            }
        )
        submitted.with_user(seller).action_submit()
        sellers = ["salesperson", "department_head", "admin"]
        groupbys = ["user_id", "month:month", "partner_id", "accuracy", "x", "", "user_id.name"]
        aggregates = ["accuracy:avg", "forecast_amount:sum", "actual_amount:max", "x:sum", ""]

        def accuracy_group(rng, env):
            groupby, aggregate = rng.choice(groupbys), rng.choice(aggregates)

            def call():
                return env["sale.forecast.accuracy"].formatted_read_group(
                    [], [groupby], [aggregate]
                )

            return f"formatted_read_group([], [{groupby!r}], [{aggregate!r}])", call

        return [
            (
                "sale.forecast",
                "create",
                sellers,
                create("sale.forecast", self.own_fields("sale.forecast")),
            ),
            ("sale.forecast", "write", sellers, write(draft, self.own_fields("sale.forecast"))),
            ("sale.forecast", "action_submit", sellers, action(draft, "action_submit")),
            ("sale.forecast", "action_cancel", sellers, action(submitted, "action_cancel", 1)),
            (
                "sale.forecast.line",
                "create",
                sellers,
                create(
                    "sale.forecast.line",
                    self.own_fields("sale.forecast.line"),
                    {"forecast_id": draft.id, "partner_id": self.customer.id},
                ),
            ),
            (
                "sale.forecast.cancel.wizard",
                "create+action_confirm",
                sellers,
                wizard(
                    "sale.forecast.cancel.wizard",
                    self.own_fields("sale.forecast.cancel.wizard"),
                    {"forecast_id": submitted.id, "reason": "x"},
                    "action_confirm",
                ),
            ),
            ("sale.forecast.accuracy", "formatted_read_group", sellers, accuracy_group),
        ]

    def _weekly_review_specs(self, wizard):
        """The weekly review: any salesperson, any week, printed."""
        return [
            (
                "sale.weekly.review",
                "create+action_print",
                ["salesperson", "department_head", "admin"],
                wizard(
                    "sale.weekly.review",
                    self.own_fields("sale.weekly.review"),
                    {"user_id": self.users["salesperson"].id},
                    "action_print",
                ),
            ),
        ]

    def _plan_specs(self, create, write, action, wizard):
        env = self.env
        plan_fields = self.own_fields("sale.plan")
        line_fields = self.own_fields("sale.plan.line")

        def plan(year, state="draft"):
            return env["sale.plan"].create(
                {
                    "year": year,
                    "line_ids": [
                        Command.create(
                            {"user_id": self.salesperson.id, "month": date(year, 1, 1), "amount": 1}
                        )
                    ],
                }
            )

        draft, submitted, approved = plan(2091), plan(2092), plan(2093)
        submitted.with_user(self.head).action_submit()
        approved.with_user(self.head).action_submit()
        approved.with_user(self.general_manager).validate_tier()
        line_base = {"plan_id": draft.id, "user_id": self.salesperson.id, "month": "2091-03-01"}

        def achievement(rng, env):
            groupby = rng.choice([["user_id"], ["month:month"], ["team_id", "quarter"], []])
            aggregates = rng.choice([["plan_amount:sum"], ["paid_amount:sum", "__count"]])

            def call():
                env["sale.plan.achievement"].formatted_read_group([], groupby, aggregates)

            return f"formatted_read_group([], {groupby!r}, {aggregates!r})", call

        return [
            ("sale.plan", "create", ALL_ROLES, create("sale.plan", plan_fields, {"year": 2094})),
            ("sale.plan", "write draft", ALL_ROLES, write(draft, plan_fields)),
            ("sale.plan", "write approved", ALL_ROLES, write(approved, plan_fields)),
            ("sale.plan", "action_submit", ALL_ROLES, action(draft, "action_submit")),
            ("sale.plan", "validate_tier", ALL_ROLES, action(submitted, "validate_tier")),
            ("sale.plan", "reject_tier", ALL_ROLES, action(submitted, "reject_tier")),
            ("sale.plan", "action_revise", ALL_ROLES, action(approved, "action_revise")),
            ("sale.plan", "action_cancel", ALL_ROLES, action(submitted, "action_cancel", 1)),
            (
                "sale.plan.line",
                "create",
                ALL_ROLES,
                create("sale.plan.line", line_fields, line_base),
            ),
            ("sale.plan.line", "write draft", ALL_ROLES, write(draft.line_ids, line_fields)),
            ("sale.plan.line", "write approved", ALL_ROLES, write(approved.line_ids, line_fields)),
            ("sale.plan.achievement", "read_group", ALL_ROLES, achievement),
            (
                "sale.plan.reason.wizard",
                "create+action_confirm",
                MANAGERS,
                wizard(
                    "sale.plan.reason.wizard",
                    self.own_fields("sale.plan.reason.wizard"),
                    {"plan_id": draft.id, "reason": "x"},
                    "action_confirm",
                ),
            ),
            (
                "sale.plan.salesperson.wizard",
                "create+action_confirm",
                MANAGERS,
                wizard(
                    "sale.plan.salesperson.wizard",
                    self.own_fields("sale.plan.salesperson.wizard"),
                    {"plan_id": draft.id, "user_id": self.salesperson.id},
                    "action_confirm",
                ),
            ),
        ]

    # probes: what an accepted value is used for next
    def _regrade_probe(self, grade):
        partner = self.customer.sudo()
        partner.write({"customer_grade_id": grade.id})
        partner._recompute_customer_grading()
        partner.flush_recordset()

    def _contract_probe(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self.quotation.invalidate_recordset()
        return self.quotation.sdr_approval_kind

    # ------------------------------------------------------------
    # the rules a stored record must still keep
    # ------------------------------------------------------------

    def invariants(self, record):
        broken = []

        def check(ok, text):
            if not ok:
                broken.append(text)

        model = record._name
        for rec in record.sudo():
            for name in self.own_fields(model):
                field = rec._fields[name]
                if field.type == "selection" and field.store:
                    check(selection_ok(rec, name), f"{name}={rec[name]!r} is no valid choice")
                if field.type in ("date", "datetime") and field.store:
                    check(not out_of_range(rec[name]), f"{name}={rec[name]} is out of range")
                if field.type in ("float", "monetary") and field.store:
                    check(math.isfinite(rec[name] or 0.0), f"{name}={rec[name]} is not finite")
            if model == "sale.conduct.rule":
                check(not blank(rec.code), f"code {rec.code!r} is blank")
                check(not blank(rec.name), f"name {rec.name!r} is blank")
                check(not bad_number(rec.amount), f"amount {rec.amount} < 0")
                check(not bad_number(rec.repeat_limit), f"repeat_limit {rec.repeat_limit} < 0")
                check(
                    not bad_number(rec.repeat_period_days, maximum=DAYS_MAX),
                    f"repeat_period_days {rec.repeat_period_days} out of 0..{DAYS_MAX}",
                )
            elif model == "sale.conduct.rule.band":
                check(bool(rec.rule_id), "band without rule")
                for name in ("lower_minutes", "upper_minutes", "amount"):
                    check(not bad_number(rec[name]), f"{name} {rec[name]} < 0")
            elif model == "sale.conduct.fine":
                check(not blank(rec.name), f"number {rec.name!r} is blank")
                check(not bad_number(rec.amount), f"amount {rec.amount} < 0")
                check(not bad_number(rec.minutes_late), f"minutes_late {rec.minutes_late} < 0")
                check(not bad_number(rec.occurrence), f"occurrence {rec.occurrence} < 0")
                if rec.state == "cancelled":
                    check(not blank(rec.cancel_reason), "cancelled without a reason")
                if rec.appeal_state:
                    check(not blank(rec.appeal_reason), "appeal without a reason")
                if rec.appeal_state in ("upheld", "rejected"):
                    check(not blank(rec.appeal_decision_reason), "appeal decided without reason")
            elif model == "sale.customer.grade":
                check(not blank(rec.name), f"name {rec.name!r} is blank")
                check(
                    not bad_number(rec.visit_interval_days, maximum=DAYS_MAX),
                    f"visit_interval_days {rec.visit_interval_days} out of 0..{DAYS_MAX}",
                )
                for name in ("min_sales_amount", "min_order_count", "min_expected_volume"):
                    check(not bad_number(rec[name]), f"{name} {rec[name]} < 0")
            elif model == "res.partner":
                check(
                    not bad_number(rec.customer_expected_volume),
                    f"customer_expected_volume {rec.customer_expected_volume} < 0",
                )
                if rec.customer_grade_locked:
                    check(not blank(rec.customer_grade_lock_reason), "grade locked, no reason")
                grade = rec.customer_grade_id
                if grade:
                    check(
                        grade.company_id == (rec.company_id or self.env.company),
                        f"grade {grade.name} of company {grade.company_id.name}",
                    )
                    scale = "potential" if rec.customer_stage == "potential" else "formal"
                    check(
                        grade.customer_stage == scale,
                        f"stage {rec.customer_stage} graded on the {grade.customer_stage} scale",
                    )
            elif model == "res.company":
                check(
                    not bad_number(rec.customer_lost_threshold_days, 1, DAYS_MAX),
                    f"customer_lost_threshold_days {rec.customer_lost_threshold_days}",
                )
                check(
                    not bad_number(rec.sdr_contract_amount_threshold),
                    f"sdr_contract_amount_threshold {rec.sdr_contract_amount_threshold} < 0",
                )
                wrong = rec.sdr_contract_required_field_ids.filtered(
                    lambda f: f.model != "sale.order" or not f.store
                )
                check(
                    not wrong, f"required contract fields not of sale.order: {wrong.mapped('name')}"
                )
            elif model == "sale.order":
                check(rec.sdr_contract_version >= 1, f"version {rec.sdr_contract_version} < 1")
                keys = Counter(
                    (s.version, s.name) for s in rec.sdr_signature_ids if s.state == "signed"
                )
                check(max(keys.values(), default=1) == 1, f"a tier signed twice: {keys}")
                approved = rec.review_ids.filtered(lambda r: r.status == "approved")
                check(len(approved.done_by) == len(approved), "one person approved two tiers")
            elif model == "sale.contract.signature":
                check(is_image(rec.signature), "signature is not an image")
                check(rec.version >= 1, f"version {rec.version} < 1")
            elif model == "sale.conduct.fine.report.wizard":
                check(1900 <= rec.year <= 2999, f"year {rec.year} out of range")
        return broken

    def snapshot(self, record):
        """The workflow fields (read-only, not computed) a plain write must not change."""
        values = {}
        for rec in record.sudo():
            for name in self.own_fields(rec._name):
                field = rec._fields[name]
                if field.readonly and field.store and not field.compute and not field.related:
                    values[rec.id, name] = repr(rec[name] or False)
        if record._name == "tier.review":
            for rec in record.sudo():
                for name in ("status", "done_by", "reviewed_date", "sequence", "res_id"):
                    values[rec.id, name] = repr(rec[name] or False)
        return values

    # ------------------------------------------------------------
    # the run
    # ------------------------------------------------------------

    def classify(self, exc):
        frames = traceback.extract_tb(exc.__traceback__)
        inner = frames[-1] if frames else None
        where = f"{inner.filename}:{inner.lineno} in {inner.name}" if inner else "?"
        if isinstance(exc, (UserError, psycopg2.IntegrityError)):
            # an integrity error reaches an RPC client as a ValidationError
            return "refused", where
        if inner and inner.filename.startswith(self.code_dirs) and "/tests/" not in inner.filename:
            return "addon", where.removeprefix(os.path.dirname(ADDON_DIR.rstrip(os.sep)) + "/")
        return "core", where

    def test_fuzz_models(self):
        rng = random.Random(SEED)
        specs = self.specs()
        covered = {spec[0] for spec in specs}
        missing = [name for name in self.addon_models() if name not in covered]
        findings = defaultdict(list)
        outcomes = Counter()
        core = Counter()
        for model in missing:
            findings[model].append("not fuzzed: add a call for it to test_fuzz.py")
        with mute_logger("odoo.sql_db", "odoo.models", "odoo.models.unlink", "odoo.fields"):
            for number in range(CALLS):
                model, label, roles, make = specs[number % len(specs)]
                role = rng.choice(roles)
                env = self.env(user=self.users[role])
                text, call = make(rng, env)
                text = short(f"[{role}] {label}: {text}", 400)
                result = self.run_one(model, label, env, call)
                outcomes[result[0]] += 1
                if result[0] == "core":
                    core[model, result[1]] += 1
                elif result[0] != "refused" and result[0] != "accepted":
                    findings[model].append(f"{text}\n      -> {result[1]}")
        # pytest shows what a test prints with its failure: the fuzz run's summary
        print(f"\nfuzz: {CALLS} calls, outcomes {dict(outcomes)}")  # pylint: disable=print-used
        for (model, where), count in sorted(core.items()):
            print(f"  core error x{count} on {model}: {where}")  # pylint: disable=print-used
        report = [
            f"{model}:\n    " + "\n    ".join(items) for model, items in sorted(findings.items())
        ]
        if findings:
            self.fail(f"{sum(map(len, findings.values()))} fuzz findings:\n" + "\n".join(report))

    def run_one(self, model, label, env, call):
        """(outcome, detail): accepted, refused, core, addon (server error), broken (rule)."""
        self.changed = []
        with closing(self.env.cr.savepoint()):
            try:
                records = call()
                self.env.flush_all()
            except Exception as exc:  # noqa: BLE001 - the point is to classify anything
                kind, where = self.classify(exc)
                self.env.registry.clear_cache()
                return kind, f"{type(exc).__name__}: {short(exc, 300)} at {where}"
            try:
                self.env.invalidate_all()
                target = records.sudo().exists() if records else None
                broken = self.changed + (self.invariants(target) if target else [])
            except Exception as exc:  # noqa: BLE001
                kind, where = self.classify(exc)
                self.env.registry.clear_cache()
                return "addon" if kind == "addon" else "core", (
                    f"reading the accepted record: {type(exc).__name__}: {exc} at {where}"
                )
            self.env.registry.clear_cache()
        if broken:
            return "broken", "accepted, breaks: " + "; ".join(broken)
        return "accepted", ""

    def workflow_changes(self, env, record, before):
        """A plain write changes no workflow field (but a review may become pending)."""
        if env.su:
            return
        can_grade = env["res.partner"]._can_override_customer_grade()
        after = self.snapshot(record)
        for (rec_id, name), value in before.items():
            if after.get((rec_id, name)) == value:
                continue
            if (
                record._name == "tier.review"
                and name == "status"
                and after[rec_id, name] == "'pending'"
            ):
                continue
            if record._name == "res.partner" and can_grade and name in PARTNER_GRADE_FIELDS:
                continue
            self.changed.append(
                f"plain write changed {name}: {short(value)} -> {short(after.get((rec_id, name)))}"
            )

    def workflow_on_create(self, env, records, vals):
        """A plain create cannot choose a workflow field's value."""
        if env.su or not isinstance(vals, dict):
            return
        can_grade = env["res.partner"]._can_override_customer_grade()
        for rec in records.sudo():
            for name in self.own_fields(rec._name):
                field = rec._fields[name]
                if not (field.readonly and field.store and not field.compute and name in vals):
                    continue
                if rec._name == "res.partner" and can_grade and name in PARTNER_GRADE_FIELDS:
                    continue
                sent, stored = vals[name], rec[name]
                default = rec.default_get([name]).get(name)
                if not sent or sent == default:
                    continue
                same = (
                    stored.ids == ([sent] if isinstance(sent, int) else sent)
                    if hasattr(stored, "ids")
                    else stored == sent or str(stored) == str(sent)
                )
                if same:
                    self.changed.append(f"plain create set {name}={short(sent)}")
