# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from ..hooks import post_init_hook
from .common import ROLE_XMLIDS, RegulationCommon


class TestCompanySetup(RegulationCommon):
    """A company created after the install gets the shipped configuration of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Grade = cls.env["sale.customer.grade"]
        cls.FeeRule = cls.env["sale.mould.fee.rule"]
        cls.main = cls.env.ref("base.main_company")
        cls.main_grades = cls.Grade.search([("company_id", "=", cls.main.id)])
        cls.main_rules = cls.FeeRule.search([("company_id", "=", cls.main.id)])
        cls.cny = cls.env.ref("base.CNY")
        cls.cny.active = True
        cls.company = cls.env["res.company"].create(
            {"name": "苏州测试医疗器械有限公司", "currency_id": cls.cny.id}
        )
        cls.users = {
            key: new_test_user(
                cls.env,
                login=f"sdr_cn_{key}",
                groups=ROLE_XMLIDS[key],
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for key in ("general_manager", "sales_clerk", "regulation_admin")
        }

    def _grade(self, stage, name):
        return self.Grade.search(
            [
                ("company_id", "=", self.company.id),
                ("customer_stage", "=", stage),
                ("name", "=", name),
            ]
        )

    def test_shipped_configuration_copied(self):
        shipped = self.env.ref("sales_dept_regulation.sale_customer_grade_formal_c")
        own = self._grade("formal", "C")
        self.assertEqual(len(own), 1)
        self.assertNotEqual(own, shipped)
        self.assertEqual(
            (own.sequence, own.min_sales_amount, own.min_order_count, own.visit_interval_days),
            (3, 50000, 2, 90),
        )
        grades = self.Grade.search([("company_id", "=", self.company.id)])
        self.assertEqual(len(grades), 8)
        rules = self.FeeRule.search([("company_id", "=", self.company.id)])
        self.assertEqual(len(rules), 9)
        self.assertEqual(rules.grade_id, grades)
        # the companies that were there keep exactly what they had
        self.assertEqual(self.Grade.search([("company_id", "=", self.main.id)]), self.main_grades)
        self.assertEqual(self.FeeRule.search([("company_id", "=", self.main.id)]), self.main_rules)

    def _customer(self):
        customer = self.env["res.partner"].create(
            {
                "name": "上海测试客户",
                "is_company": True,
                "customer_rank": 1,
                "company_id": self.company.id,
                "customer_expected_volume": 600000,
                "customer_interest_level": "high",
            }
        )
        # as left by a grading that never ran
        customer._grading_engine().write({"customer_stage": False, "customer_grade_id": False})
        return customer

    def test_visits_of_another_company_are_not_recorded(self):
        customer = self.env["res.partner"].create(
            {"name": "苏州客户", "is_company": True, "company_id": self.company.id}
        )
        head = self.role_users["department_head"]
        self.assertNotIn(self.company, head.company_ids)
        with self.assertRaisesMessage(AccessError, "res\\.partner"):
            customer.with_user(head).write({"customer_interest_level": "high"})
        with self.assertRaisesMessage(AccessError, "res\\.partner"):
            customer.with_user(head).action_log_customer_visit()
        self.assertFalse(customer.customer_interest_level)
        self.assertFalse(customer.customer_last_visit_date)

    def test_install_sets_up_the_companies_that_exist_before_it(self):
        # a company as it is before the install: none of the addon's configuration
        own_rules = self.FeeRule.with_context(active_test=False).search(
            [("company_id", "=", self.company.id)]
        )
        own_grades = self.Grade.with_context(active_test=False).search(
            [("company_id", "=", self.company.id)]
        )
        count = len(own_grades), len(own_rules)
        self.assertTrue(all(count))
        own_rules.unlink()
        own_grades.unlink()
        post_init_hook(self.env)
        self.assertEqual(
            (
                self.Grade.search_count([("company_id", "=", self.company.id)]),
                self.FeeRule.search_count([("company_id", "=", self.company.id)]),
            ),
            count,
        )
        # the companies set up already keep theirs, not a second copy
        self.assertEqual(self.Grade.search([("company_id", "=", self.main.id)]), self.main_grades)
        self.assertEqual(self.FeeRule.search([("company_id", "=", self.main.id)]), self.main_rules)

    def test_grading_in_the_new_company(self):
        customer = self._customer()
        customer._recompute_customer_grading()
        self.assertEqual(customer.customer_stage, "potential")
        self.assertEqual(customer.customer_grade_id, self._grade("potential", "A"))

    def test_regrade_button_keeps_to_the_own_companies(self):
        customer = self._customer()
        Partner = self.env["res.partner"]
        # the main company's head regrades the main company's customers only
        Partner.with_user(self.role_users["department_head"]).action_recompute_customer_grades()
        self.assertFalse(customer.customer_stage)
        Partner.with_user(self.users["general_manager"]).action_recompute_customer_grades()
        self.assertEqual(customer.customer_grade_id, self._grade("potential", "A"))

    def test_fee_rule_in_the_new_company(self):
        grade = self._grade("formal", "A")
        rule = self.FeeRule._find_rule(self.company, "formal", grade, self.env["product.category"])
        self.assertEqual(rule.company_id, self.company)
        self.assertEqual(rule.grade_id, grade)
        self.assertEqual(rule.policy, "waive")

    def test_fine_in_the_new_company(self):
        employee = self.env["hr.employee"].create(
            {"name": "测试员工", "company_id": self.company.id}
        )
        fine = (
            self.env["sale.conduct.fine"]
            .with_user(self.users["general_manager"])
            .create(
                {
                    "employee_id": employee.id,
                    "rule_id": self.env.ref("sales_dept_regulation.conduct_rule_late").id,
                    "minutes_late": 15,
                }
            )
        )
        self.assertEqual(fine.company_id, self.company)
        self.assertEqual(fine.amount, 50)
        self.assertEqual(fine.currency_id, self.cny)

    def test_archive_in_the_new_company(self):
        category = self.env.ref("sales_dept_regulation.archive_category_sales_contract")
        document = (
            self.env["sale.archive.document"]
            .with_user(self.users["sales_clerk"])
            .create({"title": "合同", "category_id": category.id})
        )
        self.assertEqual(document.company_id, self.company)
        self.assertTrue(document.name.startswith("HT/"))

    def test_a_user_sees_only_the_own_configuration(self):
        admin = self.users["regulation_admin"]
        self.assertEqual(
            self.Grade.with_user(admin).search([]),
            self.Grade.search([("company_id", "=", self.company.id)]),
        )
        self.assertEqual(
            self.FeeRule.with_user(admin).search([]).company_id,
            self.company,
        )
        main_admin = self.role_users["regulation_admin"]
        self.assertFalse(
            self.Grade.with_user(main_admin).search([("company_id", "=", self.company.id)])
        )
        own_grade = self._grade("formal", "A")
        with self.assertRaises(AccessError):
            own_grade.with_user(main_admin).write({"min_sales_amount": 1})
        with self.assertRaises(AccessError):
            self.main_grades[:1].with_user(admin).write({"min_sales_amount": 1})
        self.assertEqual(own_grade.min_sales_amount, 1000000)
