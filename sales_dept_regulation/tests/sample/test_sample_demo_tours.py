# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE


class DemoSamples:
    """The tours run on the demo database as its demo users: nothing is set up,
    the test only reads what the clicks did."""

    def _demo(self, xmlid):
        record = self.env.ref(f"{MODULE}.{xmlid}", raise_if_not_found=False)
        if not record:
            self.skipTest("the demo data is not installed")
        return record


@tagged("post_install", "-at_install")
class TestSampleDemoTours(HttpCase, DemoSamples):
    browser_size = "1440x900"

    def test_wangfang_files_a_request_charged_half_by_the_rule(self):
        wangfang = self._demo("user_demo_salesperson")
        before = self.env["sale.sample.request"].search([])
        self.start_tour("/odoo", "sales_dept_regulation_sample_demo_file", login="wangfang")
        request = self.env["sale.sample.request"].search([]) - before
        self.assertEqual(request.user_id, wangfang)
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.partner_id, self._demo("partner_demo_kangda"))
        self.assertEqual((request.fee_amount, request.charged_amount), (20800.0, 10400.0))

    def test_zhangwei_approves_the_fee_exception(self):
        request = self._demo("sale_sample_request_demo_exception")
        self.assertEqual(request.exception_state, "requested")
        self.start_tour("/odoo", "sales_dept_regulation_sample_demo_exception", login="zhangwei")
        self.assertEqual(request.exception_state, "approved")
        self.assertEqual(request.charged_amount, 0.0)
        self.assertEqual(request.waived_amount, request.fee_amount)
        self.assertEqual(request.review_ids.done_by, self._demo("user_demo_department_head"))


@tagged("post_install", "-at_install")
class TestSampleDemoPhoneTour(HttpCase, DemoSamples):
    browser_size = "390x844"
    touch_enabled = True

    def test_zhoujie_takes_makes_and_ships_on_a_phone(self):
        request = self._demo("sale_sample_request_demo_submitted")
        self.assertEqual(request.state, "submitted")
        self.start_tour("/odoo", "sales_dept_regulation_sample_demo_rd_phone", login="zhoujie")
        self.assertEqual(request.state, "sent")
        self.assertTrue(request.accept_date and request.made_date and request.sent_date)
