# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

MODULE = "sales_dept_regulation_phonecall"


@tagged("post_install", "-at_install")
class TestPhonecallTour(HttpCase):
    """李娜 logs a call from the app's menu, in Chinese, on the demo data:
    nothing is set up here, the test reads afterwards."""

    def test_telemarketer_logs_a_call(self):
        self.start_tour("/odoo", "sales_dept_regulation_phonecall_log", login="lina")
        lina = self.env["res.users"].search([("login", "=", "lina")])
        call = self.env["crm.phonecall"].search([("name", "=", "咨询种植体模具报价")])
        self.assertEqual(call.user_id, lina)
        self.assertEqual(call.partner_id, self.env.ref("sales_dept_regulation.partner_demo_huaxin"))
        self.assertEqual(call.source_id, self.env.ref(f"{MODULE}.utm_source_trade_show"))
        self.assertEqual((call.state, call.sdr_call_result), ("done", "not_interested"))
        demo_company = self.env.ref("sales_dept_regulation.company_demo_jianshi")
        self.assertEqual(call.company_id, demo_company)
