# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .plan_common import YEAR, PlanCommon


@tagged("post_install", "-at_install")
class TestPlanAccess(PlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._plan()
        cls.plan.with_user(cls.head).action_submit()
        cls.plan.with_user(cls.gm).validate_tier()
        export = cls.env.ref("base.group_allow_export")
        for key in ("department_head", "deputy_general_manager", "general_manager"):
            cls.role_users[key].group_ids += export
        cls.exporter = new_test_user(
            cls.env,
            login="sdr_plan_export",
            groups=f"{MODULE}.group_role_salesperson,base.group_allow_export",
        )

    def test_salesperson_reads_her_own_lines_and_achievement_only(self):
        for model in ("sale.plan.line", "sale.plan.achievement"):
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.salesperson)
                found = Model.search([("year", "=", YEAR)])
                self.assertTrue(found)
                self.assertEqual(found.user_id, self.salesperson)
                groups = Model._read_group([("year", "=", YEAR)], ["user_id"], ["__count"])
                self.assertEqual([user for user, _count in groups], [self.salesperson])
                formatted = Model.formatted_read_group([], ["user_id"], ["__count"])
                self.assertEqual(
                    {row["user_id"][0] for row in formatted if row["user_id"]},
                    {self.salesperson.id},
                )
        others = self.plan.line_ids.filtered(lambda line: line.user_id != self.salesperson)
        with self.assertRaises(AccessError):
            others.with_user(self.salesperson).read(["amount"])
        with self.assertRaises(AccessError):
            others.with_user(self.exporter).export_data(["amount"])
        # an export finds only her own lines (here: none)
        Line = self.Line.with_user(self.exporter)
        self.assertFalse(Line.search([]).export_data(["user_id", "amount"])["datas"])
        # the plan itself (the department's totals) is the managers'
        with self.assertRaises(AccessError):
            self.plan.with_user(self.salesperson).read(["amount_total"])

    def test_salesperson_writes_nothing(self):
        line = self.plan.line_ids.filtered(lambda line: line.user_id == self.salesperson)[:1]
        with self.assertRaises(AccessError):
            line.with_user(self.salesperson).write({"amount": 1.0})
        with self.assertRaises(AccessError):
            self.Line.with_user(self.salesperson).create(
                {"plan_id": self.plan.id, "user_id": self.salesperson.id, "month": date(YEAR, 1, 1)}
            )
        with self.assertRaises(AccessError):
            self.Plan.with_user(self.salesperson).create({"year": YEAR + 1})

    def test_department_reads_all(self):
        for key in ("department_head", "deputy_general_manager", "general_manager"):
            user = self.role_users[key]
            with self.subTest(role=key):
                lines = self.Line.with_user(user).search([("plan_id", "=", self.plan.id)])
                self.assertEqual(len(lines), 24)
                groups = (
                    self.env["sale.plan.achievement"]
                    .with_user(user)
                    ._read_group([("year", "=", YEAR)], ["user_id"], ["plan_amount:sum"])
                )
                self.assertEqual(
                    dict(groups), {self.salesperson: 12000.0, self.other_salesperson: 24000.0}
                )
                exported = self.plan.with_user(user).export_data(["name", "amount_total"])
                self.assertEqual(exported["datas"][0][1], 36000.0)

    def test_only_the_department_head_prepares(self):
        for key in ("general_manager", "deputy_general_manager", "regulation_admin"):
            with self.subTest(role=key), self.assertRaises(AccessError):
                self.Plan.with_user(self.role_users[key]).create({"year": YEAR + 2})
        plan = self.Plan.with_user(self.head).create({"year": YEAR + 2})
        with self.assertRaises(AccessError):
            plan.with_user(self.gm).write({"note": "GM edits"})

    def test_other_company_invisible(self):
        company = self.env["res.company"].create({"name": "Other Plan Co"})
        other = self.Plan.sudo().create({"year": YEAR, "company_id": company.id})
        self.assertFalse(self.Plan.with_user(self.gm).search([("id", "=", other.id)]))
