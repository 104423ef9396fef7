# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import subprocess
import tempfile
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..common import RegulationCommon


@tagged("post_install", "-at_install")
class TestWeeklyReview(RegulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = cls.role_users["salesperson"]
        cls.head = cls.role_users["department_head"]
        cls.other_seller = cls.seller.copy({"login": "sdr_salesperson_2", "name": "SDR seller 2"})
        for user in (cls.seller, cls.head, cls.other_seller):
            user.tz = "Asia/Shanghai"
        cls.customer = cls.env["res.partner"].create(
            {"name": "Review Customer", "user_id": cls.seller.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Review Product", "list_price": 100}
        )

    def _order(self, user, moment, price=100.0):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": user.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "price_unit": price})],
            }
        )
        order.action_confirm()
        order.date_order = moment
        return order

    def _review(self, user, salesperson, day):
        return (
            self.env["sale.weekly.review"]
            .with_user(user)
            .create({"user_id": salesperson.id, "week_date": day})
        )

    def _rows(self, review, key):
        section = next(s for s in review._review_sections() if s["key"] == key)
        return dict(section["rows"]), section

    def test_week_and_month_in_the_salespersons_time_zone(self):
        # week of Monday 2025-03-03 .. Sunday 2025-03-09, Asia/Shanghai (UTC+8)
        self._order(self.seller, datetime(2025, 3, 2, 15, 30), 700)  # Sun 23:30: last week
        self._order(self.seller, datetime(2025, 3, 2, 16, 30), 100)  # Mon 00:30: this week
        self._order(self.seller, datetime(2025, 3, 9, 15, 30), 200)  # Sun 23:30: this week
        self._order(self.seller, datetime(2025, 3, 9, 16, 30), 900)  # next Monday: not
        self._order(self.other_seller, datetime(2025, 3, 4, 2), 5000)  # someone else's
        self._order(self.seller, datetime(2025, 2, 28, 15, 30), 30)  # Feb 28 23:30: February

        review = self._review(self.head, self.seller, date(2025, 3, 5))
        self.assertEqual((review.week_start, review.week_end), (date(2025, 3, 3), date(2025, 3, 9)))
        rows, _section = self._rows(review, "orders")
        self.assertEqual(rows["Orders confirmed this week"], "2")
        self.assertIn("300.00", rows["Amount confirmed this week"])
        # month to date, in the plan section: March 1st .. the week's end (the
        # order on Mar 2 23:30 included)
        plan_rows, _section = self._rows(review, "plan")
        self.assertIn("1,000.00", plan_rows["Confirmed this month to date"])
        self.assertIn("1,000.00", review.review_html)

    def test_new_customers_and_overdue_items(self):
        week_day = date.today()
        customer = self.env["res.partner"].create(
            {"name": "Fresh Customer", "user_id": self.seller.id}
        )
        self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": customer.id,
                "user_id": self.seller.id,
                "summary": "Call back about the quotation",
                "date_deadline": week_day - timedelta(days=10),
            }
        )
        review = self._review(self.seller, self.seller, week_day)
        rows, section = self._rows(review, "new_customers")
        self.assertIn(["Fresh Customer"], [line[:1] for line in section["lines"]])
        rows, section = self._rows(review, "overdue")
        self.assertEqual(rows["Overdue activities"], "1")
        self.assertEqual(section["lines"][0][1], "Call back about the quotation")

    def test_a_salesperson_reviews_only_her_own_week(self):
        with self.assertRaisesMessage(ValidationError, "your own week"):
            self._review(self.seller, self.other_seller, date.today())
        review = self._review(self.seller, self.seller, date.today())
        with self.assertRaisesMessage(ValidationError, "your own week"):
            review.write({"user_id": self.other_seller.id})
        # the Department Head reviews anyone of the department
        self.assertTrue(self._review(self.head, self.other_seller, date.today()))
        # a user without a role of the addon has no review at all
        plain = self.env["res.users"].create(
            {
                "name": "Plain",
                "login": "sdr_plain_review",
                "group_ids": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        with self.assertRaises(AccessError):
            self._review(plain, plain, date.today())

    def test_the_pdf_prints_the_same_sections(self):
        self._order(self.seller, datetime(2025, 3, 4, 2), 1234)
        review = self._review(self.head, self.seller, date(2025, 3, 5))
        self.assertEqual(review.action_print()["report_type"], "qweb-pdf")
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_user(self.head)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("sales_dept_regulation.action_report_sale_weekly_review", review.ids)
        )
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
            pdf_file.write(pdf)
            pdf_file.flush()
            text = subprocess.run(
                ["pdftotext", "-layout", pdf_file.name, "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout
        self.assertIn(self.seller.name, text)
        self.assertIn("1,234.00", text)
        self.assertIn("Overdue activities", text)
