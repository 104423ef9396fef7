# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestConductAccess(ConductCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller_fine = cls.confirmed_cls(cls.rule_speaker, cls.sales_employee)
        cls.caller_fine = cls.confirmed_cls(cls.rule_speaker, cls.tele_employee)
        # a manager's own fine is confirmed by another manager
        cls.head_fine = cls.confirmed_cls(cls.rule_speaker, cls.head_employee, cls.gm)
        cls.other_fine = cls.env["sale.conduct.fine"].create(
            {"employee_id": cls.other_employee.id, "rule_id": cls.rule_speaker.id}
        )
        cls.sales_fines = cls.seller_fine | cls.caller_fine | cls.head_fine
        cls.all_fines = cls.sales_fines | cls.other_fine

    @classmethod
    def confirmed_cls(cls, rule, employee, user=None):
        fine = (
            cls.env["sale.conduct.fine"]
            .with_user(user or cls.role_users["department_head"])
            .create({"employee_id": employee.id, "rule_id": rule.id})
        )
        fine.action_confirm()
        return fine.with_user(cls.env.user)

    def _visible(self, user):
        Fine = self.env["sale.conduct.fine"].with_user(user)
        domain = [("id", "in", self.all_fines.ids)]
        found = Fine.search(domain)
        grouped = Fine.formatted_read_group(domain, ["employee_id"], ["__count"])
        private_grouped = Fine._read_group(domain, ["employee_id"], ["__count"])
        exported = Fine.search(domain).export_data(["name", "employee_id/id"])["datas"]
        self.assertEqual(sum(group["__count"] for group in grouped), len(found), "read_group")
        self.assertEqual(sum(count for _emp, count in private_grouped), len(found))
        self.assertEqual(sorted(row[0] for row in exported), sorted(found.mapped("name")))
        return found.with_user(self.env.user)

    def test_employee_sees_only_own_fines(self):
        seller = self.role_users["salesperson"]
        self.assertEqual(self._visible(seller), self.seller_fine)
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.fine"):
            self.caller_fine.with_user(seller).read(["amount"])
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.fine"):
            self.seller_fine.with_user(seller).write({"description": "not me"})
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.fine"):
            self.env["sale.conduct.fine"].with_user(seller).create(
                {"employee_id": self.sales_employee.id, "rule_id": self.rule_speaker.id}
            )
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.fine"):
            self.seller_fine.with_user(seller).unlink()
        # every other employee role sees only their own too
        self.assertEqual(self._visible(self.role_users["telemarketer"]), self.caller_fine)
        self.assertFalse(self._visible(self.role_users["sales_clerk"]))
        self.assertFalse(self._visible(self.role_users["regulation_admin"]))

    def test_department_head_sees_and_records_own_department(self):
        self.assertEqual(self._visible(self.head), self.sales_fines)
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.fine"):
            self.other_fine.with_user(self.head).read(["amount"])
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.fine"):
            self.env["sale.conduct.fine"].with_user(self.head).create(
                {"employee_id": self.other_employee.id, "rule_id": self.rule_speaker.id}
            )
        fine = self.fine(self.rule_speaker, self.tele_employee)
        fine.with_user(self.head).write({"description": "Loud call"})

    def test_a_manager_does_not_settle_the_own_fine(self):
        fine = self.fine(self.rule_speaker, self.head_employee, user=self.gm)
        with self.assertRaisesMessage(UserError, "another manager"):
            fine.with_user(self.head).action_confirm()
        self.assertEqual(fine.state, "draft")
        fine.with_user(self.gm).action_confirm()
        for action, args in (("action_mark_paid", ()), ("action_cancel", ("Mine",))):
            with self.assertRaisesMessage(UserError, "another manager"):
                getattr(fine.with_user(self.head), action)(*args)
        self.assertEqual(fine.state, "confirmed")
        fine.with_user(self.gm).action_mark_paid()
        self.assertEqual(fine.state, "paid")

    def test_general_managers_see_all(self):
        self.assertEqual(self._visible(self.gm), self.all_fines)
        deputy = self.role_users["deputy_general_manager"]
        self.assertEqual(self._visible(deputy), self.all_fines)

    def test_regulation_admin_edits_the_rule_book(self):
        admin = self.role_users["regulation_admin"]
        self.rule_speaker.with_user(admin).amount = 25
        self.env["sale.conduct.rule"].with_user(admin).create(
            {"code": "X1", "name": "Eating at the desk", "amount": 10}
        )
        for key in ("salesperson", "department_head", "general_manager"):
            user = self.role_users[key]
            with self.subTest(role=key):
                self.assertTrue(self.rule_speaker.with_user(user).read(["amount"]))
                with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.rule"):
                    self.rule_speaker.with_user(user).write({"amount": 1})
                with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.rule\\.band"):
                    self.rule_late.band_ids[0].with_user(user).write({"amount": 1})

    def test_multi_company_isolation(self):
        company_b = self.env["res.company"].create({"name": "Branch B"})
        employee_b = self.env["hr.employee"].create(
            {"name": "B employee", "company_id": company_b.id}
        )
        fine_b = (
            self.env["sale.conduct.fine"]
            .with_company(company_b)
            .create(
                {
                    "employee_id": employee_b.id,
                    "rule_id": self.rule_speaker.id,
                    "company_id": company_b.id,
                }
            )
        )
        Fine = self.env["sale.conduct.fine"].with_user(self.gm)
        self.assertNotIn(fine_b, Fine.search([]))
        with self.assertRaisesMessage(AccessError, "unauthorized or invalid companies"):
            fine_b.with_user(self.gm).read(["amount"])
        rule_b = self.env["sale.conduct.rule"].create(
            {"code": "B1", "name": "Branch rule", "company_id": company_b.id}
        )
        self.assertNotIn(rule_b, self.env["sale.conduct.rule"].with_user(self.gm).search([]))
