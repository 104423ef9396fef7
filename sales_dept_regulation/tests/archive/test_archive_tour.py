# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import io
import re
from datetime import timedelta

from PIL import Image

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
        # the label's QR code is Odoo's barcode of the archive number (compared by
        # its squares: the grey edges differ slightly from one rendering to the next)
        source = re.search(r'<img alt="QR" src="data:image/png;base64,([^"]+)"', label).group(1)
        expected = self.env["ir.actions.report"].barcode("QR", document.name, width=180, height=180)

        def modules(png):  # the black and white squares, without the grey of anti-aliasing
            image = Image.open(io.BytesIO(png)).convert("L")
            return image.point(lambda value: 0 if value < 128 else 255).tobytes()

        printed, wanted = modules(base64.b64decode(source)), modules(expected)
        self.assertEqual(len(printed), len(wanted))
        # a pixel or two on a module's edge may round the other way
        differing = sum(a != b for a, b in zip(printed, wanted, strict=True))
        self.assertLess(differing, len(wanted) // 1000)

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
