# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The rules of the customer grading, as an RPC client meets them: plain create,
write and unlink calls as the user, with the values and context it may send."""

import re
from contextlib import contextmanager
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools.cache import get_cache_key_counter

from .common_grading import NOW, GradingCommon

GRADING_FIELDS_MSG = "are set by the grading"


class RefusalMixin:
    @contextmanager
    def refused(self, exception, message):
        """Expect a refusal; roll back what it left, as the RPC layer would."""
        with self.assertRaisesRegex(exception, message), self.env.cr.savepoint():
            yield


@tagged("post_install", "-at_install")
class TestGradingScalesCache(RefusalMixin, GradingCommon):
    """The cached grading scales: cleared by what changes them, and by nothing else."""

    def setUp(self):
        super().setUp()
        self.admin = self.role_users["regulation_admin"]
        Grade = self.env["sale.customer.grade"]
        self.cache, self.key, _counter = get_cache_key_counter(Grade._get_grading_scales)
        Grade._get_grading_scales()
        self.assertIn(self.key, self.cache)

    def test_refused_write_create_unlink_keep_the_cache(self):
        for key in ("salesperson", "department_head", "general_manager"):
            user = self.role_users[key]
            with self.subTest(role=key):
                with self.refused(AccessError, "sale.customer.grade"):
                    self.formal_a.with_user(user).write({"min_order_count": 1})
                with self.refused(AccessError, "sale.customer.grade"):
                    self.env["sale.customer.grade"].with_user(user).create(
                        {"name": "Z", "visit_interval_days": 5}
                    )
                with self.refused(AccessError, "sale.customer.grade"):
                    self.formal_c.with_user(user).unlink()
                self.assertIn(self.key, self.cache)
        self.assertEqual(self.formal_a.min_order_count, 3)
        self.assertTrue(self.formal_c.exists())

    def test_refused_bad_value_keeps_the_cache(self):
        with self.refused(ValidationError, "between 0 and"):
            self.formal_a.with_user(self.admin).write({"min_order_count": -1})
        self.assertIn(self.key, self.cache)
        self.assertEqual(self.formal_a.min_order_count, 3)

    def test_write_of_a_criterion_clears_the_cache_other_fields_do_not(self):
        grade = self.formal_a.with_user(self.admin)
        grade.write({"color": 3, "name": "FA+", "visit_interval_days": 20})
        self.assertIn(self.key, self.cache)
        grade.write({"min_order_count": 4})
        self.assertNotIn(self.key, self.cache)
        self.env["sale.customer.grade"]._get_grading_scales()
        grade.action_archive()
        self.assertNotIn(self.key, self.cache)

    def test_create_and_unlink_clear_the_cache(self):
        Grade = self.env["sale.customer.grade"].with_user(self.admin)
        grade = Grade.create({"name": "New", "visit_interval_days": 10})
        self.assertNotIn(self.key, self.cache)
        Grade._get_grading_scales()
        grade.unlink()
        self.assertNotIn(self.key, self.cache)
        # an archived grade is not in the scales: creating one keeps them
        Grade._get_grading_scales()
        Grade.create({"name": "Old", "regular_visits": False, "active": False})
        self.assertIn(self.key, self.cache)


@tagged("post_install", "-at_install")
class TestGradeValues(RefusalMixin, GradingCommon):
    """What a regulation admin may give a grade."""

    def setUp(self):
        super().setUp()
        self.Grade = self.env["sale.customer.grade"].with_user(self.role_users["regulation_admin"])
        self.grade = self.formal_b.with_user(self.Grade.env.user)
        self.count = self.Grade.with_context(active_test=False).search_count([])

    def assertUnchanged(self):
        self.assertEqual(self.Grade.with_context(active_test=False).search_count([]), self.count)
        self.assertRecordValues(
            self.formal_b,
            [
                {
                    "name": "FB",
                    "sequence": 2,
                    "regular_visits": True,
                    "visit_interval_days": 60,
                    "min_sales_amount": 1000,
                    "min_order_count": 1,
                    "color": 0,
                }
            ],
        )

    def test_not_a_dictionary(self):
        for vals_list in ("abc", None, 42, ["abc"], [None]):
            with self.subTest(vals=vals_list):
                with self.refused(UserError, "expected a dictionary"):
                    self.Grade.create(vals_list)
        for vals in ("abc", None, 42, ["name"]):
            with self.subTest(vals=vals):
                with self.refused(UserError, "expected a dictionary"):
                    self.grade.write(vals)
        self.assertUnchanged()

    def test_empty_names(self):
        # (no name at all is refused by the database's NOT NULL, with its message)
        for name in ("", "   ", "\t\n"):
            with self.subTest(name=name):
                with self.refused(ValidationError, "A grade needs a name"):
                    self.Grade.create({"name": name, "visit_interval_days": 10})
        for name in ("", "   ", False):
            with self.subTest(name=name):
                with self.refused(ValidationError, "A grade needs a name"):
                    self.grade.write({"name": name})
        self.assertUnchanged()

    def test_numbers_out_of_range(self):
        bad = [
            ("min_sales_amount", -0.01, "between 0 and"),
            ("min_sales_amount", 1e16, "between 0 and"),
            ("min_expected_volume", -1, "between 0 and"),
            ("min_order_count", -1, "between 0 and"),
            ("min_order_count", 2**31, "Minimum 12-Month Orders of a grade must be between 0 and"),
            ("min_order_count", "-5", "between 0 and"),
            ("min_sales_amount", "NaN", "between 0 and"),
            ("visit_interval_days", -1, "between 0 and"),
            ("visit_interval_days", 100000, "between 0 and"),
            ("sequence", 2**40, "between"),
            ("color", 99, "between 0 and 11"),
            ("min_sales_amount", float("nan"), "not a finite number"),
            ("min_expected_volume", float("inf"), "not a finite number"),
            ("min_sales_amount", float("-inf"), "not a finite number"),
        ]
        for name, value, message in bad:
            with self.subTest(field=name, value=value):
                with self.refused(ValidationError, message):
                    self.Grade.create({"name": "Bad", "visit_interval_days": 10, name: value})
                with self.refused(ValidationError, message):
                    self.grade.write({name: value})
        self.assertUnchanged()

    def test_regular_visits_need_an_interval(self):
        message = "has regular visits: give its visit interval"
        with self.refused(ValidationError, message):
            self.Grade.create({"name": "No interval"})
        with self.refused(ValidationError, message):
            self.Grade.create({"name": "Zero", "regular_visits": True, "visit_interval_days": 0})
        with self.refused(ValidationError, message):
            self.grade.write({"visit_interval_days": 0})
        # the customers of FC are not visited: switching visits on needs an interval
        with self.refused(ValidationError, message):
            self.formal_c.with_user(self.Grade.env.user).write({"regular_visits": True})
        self.assertFalse(self.formal_c.regular_visits)
        self.assertUnchanged()

    def test_no_regular_visits_is_explicit(self):
        customer = self._customer("Visited customer")
        self._confirmed_order(customer, 1500, NOW)
        customer.with_user(self.salesperson).customer_last_visit_date = NOW.date()
        self.assertEqual(customer.customer_grade_id, self.formal_b)
        self.assertEqual(customer.customer_next_visit_date, date(2026, 8, 14))
        self.grade.write({"regular_visits": False})
        self.assertFalse(customer.customer_next_visit_date)
        with freeze_time(NOW + timedelta(days=365)):
            self.assertNotIn(customer, self.env["res.partner"]._get_customers_due_for_visit())
        # the interval is kept for when visits are switched on again
        self.grade.write({"regular_visits": True})
        self.assertEqual(customer.customer_next_visit_date, date(2026, 8, 14))


@tagged("post_install", "-at_install")
class TestGradingWorkflowFields(RefusalMixin, GradingCommon):
    """Stage, grade and lock move only through the grading and the lock actions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a Department Head who may edit contacts (Contact Creation)
        cls.head = cls.role_users["department_head"]
        cls.head.group_ids = [Command.link(cls.env.ref("base.group_partner_manager").id)]
        cls.customer._recompute_customer_grading()

    def setUp(self):
        super().setUp()
        self.before = self.customer.read(
            [
                "customer_stage",
                "customer_grade_id",
                "customer_grade_locked",
                "customer_grade_lock_reason",
                "customer_next_visit_date",
                "customer_visit_priority",
            ]
        )
        self.history = self.customer.customer_grade_history_ids
        self.assertEqual(self.customer.customer_grade_id, self.prospect_c)

    def assertUnchanged(self):
        self.assertEqual(self.customer.read(list(self.before[0])), self.before)
        self.assertEqual(self.customer.customer_grade_history_ids, self.history)

    def test_plain_write_refused_to_every_role(self):
        values = {
            "customer_stage": "formal",
            "customer_grade_id": self.prospect_a.id,
            "customer_grade_locked": True,
            "customer_grade_lock_reason": "Because",
            "customer_next_visit_date": "2030-01-01",
            "customer_visit_priority": -5,
        }
        for key, user in self.role_users.items():
            for name, value in values.items():
                with self.subTest(role=key, field=name):
                    with self.refused(AccessError, GRADING_FIELDS_MSG):
                        self.customer.with_user(user).write({name: value})
        # nor with what a client may put in the context
        for context in (
            {"sdr_grading_engine": True},
            {"sdr_grading_engine": "object"},
            {"mail_notrack": True, "tracking_disable": True},
        ):
            with self.subTest(context=context):
                with self.refused(AccessError, GRADING_FIELDS_MSG):
                    self.customer.with_user(self.head).with_context(**context).write(values)
        # nor a bad value of one
        with self.refused(AccessError, GRADING_FIELDS_MSG):
            self.customer.with_user(self.head).write({"customer_stage": "bogus"})
        self.assertUnchanged()

    def test_writing_back_the_same_values_is_no_change(self):
        # as the contact merge does with every field
        values = {
            name: value[0] if isinstance(value, tuple) else value
            for name, value in self.before[0].items()
            if name != "id"
        }
        self.customer.with_user(self.head).write(values)
        self.assertUnchanged()

    def test_create_with_a_grade_refused(self):
        Partner = self.env["res.partner"].with_user(self.head)
        for vals in (
            {"customer_grade_id": self.prospect_a.id},
            {"customer_stage": "formal"},
            {"customer_grade_locked": True, "customer_grade_lock_reason": "x"},
            {"customer_next_visit_date": "2030-01-01"},
            {"customer_visit_priority": 0},
        ):
            with self.subTest(vals=vals):
                with self.refused(AccessError, GRADING_FIELDS_MSG):
                    Partner.create({"name": "Graded by hand", "customer_rank": 1, **vals})
        with self.refused(AccessError, GRADING_FIELDS_MSG):
            Partner.with_context(default_customer_grade_id=self.prospect_a.id).create(
                {"name": "Graded by hand", "customer_rank": 1}
            )
        # a default of the user's own
        self.env["ir.default"].with_user(self.head).set(
            "res.partner", "customer_grade_id", self.prospect_a.id, user_id=True
        )
        with self.refused(AccessError, GRADING_FIELDS_MSG):
            Partner.create({"name": "Graded by hand", "customer_rank": 1})
        self.assertFalse(Partner.search([("name", "=", "Graded by hand")]))
        # empty values, as an import of empty columns sends them, are no grade
        partner = Partner.create(
            {"name": "Not graded", "customer_stage": False, "customer_grade_id": None}
        )
        self.assertFalse(partner.customer_grade_id)
        self.assertFalse(partner.customer_stage)

    def test_salesperson_still_records_visits_and_interest(self):
        self.customer.with_user(self.salesperson).write(
            {"customer_interest_level": "high", "customer_last_visit_date": "2026-01-01"}
        )
        self.assertEqual(self.customer.customer_interest_level, "high")
        # recording interest regrades the prospect at once, through the grading
        self.assertEqual(self.customer.customer_grade_id, self.prospect_b)

    def _lock(self, grade, reason="Strategic", user=None):
        wizard = (
            self.env["sale.customer.grade.lock"]
            .with_user(user or self.head)
            .create({"partner_id": self.customer.id, "grade_id": grade.id, "reason": reason})
        )
        return wizard.action_lock()

    def test_lock_wizard_checks_the_grade(self):
        with self.refused(UserError, "cannot be given to Grading Customer Co."):
            self._lock(self.formal_a)  # a prospect: the prospects' scale
        self.prospect_b.active = False
        with self.refused(UserError, "choose an active grade"):
            self._lock(self.prospect_b)
        other = self.env["res.company"].create({"name": "Other Grading Co."})
        other_grade = self.env["sale.customer.grade"].create(
            {
                "name": "OP",
                "customer_stage": "potential",
                "company_id": other.id,
                "regular_visits": False,
            }
        )
        self.head.company_ids = [Command.link(other.id)]
        with self.refused(
            UserError, re.escape(f"choose an active grade of {self.company.name} for Prospects")
        ):
            self._lock(other_grade)
        for reason in ("", "   ", "\n"):
            with self.subTest(reason=reason):
                with self.refused(UserError, "Give the reason"):
                    self._lock(self.prospect_a, reason)
        self.assertUnchanged()

    def test_lock_wizard_offers_the_grades_of_the_scale(self):
        wizard = (
            self.env["sale.customer.grade.lock"]
            .with_user(self.head)
            .new({"partner_id": self.customer.id})
        )
        self.assertEqual(wizard.grade_scale, "potential")
        self.assertEqual(wizard.company_id, self.company)
        self._lock(self.prospect_a)
        self.assertRecordValues(
            self.customer,
            [{"customer_grade_id": self.prospect_a.id, "customer_grade_locked": True}],
        )
        lock = self.customer.customer_grade_history_ids - self.history
        self.assertRecordValues(lock, [{"change_type": "lock", "user_id": self.head.id}])

    def test_lock_of_a_contact_locks_its_company(self):
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        self.env["sale.customer.grade.lock"].with_user(self.head).create(
            {"partner_id": contact.id, "grade_id": self.prospect_a.id, "reason": "Key"}
        ).action_lock()
        self.assertEqual(self.customer.customer_grade_id, self.prospect_a)
        self.assertFalse(contact.customer_grade_locked)


@tagged("post_install", "-at_install")
class TestCustomerValues(RefusalMixin, GradingCommon):
    """What a salesperson (and anyone) may record on a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact_manager = new_test_user(
            cls.env,
            login="sdr_contacts",
            groups="base.group_user,base.group_partner_manager",
            lang="en_US",
        )

    def setUp(self):
        super().setUp()
        self.customer.write({"customer_expected_volume": 500, "customer_interest_level": "low"})
        self.own = self.customer.with_user(self.salesperson)

    def assertUnchanged(self):
        self.assertRecordValues(
            self.customer,
            [
                {
                    "customer_expected_volume": 500,
                    "customer_interest_level": "low",
                    "customer_last_visit_date": False,
                    "customer_next_visit_date": False,
                }
            ],
        )

    def test_not_a_dictionary(self):
        for user in (self.salesperson, self.role_users["department_head"]):
            for vals in ("abc", None, 7, ["customer_interest_level"]):
                with self.subTest(user=user.login, vals=vals):
                    with self.refused(UserError, "expected a dictionary"):
                        self.customer.with_user(user).write(vals)
            with self.refused(UserError, "expected a dictionary"):
                self.env["res.partner"].with_user(user).create("abc")
        self.assertUnchanged()

    def test_expected_volume_out_of_range(self):
        for value, message in (
            (-1, "between 0 and"),
            (-0.01, "between 0 and"),
            (1e18, "between 0 and"),
            (float("nan"), "not a finite number"),
            (float("inf"), "not a finite number"),
        ):
            with self.subTest(value=value):
                with self.refused(ValidationError, message):
                    self.own.write({"customer_expected_volume": value})
        with self.refused(ValidationError, "between 0 and"):
            self.env["res.partner"].with_user(self.contact_manager).create(
                {"name": "Negative", "customer_expected_volume": -5}
            )
        self.assertUnchanged()

    @freeze_time(NOW)
    def test_last_visit_in_the_future(self):
        self._confirmed_order(self.customer, 1500, NOW)
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)
        for value in ("9999-12-31", date(9999, 12, 31), "2026-06-16", "2100-01-01"):
            with self.subTest(value=value):
                with self.refused(ValidationError, "cannot be in the future"):
                    self.own.write({"customer_last_visit_date": value})
        self.assertUnchanged()
        # today, and the past, are fine
        self.own.write({"customer_last_visit_date": "2026-06-15"})
        self.assertEqual(self.customer.customer_next_visit_date, date(2026, 8, 14))
        self.own.write({"customer_last_visit_date": "0001-01-01"})
        self.assertEqual(self.customer.customer_next_visit_date, date(1, 3, 2))
