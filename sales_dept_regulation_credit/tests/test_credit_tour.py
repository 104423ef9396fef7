# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from odoo.addons.sales_dept_regulation.tests.common import MODULE

CONTRACT_NUMBER = "HT-2026-088"


@tagged("post_install", "-at_install")
class TestCreditTourChinese(HttpCase):
    """王芳's contract of 华信 is stopped for credit (the demo assessment expired);
    赵强 approves the exception. Nothing is set up here: the test reads afterwards."""

    def test_contract_stopped_for_credit_and_the_general_manager_excepts(self):
        self.start_tour("/odoo", "sales_dept_regulation_credit_stopped_zh", login="wangfang")
        order = self.env["sale.order"].search([("client_order_ref", "=", CONTRACT_NUMBER)])
        self.assertEqual(order.partner_id, self.env.ref(f"{MODULE}.partner_demo_huaxin"))
        self.assertEqual(order.sdr_credit_problem, "expired")
        self.assertFalse(order.review_ids, "the contract was not submitted")
        exception = self.env["sale.credit.exception"].search([("order_id", "=", order.id)])
        self.assertEqual(exception.state, "requested")
        self.assertEqual(exception.requested_by_id.login, "wangfang")

        self.start_tour("/odoo", "sales_dept_regulation_credit_exception_gm_zh", login="zhaoqiang")
        self.assertEqual(exception.state, "approved")
        self.assertEqual(exception.review_ids.done_by.login, "zhaoqiang")
        self.assertTrue(order._credit_exception_covers())
