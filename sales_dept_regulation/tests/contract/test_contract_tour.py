# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .contract_common import ContractCommon


@tagged("post_install", "-at_install")
class TestContractTour(HttpCase, ContractCommon):
    def test_three_users_sign_in_turn_and_the_pdf_shows_them(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        signers = (self.department_head, self.deputy_gm, self.general_manager)
        for signer in signers:
            with self.subTest(signer=signer.login):
                self.start_tour(
                    f"/odoo/sales/{order.id}",
                    "sales_dept_regulation_contract_sign",
                    login=signer.login,
                )
                self.assertIn(signer, order.sdr_signature_ids.user_id)
        self.assertEqual(order.validation_status, "validated")
        signatures = order.sdr_signature_ids
        self.assertEqual(
            signatures.user_id, self.department_head | self.deputy_gm | self.general_manager
        )
        self.assertTrue(all(signatures.mapped("signature")), "each signer drew a signature")
        self.assertEqual(set(signatures.mapped("comment")), {"Checked and signed"})

        self.authenticate(self.salesperson.login, self.salesperson.login)
        response = self.url_open(
            f"/report/pdf/sales_dept_regulation.report_sale_contract/{order.id}", timeout=60
        )
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        html = str(
            self.env["ir.actions.report"]
            .with_user(self.salesperson)
            ._render_qweb_html("sales_dept_regulation.action_report_sale_contract", order.ids)[0]
        )
        # two originals, each with the three drawn signatures
        self.assertEqual(html.count("o_sdr_signature_image"), 6)
        for signer in signers:
            self.assertEqual(html.count(signer.name), 2)
