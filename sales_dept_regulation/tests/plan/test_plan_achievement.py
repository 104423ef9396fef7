# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo import Command, fields
from odoo.tests import tagged

from .plan_common import YEAR, PlanCommon


@tagged("post_install", "-at_install")
class TestPlanAchievement(PlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "苏州测试客户", "is_company": True})
        cls.product = cls.env["product.product"].create(
            {"name": "测试耗材", "type": "service", "list_price": 100.0, "taxes_id": False}
        )

    def _order(self, user, when, amount):
        """A confirmed order of ``user`` dated ``when`` (UTC)."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": user.id,
                "team_id": self.team.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 1, "price_unit": amount}
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = when
        return order

    def _invoice(self, user, invoice_date, amount, move_type="out_invoice"):
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": self.customer.id,
                "invoice_user_id": user.id,
                "team_id": self.team.id,
                "invoice_date": invoice_date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _row(self, user, month):
        rows = self.Achievement._plan_achievement(
            [("user_id", "=", user.id), ("month", "=", month)], ["user_id"]
        )
        return rows[0] if rows else {}

    def test_month_boundary_in_the_salesperson_time_zone(self):
        self._approve(self._plan())
        # 17:00 UTC on 31 January is 01:00 on 1 February in Shanghai
        self._order(self.salesperson, datetime(YEAR, 1, 31, 17, 0), 500.0)
        # 15:59 UTC on 31 January is still January there
        self._order(self.salesperson, datetime(YEAR, 1, 31, 15, 59), 70.0)
        january = self._row(self.salesperson, date(YEAR, 1, 1))
        february = self._row(self.salesperson, date(YEAR, 2, 1))
        self.assertEqual((january["plan"], january["ordered"]), (1000.0, 70.0))
        self.assertEqual((february["plan"], february["ordered"]), (1000.0, 500.0))
        # a salesperson in another zone counts in hers
        self.other_salesperson.tz = "Europe/London"
        self._order(self.other_salesperson, datetime(YEAR, 1, 31, 17, 0), 30.0)
        self.assertEqual(self._row(self.other_salesperson, date(YEAR, 1, 1))["ordered"], 30.0)

    def test_quarter_year_region_and_department(self):
        self._approve(self._plan())
        self._order(self.salesperson, datetime(YEAR, 4, 10, 3, 0), 400.0)
        self._order(self.other_salesperson, datetime(YEAR, 5, 10, 3, 0), 600.0)
        # a quotation and a cancelled order count for nothing
        self.env["sale.order"].create(
            {"partner_id": self.customer.id, "user_id": self.salesperson.id}
        )
        Achievement = self.Achievement
        by_quarter = {
            row["quarter"]: row
            for row in Achievement._plan_achievement(
                [("year", "=", YEAR), ("team_id", "=", self.team.id)], ["quarter"]
            )
        }
        self.assertEqual(by_quarter["2"]["plan"], 9000.0)
        self.assertEqual(by_quarter["2"]["ordered"], 1000.0)
        department = Achievement._plan_achievement([("year", "=", YEAR)], ["company_id"])
        self.assertEqual((department[0]["plan"], department[0]["ordered"]), (36000.0, 1000.0))
        by_user = {
            row["user_id"]: row
            for row in Achievement._plan_achievement([("year", "=", YEAR)], ["user_id"])
        }
        self.assertEqual(by_user[self.salesperson]["plan"], 12000.0)
        self.assertEqual(by_user[self.other_salesperson]["ordered"], 600.0)
        # a plan that is not approved plans nothing
        self.assertFalse(
            Achievement.search_count([("year", "=", YEAR + 1), ("plan_amount", "!=", 0)])
        )

    def test_invoiced_and_paid_beside(self):
        self._approve(self._plan())
        invoice = self._invoice(self.salesperson, date(YEAR, 3, 5), 800.0)
        self._invoice(self.salesperson, date(YEAR, 3, 20), 100.0, move_type="out_refund")
        # half of the invoice is paid
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(
            {"amount": 400.0, "payment_date": fields.Date.to_date(f"{YEAR}-04-02")}
        )._create_payments()
        march = self._row(self.salesperson, date(YEAR, 3, 1))
        self.assertEqual(march["invoiced"], 700.0)
        self.assertEqual(march["paid"], 400.0)
        self.assertEqual(march["plan"], 1000.0)

    def test_tile_my_plan_this_month(self):
        today = fields.Date.context_today(self.Plan)
        year = today.year
        plan = self.Plan.search(
            [("company_id", "=", self.env.company.id), ("year", "=", year)]
        ) or self._approve(self._plan(year=year))
        self.assertEqual(plan.state, "approved")
        tile = self.env.ref("sales_dept_regulation.dashboard_tile_my_plan_this_month")
        self.assertEqual(tile.with_user(self.salesperson).count, 1)
        action = tile.with_user(self.salesperson).action_open()
        rows = self.Achievement.with_user(self.salesperson).search(action["domain"])
        self.assertEqual(rows.user_id, self.salesperson)
        self.assertEqual(rows.month, today.replace(day=1))
        self.assertEqual(rows.plan_amount, 1000.0)
        self.assertEqual(rows.completion, 0.0)
