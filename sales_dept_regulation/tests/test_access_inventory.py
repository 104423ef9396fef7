# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The access inventory (readme/ACCESS.md), walked for every role.

The test reads the table from ACCESS.md itself, so the document and the test
cannot disagree: for each model, operation and role, the records the test makes
(named in ACCESS.md's record list) that the role may reach under the access
rights and record rules (``has_access``, as ``check_access`` decides) are
exactly the ones the cell names."""

from datetime import timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from ..models.engine_visibility import FOLLOWED_MODELS
from .common import MODULE, RegulationCommon

ACCESS_MD = Path(__file__).resolve().parents[1] / "readme" / "ACCESS.md"
OPERATIONS = {"read": "read", "create": "create", "write": "write", "delete": "unlink"}
# the table's role columns and the groups that make each role
ROLES = {
    "Salesperson": f"{MODULE}.group_role_salesperson",
    "Telemarketer": f"{MODULE}.group_role_telemarketer",
    "Sales Clerk": f"{MODULE}.group_role_sales_clerk",
    "Department Head": f"{MODULE}.group_role_department_head",
    "Deputy GM": f"{MODULE}.group_role_deputy_general_manager",
    "General Manager": f"{MODULE}.group_role_general_manager",
    "Contract Admin": f"{MODULE}.group_role_contract_admin",
    "Regulation Admin": f"{MODULE}.group_role_regulation_admin",
    "R&D Engineer": f"{MODULE}.group_role_rd_engineer",
    "Technical Staff": f"{MODULE}.group_role_technical_staff",
    "Internal User": "base.group_user",
}


def parse_inventory(text):
    """{(model, operation): {role: cell}} from the table of ACCESS.md whose
    header starts with "| Model | Operation |"."""
    lines = [line.strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("| Model | Operation |"))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    cells = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        row = [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        model, operation = row[0], row[1]
        cells[model, operation] = dict(zip(header[2:], row[2:], strict=True))
    return cells


def parent_of(record):
    """The document an engine's record belongs to."""
    if record._name == "helpdesk.ticket.sla":
        return record.ticket_id
    model = (
        record.res_model
        if record._name in ("ir.attachment", "mail.followers", "mail.activity")
        else record.model
    )
    return record.env[model].browse(record.res_id)


@tagged("post_install", "-at_install")
class TestAccessInventory(RegulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the rows of a bridge's models (the table marks them) are walked where
        # the bridge is installed, by the bridge's own test
        cls.inventory = {
            key: cells
            for key, cells in parse_inventory(ACCESS_MD.read_text(encoding="utf-8")).items()
            if key[0] in cls.env
        }
        env = cls.env
        cls.users = {
            role: new_test_user(env, login=f"sdr_inv_{i}", name=f"Inventory {role}", groups=groups)
            for i, (role, groups) in enumerate(ROLES.items())
        }
        # a colleague in the Sales department (headed by the Department Head)
        # and an outsider in another department: owners of the records that are
        # not the role's own
        cls.colleague = new_test_user(env, login="sdr_inv_colleague", groups="base.group_user")
        cls.outsider = new_test_user(env, login="sdr_inv_outsider", groups="base.group_user")
        Employee = env["hr.employee"]
        head = Employee.create(
            {"name": "Inventory Head", "user_id": cls.users["Department Head"].id}
        )
        cls.dept_sales = env["hr.department"].create(
            {"name": "Inventory Sales", "manager_id": head.id}
        )
        head.department_id = cls.dept_sales
        cls.dept_other = env["hr.department"].create({"name": "Inventory Elsewhere"})
        cls.employees = {head.user_id: head}
        for user in [*cls.users.values(), cls.colleague]:
            if user not in cls.employees:
                cls.employees[user] = Employee.create(
                    {
                        "name": user.name,
                        "user_id": user.id,
                        "department_id": cls.dept_sales.id,
                        "parent_id": head.id,
                    }
                )
        cls.employees[cls.outsider] = Employee.create(
            {"name": "Outsider", "user_id": cls.outsider.id, "department_id": cls.dept_other.id}
        )
        cls.tech_team = env.ref(f"{MODULE}.helpdesk_team_technical")
        cls.tech_team.user_ids = [Command.link(cls.users["Technical Staff"].id)]
        cls.after_sales_team = env.ref(f"{MODULE}.helpdesk_team_after_sales")
        cls.rule_speaker = env.ref(f"{MODULE}.conduct_rule_speakerphone")
        cls.product = env["product.product"].create({"name": "Inventory Bottle", "type": "consu"})
        cls.today = fields.Date.context_today(env["res.partner"])
        cls.seq = 0
        cls.cache = {}
        # the documents the engines' records belong to, one of each kind, owned
        # so that each role reads some and not others
        seller = cls.users["Salesperson"]
        cls.parents = {
            "fine_colleague": cls.fine(cls.colleague),
            "fine_outsider": cls.fine(cls.outsider),
            "sample_seller": cls.sample(seller),
            "sample_outsider": cls.sample(cls.outsider),
            "loan_secret": cls.loan(cls.outsider, "secret"),
            "ticket_to_confirm": cls.ticket(cls.colleague, "to_confirm"),
            "ticket_confirmed": cls.ticket(cls.outsider, "confirmed"),
            "contract_seller": cls.order(seller, contract=True),
            "sample_submitted": cls.sample(cls.outsider, submitted=True),
            "conduct_rule": cls.rule_speaker,
        }

    # ------------------------------------------------------------
    # the records each row names (made as superuser, owned as named)
    # ------------------------------------------------------------

    @classmethod
    def force(cls, record, vals):
        """Set workflow columns directly: the records are in the state the row
        names, whatever route the capability's workflow takes to get there."""
        cls.env.flush_all()
        for name, value in vals.items():
            cls.env.cr.execute(
                f'UPDATE "{record._table}" SET "{name}" = %s WHERE id = %s',  # noqa: S608
                (value, record.id),
            )
        cls.env.invalidate_all()

    @classmethod
    def next_code(cls):
        cls.seq += 1
        return f"INV{cls.seq}"

    @classmethod
    def customer(cls, user):
        return cls.env["res.partner"].create(
            {"name": f"Customer of {user.name}", "is_company": True, "user_id": user.id}
        )

    @classmethod
    def fine(cls, user):
        return cls.env["sale.conduct.fine"].create(
            {"employee_id": cls.employees[user].id, "rule_id": cls.rule_speaker.id}
        )

    @classmethod
    def sample(cls, user, submitted=False):
        request = cls.env["sale.sample.request"].create(
            {
                "partner_id": cls.customer(user).id,
                "user_id": user.id,
                "product_id": cls.product.id,
                "quantity": 1,
            }
        )
        if submitted:
            cls.force(request, {"state": "submitted", "submit_date": fields.Datetime.now()})
        return request

    @classmethod
    def work_log(cls, user):
        return cls.env["sale.work.log"].create({"user_id": user.id, "date": cls.today})

    @classmethod
    def category(cls):
        return cls.env["sale.archive.category"].create(
            {"name": "Inventory papers", "code": cls.next_code()}
        )

    @classmethod
    def document(cls, holder, confidentiality):
        document = cls.env["sale.archive.document"].create(
            {"title": f"Paper {confidentiality}", "category_id": cls.category().id}
        )
        cls.force(document, {"confidentiality": confidentiality, "holder_id": holder.id})
        return document

    @classmethod
    def loan(cls, borrower, confidentiality):
        return cls.env["sale.archive.loan"].create(
            {
                "document_id": cls.document(cls.outsider, confidentiality).id,
                "borrower_id": borrower.id,
                "purpose": "Inventory",
                "due_date": cls.today + timedelta(days=7),
            }
        )

    @classmethod
    def ticket(cls, requester, state):
        ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": f"Ticket of {requester.name}",
                "description": "<p>Leaks</p>",
                "partner_id": cls.customer(requester).id,
            }
        )
        if state:
            team = cls.tech_team if state == "confirmed" else cls.after_sales_team
            cls.force(
                ticket,
                {
                    "after_sales_state": state,
                    "after_sales_requester_id": requester.id,
                    "after_sales_salesperson_id": requester.id,
                    "team_id": team.id,
                },
            )
        else:
            cls.force(ticket, {"team_id": cls.tech_team.id})
        return ticket

    @classmethod
    def order(cls, user, contract=False):
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer(user).id,
                "user_id": user.id,
                "order_line": [Command.create({"product_id": cls.product.id})],
            }
        )
        if contract:
            cls.force(order, {"is_contract": True})
        return order

    def owners(self, user):
        return [("own", user), ("other", self.outsider)]

    @classmethod
    def overdue_invoice(cls, user):
        """A posted customer invoice of a customer of ``user``, past due."""
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer(user).id,
                "invoice_user_id": user.id,
                "invoice_date": cls.today - timedelta(days=40),
                "invoice_line_ids": [
                    Command.create({"name": "Bottles", "quantity": 1, "price_unit": 100})
                ],
            }
        )
        move.action_post()
        move.invoice_date_due = cls.today - timedelta(days=10)
        return move

    @classmethod
    def forecast(cls, user):
        """A submitted forecast of ``user``, each of its own month."""
        cls.seq += 1
        forecast = cls.env["sale.forecast"].create(
            {
                "user_id": user.id,
                "month": fields.Date.to_date("2030-01-01") + relativedelta(months=cls.seq),
                "line_ids": [Command.create({"partner_id": cls.customer(user).id, "amount": 10})],
            }
        )
        cls.force(forecast, {"state": "submitted"})
        return forecast

    def plan_of_year(self, year, state="draft"):
        return self.env["sale.plan"].create({"year": year, "state": state})

    def plan_line(self, owner):
        """``owner``'s line of an approved plan (one line per owner, made once)."""
        if ("plan_line", owner.id) not in self.cache:
            approved = self.shared(
                "plan_approved", lambda: self.plan_of_year(self.today.year + 21, "approved")
            )
            self.cache["plan_line", owner.id] = self.env["sale.plan.line"].create(
                {
                    "plan_id": approved.id,
                    "user_id": owner.id,
                    "month": self.today.replace(year=approved.year, day=1),
                    "amount": 100,
                }
            )
        return self.cache["plan_line", owner.id]

    def owned(self, build, user):
        """own / dept / other: the role's, a Sales colleague's, an outsider's."""
        return {"own": build(user), "dept": build(self.colleague), "other": build(self.outsider)}

    def shared(self, key, build):
        """Records that belong to nobody in particular, made once for every role."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]

    def on_parents(self, build):
        return {name: build(parent) for name, parent in self.parents.items()}

    def records(self, model, user):
        """The records of ``model`` the test checks ``user`` against (made once)."""
        if (model, user.id) not in self.cache:
            self.cache[model, user.id] = self.make_records(model, user)
        return self.cache[model, user.id]

    def make_records(self, model, user):  # noqa: C901 one branch per row of the table
        env = self.env
        if model == "sale.conduct.rule":
            return self.shared(model, lambda: {"rule": self.rule_speaker})
        if model == "sale.conduct.rule.band":
            rule = env.ref(f"{MODULE}.conduct_rule_late")
            return self.shared(model, lambda: {"band": rule.band_ids[:1]})
        if model == "sale.conduct.fine":
            return self.owned(self.fine, user)
        if model == "sale.customer.grade":
            return self.shared(model, lambda: {"grade": env[model].search([], limit=1)})
        if model == "sale.customer.grade.history":
            return self.owned(
                lambda u: env[model].create(
                    {"partner_id": self.customer(u).id, "company_id": env.company.id}
                ),
                user,
            )
        if model == "sale.contract.template":
            return self.shared(model, lambda: {"template": env[model].create({"name": "Inv"})})
        if model == "sale.contract.signature":
            admin = env.ref("base.user_admin")
            return self.owned(
                lambda u: env[model].create(
                    {"order_id": self.order(u).id, "name": "Head", "user_id": admin.id}
                ),
                user,
            )
        if model == "sale.archive.category":
            return self.shared(model, lambda: {"category": self.category()})
        if model == "sale.archive.document":
            return {
                "department": self.shared(
                    "document", lambda: self.document(self.outsider, "department")
                ),
                "held": self.document(user, "secret"),
                "confidential": self.shared(
                    "document_c", lambda: self.document(self.outsider, "confidential")
                ),
                "secret": self.shared("document_s", lambda: self.document(self.outsider, "secret")),
            }
        if model == "sale.archive.loan":
            return {
                "own": self.loan(user, "secret"),
                "confidential": self.shared(
                    "loan_c", lambda: self.loan(self.outsider, "confidential")
                ),
                "secret": self.shared("loan_s", lambda: self.loan(self.outsider, "secret")),
            }
        if model in ("sale.work.log", "sale.work.log.comment"):
            logs = {
                "own": self.shared(("log", user.id), lambda: self.work_log(user)),
                "dept": self.shared("log_dept", lambda: self.work_log(self.colleague)),
                "other": self.shared("log_other", lambda: self.work_log(self.outsider)),
            }
            if model == "sale.work.log":
                return logs
            return {
                name: self.shared(
                    ("comment", log.id),
                    lambda log=log: env[model].create(
                        {
                            "log_id": log.id,
                            "author_id": self.users["Department Head"].id,
                            "body": "Ok",
                        }
                    ),
                )
                for name, log in logs.items()
            }
        if model == "sale.sample.request":
            return {
                **self.owned(self.sample, user),
                "submitted": self.shared("sample_s", lambda: self.sample(self.outsider, True)),
            }
        if model == "sale.mould.fee.rule":
            return self.shared(model, lambda: {"fee_rule": env[model].search([], limit=1)})
        if model == "sale.market.budget":
            return self.shared(
                model,
                lambda: {
                    "budget": env[model].create(
                        {
                            "period_type": "month",
                            "date_from": self.today.replace(day=1),
                            "amount": 1000,
                        }
                    )
                },
            )
        if model == "sale.plan":
            return self.shared(model, lambda: {"plan": self.plan_of_year(self.today.year + 20)})
        if model == "sale.plan.line":
            return self.owned(self.plan_line, user)
        if model == "sale.plan.achievement":
            return self.owned(
                lambda owner: env[model].search(
                    [("user_id", "=", self.plan_line(owner).user_id.id)], limit=1
                ),
                user,
            )
        if model == "sale.regulation.dashboard.tile":
            return self.shared(
                model,
                lambda: {
                    "everyone": env.ref(f"{MODULE}.dashboard_tile_my_unpaid_fines"),
                    "managers": env.ref(f"{MODULE}.dashboard_tile_fines_to_confirm"),
                },
            )
        if model == "helpdesk.ticket":
            return {
                "own": self.ticket(user, "to_confirm"),
                "to_confirm": self.shared("t1", lambda: self.ticket(self.colleague, "to_confirm")),
                "confirmed": self.shared("t2", lambda: self.ticket(self.outsider, "confirmed")),
                "plain": self.shared("t3", lambda: self.ticket(self.outsider, False)),
            }
        if model == "helpdesk.ticket.sla":
            sla = env.ref(f"{MODULE}.helpdesk_sla_formal_a_response")
            return self.shared(
                model,
                lambda: {
                    name: env[model].create({"ticket_id": ticket.id, "sla_id": sla.id})
                    for name, ticket in self.parents.items()
                    if ticket._name == "helpdesk.ticket"
                },
            )
        if model == "helpdesk.sla":
            return self.shared(
                model,
                lambda: {
                    "after_sales": env.ref(f"{MODULE}.helpdesk_sla_formal_a_response"),
                    "plain": env[model].create(
                        {
                            "name": "Inventory plain rule",
                            "team_ids": [Command.set(env.ref("helpdesk_mgmt.helpdesk_team_2").ids)],
                            "hours": 4,
                        }
                    ),
                },
            )
        if model == "helpdesk.ticket.team":
            return self.shared(
                model,
                lambda: {
                    "after_sales": self.after_sales_team,
                    "technical": self.tech_team,
                    "plain": env.ref("helpdesk_mgmt.helpdesk_team_2"),
                },
            )
        if model == "tier.definition":
            return self.shared(
                model,
                lambda: {
                    "addon": env.ref(f"{MODULE}.tier_definition_sample_fee_exception"),
                    "foreign": env[model].create(
                        {
                            "name": "A company's own tier",
                            "model_id": env.ref("base.model_res_partner").id,
                        }
                    ),
                },
            )
        if model == "tier.review":
            definitions = {
                "sale.sample.request": f"{MODULE}.tier_definition_sample_fee_exception",
                "sale.archive.loan": f"{MODULE}.tier_definition_archive_loan_secret",
                "sale.order": f"{MODULE}.tier_definition_contract_department_head",
            }
            return self.shared(
                model,
                lambda: {
                    name: env[model].create(
                        {
                            "model": parent._name,
                            "res_id": parent.id,
                            "definition_id": env.ref(definitions[parent._name]).id,
                            "sequence": 1,
                        }
                    )
                    for name, parent in self.parents.items()
                    if parent._name in definitions
                },
            )
        if model == "mail.followers":
            partner = self.outsider.partner_id

            def follower(parent):
                parent.message_subscribe(partner.ids)
                return env[model].search(
                    [
                        ("res_model", "=", parent._name),
                        ("res_id", "=", parent.id),
                        ("partner_id", "=", partner.id),
                    ]
                )

            # of the addon's documents: the followers of orders and tickets are
            # as core mail has them (every internal user reads them)
            return self.shared(
                model,
                lambda: {
                    name: follower(parent)
                    for name, parent in self.parents.items()
                    if parent._name in FOLLOWED_MODELS
                },
            )
        if model == "mail.activity":
            # visits (Customer Visit activities) on a customer of the role user, the
            # colleague and the outsider, assigned to the customer's salesperson
            visit_type = env.ref(f"{MODULE}.mail_activity_type_customer_visit")
            partner_model = env["ir.model"]._get_id("res.partner")
            return self.owned(
                lambda u: env[model].create(
                    {
                        "res_model_id": partner_model,
                        "res_id": self.customer(u).id,
                        "activity_type_id": visit_type.id,
                        "user_id": u.id,
                        "date_deadline": self.today,
                    }
                ),
                user,
            )
        if model == "mail.message":
            return self.shared(
                model,
                lambda: self.on_parents(
                    lambda parent: parent.message_post(
                        body="Inventory note", message_type="comment"
                    )
                ),
            )
        if model == "ir.attachment":
            return self.shared(
                model,
                lambda: self.on_parents(
                    lambda parent: env[model].create(
                        {
                            "name": "note.txt",
                            "raw": b"note",
                            "res_model": parent._name,
                            "res_id": parent.id,
                        }
                    )
                ),
            )
        if model == "sale.order":
            return {**self.owned(self.order, user), "contract": self.parents["contract_seller"]}
        if model == "sale.order.line":
            orders = self.records("sale.order", user)
            return {key: order.order_line[:1] for key, order in orders.items()}
        if model == "res.partner":
            return self.owned(self.customer, user)
        if model == "hr.employee":
            return {"own": self.employees[user], "other": self.employees[self.outsider]}
        if model == "sale.receivable.overdue":
            moves = {key: self.overdue_invoice(owner) for key, owner in self.owners(user)}
            return {key: env[model].browse(move.id) for key, move in moves.items()}
        if model == "sale.receivable.promise":
            moves = self.records("sale.receivable.overdue", user)
            return {
                key: env[model].create(
                    {"move_id": line.id, "promised_date": "2099-01-01", "user_id": owner.id}
                )
                for (key, line), (_key, owner) in zip(moves.items(), self.owners(user), strict=True)
            }
        if model == "sale.order.cycle":
            orders = {key: self.order(owner) for key, owner in self.owners(user)}
            for order in orders.values():
                self.force(order, {"state": "sale"})
            return {key: env[model].browse(order.id) for key, order in orders.items()}
        if model == "sale.delay.cause":
            return {"all": env.ref(f"{MODULE}.sale_delay_cause_production")}
        if model == "sale.forecast":
            return self.owned(self.forecast, user)
        if model == "sale.forecast.line":
            forecasts = self.records("sale.forecast", user)
            return {key: forecast.line_ids for key, forecast in forecasts.items()}
        if model == "sale.forecast.accuracy":
            forecasts = self.records("sale.forecast", user)
            return {
                key: env[model].search([("forecast_id", "=", forecast.id)])
                for key, forecast in forecasts.items()
            }
        raise AssertionError(f"ACCESS.md names {model}, for which the test makes no records")

    # ------------------------------------------------------------
    # the walk
    # ------------------------------------------------------------

    def expected(self, cell, records, user):
        if cell == "all":
            return set(records)
        if cell == "none":
            return set()
        if cell in ("parent", "parent-write"):
            operation = "read" if cell == "parent" else "write"
            return {
                key
                for key, record in records.items()
                if parent_of(record).with_user(user).has_access(operation)
            }
        keys = set(cell.split("+"))
        unknown = keys - set(records)
        self.assertFalse(unknown, f"ACCESS.md names records the test does not make: {unknown}")
        return keys

    def expected_search(self, model, expected, records, user):
        """What a search finds of the records the role reads: the same, but for
        activities, which core's search shows only to their assignee or to who may
        write their document (mail.activity._search reads _mail_post_access)."""
        if model != "mail.activity":
            return expected
        return {
            key
            for key in expected
            if records[key].user_id == user
            or parent_of(records[key]).with_user(user).has_access("write")
        }

    def test_every_role_reaches_what_the_inventory_says(self):
        self.assertGreaterEqual(len(self.inventory), 4)
        checked = 0
        for (model, operation), by_role in self.inventory.items():
            self.assertEqual(set(by_role), set(ROLES), f"{model} {operation}: one cell per role")
            for role, cell in by_role.items():
                user = self.users[role]
                records = self.records(model, user)
                for record in records.values():
                    self.assertTrue(record, f"{model}: a record of the inventory was not made")
                checked += 1
                with self.subTest(model=model, operation=operation, role=role):
                    reached = {
                        key
                        for key, record in records.items()
                        if record.with_user(user).has_access(OPERATIONS[operation])
                    }
                    expected = self.expected(cell, records, user)
                    if operation == "read":
                        # what a search, a read_group or an export finds, too
                        ids = [record.id for record in records.values()]
                        Model = self.env[model].with_user(user).with_context(active_test=False)
                        found = (
                            Model.search([("id", "in", ids)]).ids
                            if Model.has_access("read")
                            else []
                        )
                        self.assertEqual(
                            {key for key, record in records.items() if record.id in found},
                            self.expected_search(model, expected, records, user),
                            f"{role} searches {model}: finds other records than ACCESS.md says",
                        )
                    self.assertEqual(
                        reached,
                        expected,
                        f"{role} {operation} {model}: reaches {sorted(reached) or 'none'}, "
                        f"ACCESS.md says {cell}",
                    )
                    if expected:
                        # the model-level right (the access rights alone) agrees
                        self.assertTrue(
                            self.env[model].with_user(user).has_access(OPERATIONS[operation])
                        )
        # roles x models x operations
        self.assertEqual(checked, len(ROLES) * len({model for model, _op in self.inventory}) * 4)
