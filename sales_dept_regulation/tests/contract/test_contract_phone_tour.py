# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestContractPhoneTour(HttpCase):
    """张伟 signs the demo contract on a phone, from the app's menu: nothing is
    set up here, the test reads afterwards."""

    browser_size = "390x844"
    touch_enabled = True

    def test_department_head_signs_from_a_card_on_a_phone(self):
        order = self.env.ref(f"{MODULE}.sale_order_demo_contract")
        zhang = self.env["res.users"].search([("login", "=", "zhangwei")])
        self.assertFalse(order.sdr_signature_ids)
        self.start_tour("/odoo", "sales_dept_regulation_contract_sign_phone", login="zhangwei")
        signature = order.sdr_signature_ids
        self.assertEqual(signature.user_id, zhang)
        self.assertTrue(signature.signature)
        self.assertEqual(order.validation_status, "pending")
        # the chatter names the signer and his step (in the signer's language)
        self.assertIn("张伟 已签字（部长）", " ".join(order.message_ids.mapped("body")))
