# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestWeeklyReviewTour(HttpCase):
    """On the demo data, as the demo Department Head (password = login): no
    set-up here, the test only reads what the tour did."""

    def test_department_head_prints_the_weekly_review_of_the_demo(self):
        head = self.env.ref(f"{MODULE}.user_demo_department_head", raise_if_not_found=False)
        if not head:
            self.skipTest("the demo data is not installed")
        self.start_tour("/odoo", "sales_dept_regulation_weekly_review", login=head.login)
        review = self.env["sale.weekly.review"].search([("create_uid", "=", head.id)], limit=1)
        self.assertEqual(review.user_id.login, "wangfang")
        self.assertIn("o_sdr_review_orders", review.review_html)
