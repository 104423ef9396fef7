# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .archive_common import MODULE, ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveTour(HttpCase, ArchiveCommon):
    def test_contract_filed_located_lent_signed_returned(self):
        self.env.ref("base.lang_zh_CN").active = True
        for user in (self.clerk, self.salesperson):
            user.lang = "zh_CN"
        order = self._order(client_order_ref="SDR-TOUR-ORDER")
        order.name = "SDR-TOUR-ORDER"
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        document = self.Document.search([("sale_order_id", "=", order.id)])
        self.assertEqual(len(document), 1)

        self.start_tour(
            f"/odoo/action-{MODULE}.sale_archive_document_action",
            "sales_dept_regulation_archive_file",
            login=self.clerk.login,
        )
        self.assertEqual(document.location, "A / 2 / 7")
        self.assertFalse(
            order.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == self.env.ref(f"{MODULE}.mail_activity_type_file_contract")
                )
            )
        )
        label = str(
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html(f"{MODULE}.action_report_archive_label", document.ids)[0]
        )
        self.assertIn(f"/report/barcode/?barcode_type=QR&amp;value={document.name}", label)

        # the contract is confidential: the clerk requests it for the salesperson,
        # the Department Head approves
        loan = self._loan(document, self.salesperson, days=5)
        loan.with_user(self.department_head).validate_tier()
        self.assertEqual(loan.state, "approved")
        self.start_tour(
            f"/odoo/action-{MODULE}.sale_archive_loan_action/{loan.id}",
            "sales_dept_regulation_archive_sign",
            login=self.salesperson.login,
        )
        self.assertTrue(loan.signature)
        loan.with_user(self.clerk).action_sign_out()
        self.assertEqual(document.state, "on_loan")
        self.start_tour(
            f"/odoo/action-{MODULE}.sale_archive_loan_action/{loan.id}",
            "sales_dept_regulation_archive_return",
            login=self.clerk.login,
        )
        self.assertEqual((loan.state, loan.return_condition), ("returned", "good"))
        self.assertEqual(document.state, "filed")
        self.assertLessEqual(loan.return_date - loan.signed_out_date.date(), timedelta(days=1))

    def test_scan_opens_the_document(self):
        self.env.ref("base.lang_zh_CN").active = True
        self.clerk.lang = "zh_CN"
        document = self._doc(title="SDR Scan Paper")
        self._doc(title="SDR Other Paper")
        before = document.read(["state", "holder_id", "cabinet"])
        self.start_tour(
            f"/odoo/action-{MODULE}.sale_archive_document_action",
            "sales_dept_regulation_archive_scan",
            login=self.clerk.login,
        )
        self.assertEqual(document.read(["state", "holder_id", "cabinet"]), before)
