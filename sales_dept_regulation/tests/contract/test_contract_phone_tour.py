# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .contract_common import ContractCommon


@tagged("post_install", "-at_install")
class TestContractPhoneTour(HttpCase, ContractCommon):
    browser_size = "375x667"
    touch_enabled = True

    def test_department_head_signs_from_a_card_on_a_phone(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self.start_tour(
            "/odoo", "sales_dept_regulation_contract_sign_phone", login=self.department_head.login
        )
        signature = order.sdr_signature_ids
        self.assertEqual(signature.user_id, self.department_head)
        self.assertTrue(signature.signature)
