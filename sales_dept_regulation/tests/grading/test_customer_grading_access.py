# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_grading import NOW, GradingCommon

OVERRIDERS = ("department_head", "deputy_general_manager", "general_manager")
OTHERS = ("salesperson", "telemarketer", "sales_clerk", "regulation_admin")


@tagged("post_install", "-at_install")
class TestCustomerGradingAccess(GradingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_customer = cls._customer("Someone else's customer", user_id=False)
        (cls.customer | cls.other_customer)._recompute_customer_grading()

    def test_everyone_reads_grades_only_admin_configures(self):
        for key, user in self.role_users.items():
            with self.subTest(role=key):
                Grade = self.env["sale.customer.grade"].with_user(user)
                self.assertIn(self.formal_a, Grade.search([]))
                if key == "regulation_admin":
                    Grade.create({"name": "New", "visit_interval_days": 30})
                    self.formal_a.with_user(user).visit_interval_days = 20
                else:
                    with self.assertRaisesMessage(AccessError, "sale\\.customer\\.grade"):
                        Grade.create({"name": "New", "visit_interval_days": 30})
                    with self.assertRaisesMessage(AccessError, "sale\\.customer\\.grade"):
                        self.formal_a.with_user(user).visit_interval_days = 20

    def test_only_department_head_and_above_change_grades(self):
        for key in OVERRIDERS:
            with self.subTest(role=key):
                user = self.role_users[key]
                self.customer.with_user(user)._lock_customer_grade(self.prospect_a, key)
                self.assertEqual(self.customer.customer_grade_id, self.prospect_a)
                self.customer.with_user(user).action_unlock_customer_grade()
                self.assertFalse(self.customer.customer_grade_locked)
        for key in OTHERS:
            with self.subTest(role=key):
                customer = self.customer.with_user(self.role_users[key])
                with self.assertRaisesMessage(
                    AccessError, "Only a Department Head or above can lock a grade"
                ):
                    customer._lock_customer_grade(self.prospect_a, "no")
                with self.assertRaisesMessage(AccessError, "set by the grading"):
                    customer.write({"customer_grade_id": self.formal_a.id})
                with self.assertRaisesMessage(AccessError, "set by the grading"):
                    customer.write({"customer_stage": "lost"})
                with self.assertRaisesMessage(AccessError, "sale\\.customer\\.grade\\.lock"):
                    self.env["sale.customer.grade.lock"].with_user(self.role_users[key]).create(
                        {
                            "partner_id": self.customer.id,
                            "grade_id": self.formal_a.id,
                            "reason": "x",
                        }
                    )

    def test_order_figures_of_own_customers_only(self):
        self._confirmed_order(self.customer, 1500, NOW)
        self._confirmed_order(self.other_customer, 2500, NOW)
        own = self.customer.with_user(self.salesperson)
        other = self.other_customer.with_user(self.salesperson)
        self.assertEqual(own.customer_sales_12m, 1500)
        self.assertEqual(other.customer_sales_12m, 0)
        Stats = self.env["sale.customer.order.stats"].with_user(self.salesperson)
        self.assertEqual(Stats.search([]).partner_id, self.customer)
        with self.assertRaisesMessage(AccessError, "sale\\.customer\\.order\\.stats"):
            Stats.search([]).write({"sales_12m": 1})
        for key in OVERRIDERS + ("regulation_admin",):
            with self.subTest(role=key):
                other = self.other_customer.with_user(self.role_users[key])
                self.assertEqual(other.customer_sales_12m, 2500)
        # a user without any sales role reads partners without error, and no figures
        accountant = self.env["res.users"].create(
            {
                "name": "Accountant",
                "login": "sdr_accountant",
                "group_ids": [Command.set(self.env.ref("base.group_user").ids)],
            }
        )
        self.assertEqual(self.customer.with_user(accountant).customer_sales_12m, 0)

    def test_salesperson_records_interest_and_visits_of_own_customer(self):
        customer = self.customer.with_user(self.salesperson)
        customer.write(
            {
                "customer_interest_level": "high",
                "customer_expected_volume": 80000,
                "customer_last_visit_date": NOW.date(),
            }
        )
        self.assertEqual(self.customer.customer_interest_level, "high")
        self.assertEqual(self.customer.customer_last_visit_date, NOW.date())
        with self.assertRaisesMessage(AccessError, "only record visits and interest"):
            self.other_customer.with_user(self.salesperson).write(
                {"customer_interest_level": "high"}
            )
        # she keeps the rest of her own customer's file, not another's
        customer.write({"customer_interest_level": "low", "name": "Renamed"})
        self.assertEqual(self.customer.name, "Renamed")
        with self.assertRaisesMessage(AccessError, "res\\.partner"):
            self.other_customer.with_user(self.salesperson).write({"phone": "+86 21 1234"})
        # the sales clerk keeps no customer file
        with self.assertRaisesMessage(AccessError, "res\\.partner"):
            customer.with_user(self.role_users["sales_clerk"]).write({"phone": "+86 21 1234"})
        # the department sees all customers
        self.other_customer.with_user(self.role_users["department_head"]).write(
            {"customer_interest_level": "low"}
        )
        self.assertEqual(self.other_customer.customer_interest_level, "low")

    def test_salespeople_and_telemarketers_create_their_own_customers(self):
        for key in ("salesperson", "telemarketer"):
            with self.subTest(role=key):
                user = self.role_users[key]
                Partner = self.env["res.partner"].with_user(user)
                # as the quotation's customer field creates one, and as 客户 > 新建 does
                partner_id, _name = Partner.with_context(
                    res_partner_search_mode="customer"
                ).name_create(f"New customer of {key}")
                created = Partner.browse(partner_id)
                self.assertEqual(created.user_id, user)
                self.assertEqual(created.customer_stage, "potential")
                self.assertTrue(created.customer_grade_id)
                created.write({"customer_expected_volume": 1000, "phone": "+86 21 5555"})
                # as the partner form sends it: an empty salesperson
                from_form = Partner.create({"name": f"Form customer of {key}", "user_id": False})
                self.assertEqual(from_form.user_id, user)
                contact = Partner.create({"name": "Buyer", "parent_id": created.id})
                contact.write({"function": "采购"})
                # another salesperson named at creation makes it not hers
                with self.assertRaisesMessage(AccessError, "res\\.partner"):
                    Partner.create(
                        {"name": "Not mine", "user_id": self.role_users["sales_clerk"].id}
                    )
                # nor may she set a grade or a stage while creating
                with self.assertRaisesMessage(AccessError, "set by the grading"):
                    Partner.create({"name": "Graded", "customer_grade_id": self.formal_a.id})
        # the Department Head keeps every customer of the department
        head = self.role_users["department_head"]
        self.other_customer.with_user(head).write({"phone": "+86 21 7777"})
        self.assertEqual(self.other_customer.phone, "+86 21 7777")
        # no role deletes a customer
        with self.assertRaisesMessage(AccessError, "res\\.partner"):
            self.customer.with_user(head).unlink()

    def test_history_own_for_salespeople_all_for_department_and_up(self):
        History = self.env["sale.customer.grade.history"]
        mine = History.search([("partner_id", "=", self.customer.id)])
        theirs = History.search([("partner_id", "=", self.other_customer.id)])
        self.assertTrue(mine and theirs)
        for key in ("salesperson", "telemarketer", "sales_clerk"):
            with self.subTest(role=key):
                visible = History.with_user(self.role_users[key]).search(
                    [("id", "in", (mine | theirs).ids)]
                )
                expected = mine if key == "salesperson" else History
                self.assertEqual(visible, expected)
                with self.assertRaisesMessage(AccessError, "sale\\.customer\\.grade\\.history"):
                    theirs.with_user(self.role_users[key]).read(["reason"])
                with self.assertRaisesMessage(AccessError, "sale\\.customer\\.grade\\.history"):
                    History.with_user(self.role_users[key]).create(
                        {"partner_id": self.customer.id, "company_id": self.company.id}
                    )
        for key in (*OVERRIDERS, "regulation_admin"):
            with self.subTest(role=key):
                visible = History.with_user(self.role_users[key]).search(
                    [("id", "in", (mine | theirs).ids)]
                )
                self.assertEqual(visible, mine | theirs)

    def test_manager_button_refused_to_salespeople(self):
        for key in ("salesperson", "telemarketer", "sales_clerk"):
            with (
                self.subTest(role=key),
                self.assertRaisesMessage(
                    AccessError, "Only a Department Head or above can regrade customers"
                ),
            ):
                self.env["res.partner"].with_user(
                    self.role_users[key]
                ).action_recompute_customer_grades()
