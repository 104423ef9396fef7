# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError
from odoo.tests import tagged

from .archive_common import MODULE, ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveFiling(ArchiveCommon):
    def _effective_contract(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        self.assertEqual(order.validation_status, "validated")
        return order

    def _first_head(self, document):
        heads = self.roles["department_head"].user_ids
        return heads.filtered(lambda u: document.company_id in u.company_ids).sorted("id")[:1]

    def _filed(self, order, xmlid):
        return self.Document.search(
            [("sale_order_id", "=", order.id), ("category_id", "=", self.env.ref(xmlid).id)]
        )

    def _attachments(self, document):
        return self.env["ir.attachment"].search(
            [("res_model", "=", document._name), ("res_id", "=", document.id)]
        )

    def test_signed_contract_filed_at_signature_attached_by_the_job(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        self._sign(order, self.deputy_gm)
        self.assertFalse(self.Document.search([("sale_order_id", "=", order.id)]))
        cron = self.env.ref(f"{MODULE}.ir_cron_archive_file_signed_contracts")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self._sign(order, self.general_manager)
        document = self._filed(order, f"{MODULE}.archive_category_sales_contract")
        self.assertEqual(len(document), 1)
        self.assertEqual(document.partner_id, order.partner_id)
        self.assertEqual(document.confidentiality, "confidential")
        self.assertTrue(document.retention_until)
        self.assertTrue(document.name.startswith("HT/"))
        # the signer's request renders nothing: the job, triggered to run right
        # after its commit, attaches the signed contract
        self.assertTrue(document.contract_pending)
        self.assertFalse(self._attachments(document))
        self.assertEqual(
            len(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]) - triggers), 1
        )
        self.Document._cron_file_signed_contracts()
        self.assertFalse(document.contract_pending)
        attachment = self._attachments(document)
        self.assertEqual(len(attachment), 1)
        # filed once: a second run attaches nothing more
        self.Document._cron_file_signed_contracts()
        self.assertEqual(self._attachments(document), attachment)
        content = attachment.raw.decode(errors="ignore")
        # the signed contract as rendered at its last signature: the company copy
        # with the three signatures (HTML where no PDF engine runs, as in tests)
        if attachment.mimetype != "application/pdf":
            self.assertTrue(attachment.name.endswith(".html"))
            self.assertIn("Company copy", content)
            self.assertEqual(content.count("o_sdr_signature_block"), 6)
        # the clerk's activity, due today, asks only for the location
        file_type = self.env.ref(f"{MODULE}.mail_activity_type_file_contract")
        activity = order.activity_ids.filtered(lambda a: a.activity_type_id == file_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, document._archive_clerk())
        # filed by the archivist who gets the activity, not the last signer
        self.assertEqual(document.filed_by_id, activity.user_id)
        self.assertTrue(activity.user_id.has_group(f"{MODULE}.group_role_sales_clerk"))
        self.assertEqual(activity.date_deadline, self.today)
        self.assertIn("paper original", activity.summary)
        self.assertIn(document.name, activity.summary)
        self.assertFalse(document.activity_ids)
        # recording the location closes it
        document.with_user(self.clerk).write({"cabinet": "A", "shelf": "2", "box": "7"})
        self.assertFalse(activity.exists().filtered("active"))
        self.assertEqual(document.location, "A / 2 / 7")
        self.assertEqual(order.with_user(self.clerk).sdr_archive_count, 1)
        self.assertEqual(order.partner_id.with_user(self.clerk).sdr_archive_count, 1)
        # a salesperson does not see a confidential contract in the catalogue
        self.assertEqual(order.with_user(self.salesperson).sdr_archive_count, 0)
        # the smart buttons open the documents they count
        for record in (order, order.partner_id):
            action = record.with_user(self.clerk).action_sdr_open_archive()
            self.assertEqual(self.Document.with_user(self.clerk).search(action["domain"]), document)
        self.assertEqual(
            order.with_user(self.clerk).action_sdr_open_archive()["context"],
            {"default_sale_order_id": order.id, "default_partner_id": order.partner_id.id},
        )

    def test_failed_rendering_is_retried_at_the_next_run(self):
        report = self.env.ref(f"{MODULE}.action_report_sale_contract")
        template = report.report_name
        order = self._effective_contract()
        document = self._filed(order, f"{MODULE}.archive_category_sales_contract")
        # the contract took effect whatever becomes of its rendering
        self.assertEqual(order.validation_status, "validated")
        report.report_name = f"{MODULE}.no_such_contract_template"
        with self.assertLogs(
            "odoo.addons.sales_dept_regulation.models.archive.sale_archive_document_workflow",
            "ERROR",
        ) as logs:
            self.Document._cron_file_signed_contracts()
        self.assertIn("tried again at the next run", logs.output[0])
        self.assertTrue(document.contract_pending)
        self.assertFalse(self._attachments(document))
        report.report_name = template
        self.Document._cron_file_signed_contracts()
        self.assertFalse(document.contract_pending)
        self.assertEqual(len(self._attachments(document)), 1)

    def test_pending_flag_is_the_archives_own(self):
        document = self._doc()
        for user in (self.clerk, self.regulation_admin):
            with self.assertRaises(UserError):
                document.with_user(user).write({"contract_pending": True})
        with self.assertRaises(UserError):
            self._doc(contract_pending=True)
        self.assertFalse(document.contract_pending)

    def test_amendment_files_a_dispute_prone_change_note(self):
        order = self._effective_contract()
        order.with_user(self.salesperson).action_confirm()
        order.with_user(self.department_head).action_sdr_amend()
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        note = self._filed(order, f"{MODULE}.archive_category_contract_change")
        self.assertEqual(len(note), 1)
        self.assertTrue(note.dispute_prone)
        self.assertIn("version 2", note.title)
        self.assertEqual(len(self._filed(order, f"{MODULE}.archive_category_sales_contract")), 1)

    def test_end_of_day_check_reminds_clerk_and_head_once(self):
        order = self._effective_contract()
        document = self._filed(order, f"{MODULE}.archive_category_sales_contract")
        self.env["sale.order"]._cron_archive_unlocated()
        self.env["sale.order"]._cron_archive_unlocated()
        self.assertEqual(
            sorted(document.activity_ids.mapped("user_id").ids),
            sorted((document._archive_clerk() | self._first_head(document)).ids),
        )
        document.with_user(self.clerk).write({"cabinet": "B"})
        self.assertFalse(document.activity_ids)
        self.env["sale.order"]._cron_archive_unlocated()
        self.assertFalse(document.activity_ids)
