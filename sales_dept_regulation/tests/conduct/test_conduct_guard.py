# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The rules of conduct fines hold for every caller: the calls below are what a
JSON-RPC client sends as an ordinary user (plain create / write / unlink, any
values, any context)."""

import io
from datetime import datetime

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...models.conduct.sale_conduct_fine import DRAFT_FIELDS, WORKFLOW_FIELDS
from .conduct_common import ConductCommon

# context keys a client may send, hoping one of them opens a door
CLIENT_CONTEXTS = [
    {},
    {"install_mode": True, "module": "sales_dept_regulation"},
    {"import_file": True, "tracking_disable": True, "active_test": False},
    {"sudo": True, "su": True, "force_write": True, "bypass_lock": True},
]
SET_BY_ACTIONS = "not by hand"
NOT_A_DRAFT = "is no longer a draft"
# Odoo's access errors come in the user's language: they all name the model
ACCESS_DENIED = "sale.conduct.fine"
SNAPSHOT = sorted(DRAFT_FIELDS | WORKFLOW_FIELDS | {"name", "department_id", "rule_amount"})


@tagged("post_install", "-at_install")
class TestConductGuard(ConductCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Fine = cls.env["sale.conduct.fine"]
        cls.deputy = cls.role_users["deputy_general_manager"]
        cls.seller = cls.role_users["salesperson"]
        cls.admin = cls.role_users["regulation_admin"]

    def snapshot(self, records):
        self.env.invalidate_all()
        return records.sudo().read([f for f in SNAPSHOT if f in records._fields])

    def assertRefused(self, records, call, exception, text):
        """``call`` raises ``exception`` with ``text`` and ``records`` stay as they were."""
        before = self.snapshot(records)
        with self.assertRaisesText(exception, text):
            call()
        self.assertEqual(self.snapshot(records), before)

    def count_fines(self):
        return self.Fine.sudo().search_count([])

    # ------------------------------------------------------------
    # workflow fields move only through their actions
    # ------------------------------------------------------------

    def test_workflow_fields_cannot_be_written(self):
        fine = self.confirmed(self.rule_speaker)
        values = {
            "state": "draft",
            "confirm_user_id": self.gm.id,
            "confirm_date": "2026-01-01 09:00:00",
            "paid_date": "2026-01-01",
            "cancel_reason": "Never happened",
            "appeal_state": "upheld",
            "appeal_reason": "Mine",
            "appeal_user_id": self.head.id,
            "appeal_decision_reason": "Granted",
            "occurrence": -1,
            "repeat_limit_reached": True,
            "name": "FINE/FAKE",
            "department_id": self.dept_other.id,
            "rule_amount": 0,
        }
        self.assertEqual(set(values) - {"name", "department_id", "rule_amount"}, WORKFLOW_FIELDS)
        for user, exception, text in (
            (self.head, UserError, SET_BY_ACTIONS),
            (self.gm, UserError, SET_BY_ACTIONS),
            # users who may not write fines at all learn nothing more
            (self.admin, AccessError, ACCESS_DENIED),
            (self.seller, AccessError, ACCESS_DENIED),
        ):
            for context in CLIENT_CONTEXTS if user == self.head else [{}]:
                for fname, value in values.items():
                    with self.subTest(user=user.login, field=fname, context=context):
                        record = fine.with_user(user).with_context(**context)
                        self.assertRefused(
                            fine, lambda r=record, v={fname: value}: r.write(v), exception, text
                        )

    def test_draft_by_write_then_delete_refused(self):
        fine = self.confirmed(self.rule_speaker)
        head_fine = fine.with_user(self.head)
        self.assertRefused(
            fine, lambda: head_fine.write({"state": "draft"}), UserError, SET_BY_ACTIONS
        )
        self.assertRefused(fine, head_fine.unlink, UserError, "cannot be deleted")
        self.assertTrue(fine.exists())
        self.assertEqual(fine.state, "confirmed")

    def test_appeal_cannot_be_taken_over(self):
        fine = self.confirmed(self.rule_speaker)
        fine.with_user(self.seller).action_appeal("I was with a customer")
        self.assertEqual(fine.appeal_user_id, self.deputy)
        head_fine = fine.with_user(self.head)
        for context in CLIENT_CONTEXTS:
            with self.subTest(context=context):
                self.assertRefused(
                    fine,
                    lambda c=context: head_fine.with_context(**c).write(
                        {"appeal_user_id": self.head.id}
                    ),
                    UserError,
                    SET_BY_ACTIONS,
                )
        self.assertRefused(
            fine,
            lambda: head_fine.action_appeal_decide(True, "Mine now"),
            UserError,
            "can decide this appeal",
        )
        # the employee cannot decide their own appeal through the wizard either
        wizard = (
            self.env["sale.conduct.fine.reason.wizard"]
            .with_user(self.seller)
            .create({"fine_id": fine.id, "action": "uphold", "reason": "Agreed"})
        )
        self.assertRefused(fine, wizard.action_apply, UserError, "can decide this appeal")

    def test_paid_only_through_the_action(self):
        fine = self.confirmed(self.rule_speaker)
        self.assertRefused(
            fine,
            lambda: fine.with_user(self.head).write({"state": "paid", "paid_date": "2026-04-01"}),
            UserError,
            SET_BY_ACTIONS,
        )
        fine.with_user(self.head).action_mark_paid()
        self.assertEqual(fine.state, "paid")

    def test_create_takes_no_workflow_values(self):
        count = self.count_fines()
        Fine = self.Fine.with_user(self.head)
        base = {"employee_id": self.sales_employee.id, "rule_id": self.rule_speaker.id}
        for fname, value in {
            "state": "paid",
            "confirm_user_id": self.head.id,
            "appeal_user_id": self.head.id,
            "appeal_state": "pending",
            "occurrence": 3,
            "repeat_limit_reached": True,
            "name": "FINE/FAKE",
            "department_id": self.dept_sales.id,
        }.items():
            with self.subTest(field=fname), self.assertRaisesText(UserError, SET_BY_ACTIONS):
                Fine.create({**base, fname: value})
        self.assertEqual(self.count_fines(), count)
        # defaults sent in the context are dropped: the fine starts as a draft
        fine = Fine.with_context(
            default_state="paid",
            default_appeal_user_id=self.head.id,
            default_occurrence=7,
            default_repeat_limit_reached=True,
            default_name="FINE/FAKE",
        ).create(base)
        self.assertEqual(fine.state, "draft")
        self.assertFalse(fine.appeal_user_id or fine.occurrence or fine.repeat_limit_reached)
        self.assertTrue(fine.name.startswith("FINE/"))
        self.assertNotEqual(fine.name, "FINE/FAKE")
        # a copy is a new draft; defaults given to copy are values like any other
        confirmed = self.confirmed(self.rule_speaker)
        copy = confirmed.with_user(self.head).copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.confirm_user_id or copy.occurrence)
        count = self.count_fines()
        with self.assertRaisesText(UserError, SET_BY_ACTIONS):
            confirmed.with_user(self.head).copy({"state": "paid"})
        self.assertEqual(self.count_fines(), count)

    def test_only_draft_fields_change_and_only_on_drafts(self):
        confirmed = self.confirmed(self.rule_late, minutes_late=5)
        cancelled = self.fine(self.rule_speaker)
        cancelled.with_user(self.head).action_cancel("Recorded twice")
        for fine in (confirmed, cancelled):
            for vals in (
                {"description": "Actually it was nothing"},
                {"amount": 0, "amount_reason": "Forgiven"},
                {"minutes_late": 1},
                {"employee_id": self.tele_employee.id},
                {"event_datetime": "2020-01-01 08:00:00"},
            ):
                with self.subTest(state=fine.state, vals=vals):
                    self.assertRefused(
                        fine,
                        lambda f=fine, v=vals: f.with_user(self.head).write(v),
                        UserError,
                        NOT_A_DRAFT,
                    )
        # not even server code running as superuser changes what a fine says
        self.assertRefused(
            confirmed,
            lambda: confirmed.sudo().write({"amount": 1, "amount_reason": "x"}),
            UserError,
            NOT_A_DRAFT,
        )

    # ------------------------------------------------------------
    # record rules hold on the fine as written
    # ------------------------------------------------------------

    def test_fine_cannot_be_moved_out_of_the_department(self):
        fine = self.fine(self.rule_speaker)
        head_fine = fine.with_user(self.head)
        for context in CLIENT_CONTEXTS:
            with self.subTest(context=context):
                self.assertRefused(
                    fine,
                    lambda c=context: head_fine.with_context(**c).write(
                        {"employee_id": self.other_employee.id}
                    ),
                    AccessError,
                    ACCESS_DENIED,
                )
        # nor by bringing the department along
        self.assertRefused(
            fine,
            lambda: head_fine.write(
                {"employee_id": self.other_employee.id, "department_id": self.dept_sales.id}
            ),
            UserError,
            SET_BY_ACTIONS,
        )
        # within the department it is an ordinary correction of a draft
        head_fine.write({"employee_id": self.tele_employee.id})
        self.assertEqual(fine.department_id, self.dept_sales)

    def test_create_outside_the_department_refused(self):
        count = self.count_fines()
        for context in CLIENT_CONTEXTS:
            with (
                self.subTest(context=context),
                self.assertRaisesText(AccessError, ACCESS_DENIED),
            ):
                self.Fine.with_user(self.head).with_context(**context).create(
                    {"employee_id": self.other_employee.id, "rule_id": self.rule_speaker.id}
                )
        self.assertEqual(self.count_fines(), count)

    def test_actions_check_the_record_rules(self):
        other = self.Fine.create(
            {"employee_id": self.other_employee.id, "rule_id": self.rule_speaker.id}
        )
        other_head = other.with_user(self.head)
        self.assertRefused(other, other_head.action_confirm, AccessError, ACCESS_DENIED)
        self.assertRefused(
            other, lambda: other_head.action_cancel("Not mine"), AccessError, ACCESS_DENIED
        )
        other.action_confirm()
        self.assertRefused(other, other_head.action_mark_paid, AccessError, ACCESS_DENIED)
        # the employee may not run the manager's actions through the wizard
        own = self.confirmed(self.rule_speaker)
        wizard = (
            self.env["sale.conduct.fine.reason.wizard"]
            .with_user(self.seller)
            .create({"fine_id": own.id, "action": "cancel", "reason": "Unfair"})
        )
        self.assertRefused(own, wizard.action_apply, UserError, "Only a Department Head")

    # ------------------------------------------------------------
    # bad input
    # ------------------------------------------------------------

    def test_negative_minutes_late_refused(self):
        count = self.count_fines()
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.fine(self.rule_speaker, minutes_late=-5)
        self.assertEqual(self.count_fines(), count)
        fine = self.fine(self.rule_speaker)
        self.assertRefused(
            fine,
            lambda: fine.with_user(self.head).write({"minutes_late": -1}),
            ValidationError,
            "cannot be negative",
        )
        late = self.fine(self.rule_late, minutes_late=5)
        self.assertRefused(
            late,
            lambda: late.with_user(self.head).write({"minutes_late": -30}),
            ValidationError,
            "cannot be negative",
        )

    def test_values_of_the_wrong_shape_refused(self):
        count = self.count_fines()
        Fine = self.Fine.with_user(self.head)
        for vals_list in ("abc", None, 42, ["abc"], [None], [{"rule_id": 1}, 7]):
            with (
                self.subTest(vals_list=vals_list),
                self.assertRaisesText(UserError, "given by field name"),
            ):
                Fine.create(vals_list)
        self.assertEqual(self.count_fines(), count)
        fine = self.fine(self.rule_speaker)
        for vals in (None, "abc", 42, ["state"], [("state", "paid")]):
            with self.subTest(vals=vals):
                self.assertRefused(
                    fine,
                    lambda v=vals: fine.with_user(self.head).write(v),
                    UserError,
                    "given by field name",
                )
        # keys that are no field name at all
        self.assertRefused(
            fine, lambda: fine.with_user(self.head).write({1: 2}), UserError, SET_BY_ACTIONS
        )
        for reason in (None, "", "   ", 42, ["Because"], {"reason": "x"}):
            with self.subTest(reason=reason):
                self.assertRefused(
                    fine,
                    lambda r=reason: fine.with_user(self.head).action_cancel(r),
                    UserError,
                    "Give the reason",
                )

    def test_rule_code_and_name_required(self):
        Rule = self.env["sale.conduct.rule"].with_user(self.admin)
        count = Rule.search_count([])
        for code, name in (("", "Eating"), ("   ", "Eating"), ("X9", ""), ("X9", " \t\n")):
            with (
                self.subTest(code=code, name=name),
                self.assertRaisesText(ValidationError, "needs a code and a name"),
            ):
                Rule.create({"code": code, "name": name, "amount": 5})
        self.assertEqual(Rule.search_count([]), count)
        rule = self.rule_speaker
        for vals in ({"code": "  "}, {"name": ""}, {"name": "   "}):
            with self.subTest(vals=vals):
                before = rule.read(["code", "name"])
                with self.assertRaisesText(ValidationError, "needs a code and a name"):
                    rule.with_user(self.admin).write(vals)
                self.env.invalidate_all()
                self.assertEqual(rule.read(["code", "name"]), before)

    def test_repeat_limit_is_explicit(self):
        # the shipped rules: a limit of 3 on neglect, none on the speakerphone
        self.assertTrue(self.rule_neglect.has_repeat_limit)
        self.assertFalse(self.rule_speaker.has_repeat_limit)
        rule = self.rule_neglect.with_user(self.admin)
        for value in (0, -1):
            with self.subTest(value=value):
                with self.assertRaisesText(ValidationError, "must be at least 1"):
                    rule.write({"repeat_limit": value})
                self.env.invalidate_all()
                self.assertEqual((rule.has_repeat_limit, rule.repeat_limit), (True, 3))
        Rule = self.env["sale.conduct.rule"].with_user(self.admin)
        with self.assertRaisesText(ValidationError, "must be at least 1"):
            Rule.create({"code": "X1", "name": "Eating", "has_repeat_limit": True})
        # no limit is said so; setting a number switches the limit on
        free = Rule.create({"code": "X2", "name": "Eating"})
        self.assertFalse(free.has_repeat_limit)
        free.write({"repeat_limit": 2})
        self.assertTrue(free.has_repeat_limit)
        # lifting the limit: nothing escalates any more
        rule.write({"has_repeat_limit": False})
        fines = [
            self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, day, 9))
            for day in (1, 2, 3, 4)
        ]
        self.assertEqual(fines[-1].occurrence, 4)
        self.assertFalse(any(fine.repeat_limit_reached for fine in fines))

    def test_appraisal_year_out_of_range(self):
        Wizard = self.env["sale.conduct.fine.report.wizard"].with_user(self.seller)
        for year in (0, -1, 1999, 2101, 100000):
            with (
                self.subTest(year=year),
                self.assertRaisesText(ValidationError, "Choose a year from 2000 to 2100"),
            ):
                Wizard.create({"month": "3", "year": year})
        wizard = Wizard.create({"month": "3", "year": 2026})
        with self.assertRaisesText(ValidationError, "Choose a year"):
            wizard.write({"year": 0})
        # the report URL takes its data from the client: checked there too
        report = self.env["ir.actions.report"].with_user(self.seller)
        name = "sales_dept_regulation.sale_conduct_fine_xlsx"
        for data in (
            {"year": 0, "month": 3},
            {"year": 2026, "month": 13},
            {"year": "abc", "month": 3},
            {"year": None, "month": [3]},
            {"year": 100000, "month": 1},
            {"year": float("inf"), "month": 1},
        ):
            with self.subTest(data=data), self.assertRaisesText(UserError, "Choose a month"):
                report.with_context(active_model=wizard._name)._render(name, wizard.ids, data)
        # without data, the wizard's own period
        content, _type = report.with_context(active_model=wizard._name)._render(
            name, wizard.ids, {}
        )
        self.assertEqual(load_workbook(io.BytesIO(content)).active.title, "2026-03")
