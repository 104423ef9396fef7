# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .plan_common import PlanCommon

# a past year: the review of a week to come stops at today
YEAR = 2025


@tagged("post_install", "-at_install")
class TestPlanWeeklyReview(PlanCommon):
    def _order(self, moment, amount):
        customer = self.env["res.partner"].create({"name": "周报客户"})
        product = self.env["product.product"].create({"name": "周报产品", "taxes_id": False})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": self.salesperson.id,
                "order_line": [Command.create({"product_id": product.id, "price_unit": amount})],
            }
        )
        order.action_confirm()
        order.date_order = moment
        return order

    def test_plan_section_of_the_weekly_review(self):
        self._approve(self._plan(year=YEAR))
        # February: 300 confirmed; March: 250 by the week of 9 March (Shanghai),
        # 400 after it
        self._order(datetime(YEAR, 2, 10, 3, 0), 300.0)
        self._order(datetime(YEAR, 3, 3, 3, 0), 250.0)
        self._order(datetime(YEAR, 3, 20, 3, 0), 400.0)
        review = (
            self.env["sale.weekly.review"]
            .with_user(self.head)
            .create({"user_id": self.salesperson.id, "week_date": date(YEAR, 3, 5)})
        )
        section = next(s for s in review._review_sections() if s["key"] == "plan")
        rows = dict(section["rows"])
        self.assertIn("1,000.00", rows["Plan of this month"])
        self.assertIn("250.00", rows["Confirmed this month to date"])
        self.assertEqual(rows["Completion of this month"], "25.0 %")
        self.assertIn("3,000.00", rows["Plan of the year to this month"])
        self.assertIn("550.00", rows["Confirmed this year to date"])
        self.assertEqual(rows["Completion of the year"], "18.3 %")
        self.assertIn("Sales plan", review.review_html)
        # the salesperson reads her own review: the same figures
        own = (
            self.env["sale.weekly.review"]
            .with_user(self.salesperson)
            .create({"user_id": self.salesperson.id, "week_date": date(YEAR, 3, 5)})
        )
        own_rows = dict(next(s for s in own._review_sections() if s["key"] == "plan")["rows"])
        self.assertEqual(own_rows, rows)
