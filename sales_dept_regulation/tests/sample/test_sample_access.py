# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .sample_common import SampleCommon

MONEY = ["mould_cost", "sample_fee", "fee_amount", "charged_amount", "budget_id", "fee_order_id"]


@tagged("post_install", "-at_install")
class TestSampleAccess(SampleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls._customer("Formal C", "formal", cls._grade("formal_c"))
        # allowed to export: still no money in the export
        cls.rd_user = new_test_user(
            cls.env,
            login="sdr_rd_export",
            groups=f"{MODULE}.group_role_rd_engineer,base.group_allow_export",
        )
        cls.other_salesperson = new_test_user(
            cls.env, login="sdr_sales_2", groups=f"{MODULE}.group_role_salesperson"
        )

    def _submitted(self):
        request = self._request(self.partner, mould_needed=False, sample_fee=1000)
        request.with_user(self.salesperson).action_submit()
        return request

    def test_rd_sees_submitted_requests_without_money(self):
        draft = self._request(self.partner)
        submitted = self._submitted()
        Request = self.Request.with_user(self.rd_user)
        self.assertEqual(Request.search([("id", "in", (draft | submitted).ids)]), submitted)
        with self.assertRaises(AccessError):
            draft.with_user(self.rd_user).read(["name"])
        self.assertEqual(
            submitted.with_user(self.rd_user).read(["shape_dimensions"])[0]["shape_dimensions"],
            "Round, 50 x 120 mm",
        )
        for field in MONEY:
            aggregate = "count_distinct" if field.endswith("_id") else "sum"
            with self.subTest(field=field):
                with self.assertRaises(AccessError):
                    submitted.with_user(self.rd_user).read([field])
                with self.assertRaises(AccessError):
                    Request.formatted_read_group([], ["state"], [f"{field}:{aggregate}"])
                with self.assertRaises(AccessError):
                    Request.formatted_read_group([], [field], ["__count"])
                with self.assertRaises(AccessError):
                    submitted.with_user(self.rd_user).export_data([field])
                with self.assertRaises(AccessError):
                    Request.search([(field, "!=", False)])
        self.assertFalse(set(MONEY) & set(Request.fields_get()))
        arch = str(Request.get_view(view_type="form")["arch"])
        self.assertNotIn("charged_amount", arch)
        self.assertNotIn("mould_cost", arch)
        self.assertIn("shape_dimensions", arch)
        # the statistics carry no money: R&D reads them
        [(count,)] = Request._read_group([("id", "in", (draft | submitted).ids)], [], ["__count"])
        self.assertEqual(count, 1)
        # R&D neither creates nor submits; salespeople do not accept
        with self.assertRaises(AccessError):
            self._request(self.partner, user=self.rd_user)
        with self.assertRaises(AccessError):
            draft.with_user(self.rd_user).action_submit()
        with self.assertRaises(AccessError):
            submitted.with_user(self.salesperson).action_accept()
        self.assertEqual(submitted.state, "submitted")
        submitted.with_user(self.rd_user).action_accept()
        self.assertEqual(submitted.state, "accepted")

    def test_salespeople_see_their_own(self):
        mine = self._submitted()
        Other = self.Request.with_user(self.other_salesperson)
        self.assertFalse(Other.search([("id", "=", mine.id)]))
        with self.assertRaises(AccessError):
            mine.with_user(self.other_salesperson).read(["name"])
        with self.assertRaises(AccessError):
            mine.with_user(self.other_salesperson).action_cancel("Not mine")
        self.assertEqual(mine.state, "submitted")
        # the telemarketer, for a customer they handle
        telemarketer = self.role_users["telemarketer"]
        handled = self._customer(
            "Phoned customer", "potential", self._grade("potential_c"), telemarketer
        )
        theirs = self._request(handled)
        Tele = self.Request.with_user(telemarketer)
        self.assertEqual(Tele.search([("id", "in", (mine | theirs).ids)]), theirs)
        # the record rules hold on the request as written
        draft = self._request(self.env["res.partner"].create({"name": "Unassigned"}))
        with self.assertRaises(AccessError):
            draft.with_user(self.salesperson).write({"user_id": self.other_salesperson.id})
        self.assertEqual(draft.user_id, self.salesperson)

    def test_managers_see_the_department(self):
        request = self._submitted()
        for role in ("department_head", "general_manager"):
            with self.subTest(role=role):
                user = self.role_users[role]
                found = self.Request.with_user(user).search([("id", "=", request.id)])
                self.assertEqual(found, request)
                self.assertEqual(found.charged_amount, 500.0)

    def test_rules_and_budgets_by_the_regulation_administrator(self):
        admin = self.role_users["regulation_admin"]
        category = self.env["product.category"].create({"name": "Bottles"})
        rule = (
            self.env["sale.mould.fee.rule"]
            .with_user(admin)
            .create(
                {
                    "customer_stage": "formal",
                    "grade_id": self._grade("formal_c").id,
                    "product_categ_id": category.id,
                    "policy": "waive",
                }
            )
        )
        budget = self.Budget.with_user(admin).create(
            {"period_type": "year", "date_from": "2030-01-01", "amount": 5000}
        )
        for user in (self.salesperson, self.head, self.rd_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    rule.with_user(user).write({"policy": "charge"})
                with self.assertRaises(AccessError):
                    budget.with_user(user).write({"amount": 1})
        self.assertEqual(rule.policy, "waive")
        self.assertEqual(budget.amount, 5000)
        with self.assertRaises(AccessError):
            budget.with_user(self.rd_user).read(["amount"])
        # the category's own rule takes precedence over the grade's
        self.product.categ_id = category
        request = self._submitted()
        self.assertEqual(request.sudo().fee_rule_id, rule)
        self.assertEqual(request.sudo().charged_amount, 0.0)

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        foreign_salesperson = new_test_user(
            self.env,
            login="sdr_sales_other_co",
            groups=f"{MODULE}.group_role_salesperson",
            company_id=other.id,
            company_ids=[other.id],
        )
        foreign = self.Request.with_company(other).create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Foreign"}).id,
                "product_description": "Cap",
                "company_id": other.id,
                "user_id": foreign_salesperson.id,
            }
        )
        self.assertEqual(foreign.company_id, other)
        self.assertFalse(self.Request.with_user(self.salesperson).search([("id", "=", foreign.id)]))
        self.assertFalse(self.Request.with_user(self.head).search([("id", "=", foreign.id)]))
