# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from .archive_common import MODULE, ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveLabel(ArchiveCommon):
    def test_label_is_one_utf8_label_page_per_document(self):
        documents = self._doc(title="销售合同 S00025，第 1 版") | self._doc(title="会议纪要")
        Report = self.env["ir.actions.report"].with_user(self.clerk)
        report = Report._get_report(f"{MODULE}.action_report_archive_label")
        paper = report.paperformat_id
        self.assertEqual(paper, self.env.ref(f"{MODULE}.paperformat_archive_label"))
        self.assertEqual((paper.format, paper.page_width, paper.page_height), ("custom", 90, 60))
        html = Report._render_qweb_html(report, documents.ids)[0]
        # what wkhtmltopdf gets: one page per label, each an HTML page that
        # declares its UTF-8 charset (the bare body was read as Latin-1)
        bodies, res_ids, *_rest = report._prepare_html(html, report_model=documents._name)
        self.assertEqual(res_ids, documents.ids)
        for body, document in zip(bodies, documents, strict=True):
            self.assertRegex(body, r'<meta charset="utf-8"\s*/?>')
            self.assertIn(document.title, body)
            self.assertIn(document.name, body)
            self.assertNotIn("page-break", body)
