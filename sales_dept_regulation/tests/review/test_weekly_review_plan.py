# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime, timedelta

from odoo import Command, fields
from odoo.tests import tagged

from ..plan.plan_common import YEAR, PlanCommon


@tagged("post_install", "-at_install")
class TestWeeklyReviewPlanFigures(PlanCommon):
    """The review's plan section reads the month's plan lines, orders and
    invoices from their tables rather than from the achievement report: it
    must show what the report shows, to the cent, for whoever reads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "周报测试客户", "is_company": True})
        cls.product = cls.env["product.product"].create(
            {"name": "周报测试耗材", "type": "service", "list_price": 100.0, "taxes_id": False}
        )

    def _order(self, when, amount):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.salesperson.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "price_unit": amount})
                ],
            }
        )
        order.action_confirm()
        order.date_order = when
        return order

    def _invoice(self, invoice_date, amount, move_type="out_invoice"):
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": self.customer.id,
                "invoice_user_id": self.salesperson.id,
                "invoice_date": invoice_date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _plan_rows(self, user, day):
        review = (
            self.env["sale.weekly.review"]
            .with_user(user)
            .create({"user_id": self.salesperson.id, "week_date": day})
        )
        section = next(s for s in review._review_sections() if s["key"] == "plan")
        return review, dict(section["rows"])

    def test_the_plan_section_shows_the_achievement_report(self):
        self._approve(self._plan())
        # Shanghai time: 1 January 00:30 counts in the year, 31 December 23:30
        # of the year before does not, 1 April 01:00 is not March
        self._order(datetime(YEAR - 1, 12, 31, 16, 30), 11.0)
        self._order(datetime(YEAR - 1, 12, 31, 15, 30), 4000.0)
        february = self._order(datetime(YEAR, 2, 10, 3, 0), 300.0)
        self._order(datetime(YEAR, 3, 3, 3, 0), 250.0)
        self._order(datetime(YEAR, 3, 31, 17, 0), 900.0)
        invoice = self._invoice(date(YEAR, 3, 5), 800.0)
        self._invoice(date(YEAR, 3, 20), 100.0, move_type="out_refund")
        self._invoice(date(YEAR, 2, 20), 60.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(
            {"amount": 300.0, "payment_date": fields.Date.to_date(f"{YEAR}-04-02")}
        )._create_payments()
        # the week that ends on March's last Sunday: the month to date is
        # March up to that Sunday, no order of March after it
        sunday = date(YEAR, 3, 31) - timedelta(days=(date(YEAR, 3, 31).weekday() + 1) % 7)
        report = {
            row["month:month"]: row
            for row in self.Achievement.with_user(self.head)._plan_achievement(
                [("user_id", "=", self.salesperson.id), ("year", "=", YEAR)], ["month:month"]
            )
        }
        march = report[date(YEAR, 3, 1)]
        year_to_march = [report[date(YEAR, month, 1)] for month in (1, 2, 3)]
        self.assertEqual((march["invoiced"], march["paid"]), (700.0, 300.0))
        for user in (self.head, self.salesperson):
            review, rows = self._plan_rows(user, sunday)
            expected = {
                "Plan of this month": march["plan"],
                "Confirmed this month to date": march["ordered"],
                "Plan of the year to this month": sum(row["plan"] for row in year_to_march),
                "Confirmed this year to date": sum(row["ordered"] for row in year_to_march),
                "Invoiced this month": march["invoiced"],
                "Paid of this month's invoices": march["paid"],
            }
            self.assertEqual(
                {label: rows[label] for label in expected},
                {label: review._money(amount) for label, amount in expected.items()},
                user.login,
            )
            self.assertIn("561.00", rows["Confirmed this year to date"])
        # an order moved into March counts at once (its write not yet flushed)
        february.date_order = datetime(YEAR, 3, 4, 3, 0)
        review, rows = self._plan_rows(self.head, sunday)
        self.assertEqual(rows["Confirmed this month to date"], review._money(550.0))
