# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .archive_common import MODULE, ArchiveCommon

SUBJECT = "SDR 报价底线 Q3"
REPLY_SUBJECT = "回复"
# as the mail gateway hands it over: HTML, with a tracking image
BODY = Markup(
    "<p>底价 <b>88 元</b></p><img src='https://tracker.example.com/p.gif'><script>alert(1)</script>"
)


def receive_mail(record, subject=SUBJECT, attachments=()):
    """A mail received on ``record``'s chatter, as the mail gateway posts it."""
    return record.sudo().message_post(
        subject=subject,
        body=BODY,
        message_type="email",
        subtype_xmlid="mail.mt_comment",
        email_from="客户 <buyer@example.com>",
        attachment_ids=[attachment.id for attachment in attachments],
    )


@tagged("post_install", "-at_install")
class TestConfidentialMail(ArchiveCommon):
    """000 §档案管理: a confidential mail is printed, filed, and deleted from
    the mailbox."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._order(cls, contract=False)
        cls.category_mail = cls.env.ref(f"{MODULE}.archive_category_confidential_email")

    def _attachment(self, name, record=None):
        record = record or self.order
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "raw": b"price list",
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        )

    def _file(self, message, user=None):
        return message.with_user(user or self.salesperson).action_archive_file_confidential()

    def test_filed_and_gone(self):
        own = self._attachment("底价表.xlsx")
        shared = self._attachment("产品目录.pdf")
        mail = receive_mail(self.order, attachments=own | shared)
        # the catalogue is also shown by another message: it stays with the order
        other = self.order.sudo().message_post(
            body=Markup("<p>目录</p>"), message_type="comment", attachment_ids=shared.ids
        )
        number = self._file(mail)

        self.assertFalse(mail.exists())
        document = self.Document.sudo().search([("name", "=", number)])
        self.assertEqual(len(document), 1)
        self.assertEqual(document.category_id, self.category_mail)
        self.assertEqual(document.confidentiality, "confidential")
        self.assertEqual(document.title, SUBJECT)
        self.assertEqual(document.filing_date, self.today)
        self.assertEqual(document.filed_by_id, self.salesperson)
        self.assertEqual(document.sale_order_id, self.order)
        self.assertEqual(document.partner_id, self.partner)
        self.assertEqual(document.company_id, self.order.company_id)
        self.assertTrue(number.startswith("JM/"))

        files = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", document._name), ("res_id", "=", document.id)])
        )
        [pdf] = files.filtered(lambda a: a.mimetype == "application/pdf" and a != shared)
        self.assertTrue(pdf.raw.startswith(b"%PDF"))
        # the mail's own attachment went with it; the shared one stays
        self.assertIn(own, files)
        self.assertFalse(own.public)
        self.assertEqual((shared.res_model, shared.res_id), ("sale.order", self.order.id))
        self.assertTrue(other.exists())
        self.assertEqual(other.attachment_ids, shared)

        # the order's chatter: a note naming the archive number, nothing of the mail
        chatter = self.order.sudo().message_ids
        texts = [text for text in chatter.mapped("subject") + chatter.mapped("body") if text]
        self.assertNotIn(SUBJECT, " ".join(texts))
        self.assertNotIn("88 元", " ".join(texts))
        note = chatter.filtered(lambda m: number in (m.body or ""))
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertEqual(note.author_id, self.salesperson.partner_id)

        # the document's history: who filed what, from where, when
        history = document.message_ids.filtered(lambda m: SUBJECT in (m.body or ""))
        self.assertEqual(len(history), 1)
        self.assertIn(self.salesperson.name, history.body)
        self.assertIn(self.order.name, history.body)
        self.assertIn("buyer@example.com", history.body)
        self.assertEqual(history.author_id, self.salesperson.partner_id)
        # the clerk files the printout and records where
        self.assertEqual(document.activity_ids.user_id, document._archive_clerk())
        self.assertEqual(
            document.activity_ids.activity_type_id,
            self.env.ref(f"{MODULE}.mail_activity_type_archive_location"),
        )

    def test_document_read_by_cleared_roles_only(self):
        own = self._attachment("底价表.xlsx")
        number = self._file(receive_mail(self.order, attachments=own))
        document = self.Document.sudo().search([("name", "=", number)])
        for user in (self.clerk, self.department_head, self.general_manager):
            self.assertEqual(
                self.Document.with_user(user).search([("name", "=", number)]), document
            )
            own.with_user(user).check_access("read")
        # she filed it, and may no longer read it (no clearance)
        for user in (self.salesperson, self.other_salesperson):
            self.assertFalse(self.Document.with_user(user).search([("name", "=", number)]))
            with self.assertRaises(AccessError):
                own.with_user(user).check_access("read")
            with self.assertRaises(AccessError):
                document.with_user(user).read(["title"])

    def test_printout_shows_the_mail_and_runs_nothing(self):
        own = self._attachment("底价表.xlsx")
        mail = receive_mail(self.order, attachments=own)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            f"{MODULE}.action_report_confidential_mail", mail.ids
        )
        html = html.decode()
        for shown in (SUBJECT, "buyer@example.com", "底价表.xlsx", "<b>88 元</b>"):
            self.assertIn(shown, html)
        self.assertNotIn("<script>alert", html)
        # the PDF engine never calls the sender's server back
        self.assertNotIn("tracker.example.com", html)

    def test_refused_for_notes_and_notifications(self):
        note = self.order.with_user(self.salesperson).message_post(
            body=Markup("<p>内部备注</p>"), message_type="comment", subtype_xmlid="mail.mt_note"
        )
        with self.assertRaisesMessage(UserError, "internal note|内部备注"):
            self._file(note)
        log = self.order.sudo()._message_log(body="状态变更")
        with self.assertRaisesMessage(UserError, "system notification|系统通知"):
            self._file(log)
        self.assertTrue((note | log).exists())
        self.assertFalse(self.Document.sudo().search([("category_id", "=", self.category_mail.id)]))

    def test_a_mail_sent_from_the_chatter_is_filed(self):
        sent = self.order.with_user(self.salesperson).message_post(
            body=Markup("<p>回复报价</p>"),
            subject=REPLY_SUBJECT,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(sent.message_type, "comment")
        number = self._file(sent)
        self.assertFalse(sent.exists())
        self.assertEqual(self.Document.sudo().search([("name", "=", number)]).title, REPLY_SUBJECT)

    def test_refused_for_a_record_she_cannot_edit(self):
        # products: a salesperson reads them, does not edit them
        product = self.product.product_tmpl_id
        mail = receive_mail(product)
        self.assertTrue(mail.with_user(self.salesperson).has_access("read"))
        with self.assertRaisesMessage(AccessError, "records you may edit|有权编辑"):
            self._file(mail)
        # another salesperson's order: she does not even read the mail
        mail = receive_mail(self.order)
        with self.assertRaisesMessage(AccessError, "cannot read|无权查看"):
            self._file(mail, self.other_salesperson)
        # without a role of the department
        outsider = new_test_user(self.env, login="sdr_confmail_outsider", groups="base.group_user")
        with self.assertRaisesMessage(AccessError, "roles|角色"):
            self._file(mail, outsider)
        self.assertTrue(mail.exists())

    def test_refused_for_a_record_of_another_company(self):
        other_company = self.env["res.company"].create({"name": "SDR Other Company"})
        order = (
            self.env["sale.order"]
            .sudo()
            .create(
                {
                    "company_id": other_company.id,
                    "partner_id": self.partner.id,
                    "user_id": self.salesperson.id,
                    "order_line": [Command.create({"product_id": self.product.id})],
                }
            )
        )
        mail = receive_mail(order)
        with self.assertRaises(AccessError):
            self._file(mail)
        self.assertTrue(mail.exists())
        # the company's own salesperson files it: the category serves every
        # company, those created later included
        local = new_test_user(
            self.env,
            login="sdr_confmail_other_company",
            groups=f"{MODULE}.group_role_salesperson",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        order.user_id = local
        number = self._file(mail, local)
        document = self.Document.sudo().search([("name", "=", number)])
        self.assertEqual(document.company_id, other_company)
        self.assertEqual(document.category_id, self.category_mail)
        self.assertEqual(document.sale_order_id, order)

    def test_one_mail_at_a_time_and_gone_ids(self):
        first, second = receive_mail(self.order), receive_mail(self.order)
        with self.assertRaisesMessage(UserError, "one mail|一封邮件"):
            self._file(first | second)
        with self.assertRaisesMessage(UserError, "no longer exists|已不存在"):
            self._file(self.env["mail.message"].browse(10**9))


@tagged("post_install", "-at_install")
class TestConfidentialMailRpc(HttpCase):
    """The plain RPC route, as any client may call it."""

    def test_rpc_route(self):
        salesperson = new_test_user(
            self.env, login="sdr_confmail_rpc", groups=f"{MODULE}.group_role_salesperson"
        )
        partner = self.env["res.partner"].create(
            {"name": "SDR RPC Customer", "user_id": salesperson.id}
        )
        note = partner.message_post(
            body=Markup("<p>备注</p>"), message_type="comment", subtype_xmlid="mail.mt_note"
        )
        mail = receive_mail(partner)
        self.authenticate(salesperson.login, salesperson.login)
        route = "/web/dataset/call_kw/mail.message/action_archive_file_confidential"

        def call(ids):
            return self.make_jsonrpc_request(
                route,
                {
                    "model": "mail.message",
                    "method": "action_archive_file_confidential",
                    "args": [ids],
                    "kwargs": {},
                },
            )

        for ids in ([note.id], [note.id, mail.id], [10**9]):
            with self.assertRaises(JsonRpcException) as caught:
                call(ids)
            self.assertIn("UserError", str(caught.exception))
        self.assertTrue(note.exists())
        number = call([mail.id])
        self.assertFalse(mail.exists())
        document = self.env["sale.archive.document"].search([("name", "=", number)])
        self.assertEqual(document.partner_id, partner)
        self.assertEqual(document.confidentiality, "confidential")


@tagged("post_install", "-at_install")
class TestConfidentialMailTour(HttpCase):
    """王芳 files the customer's mail of the demo contract from its chatter: the
    demo user on the demo data, nothing set up here."""

    def test_salesperson_files_a_confidential_mail(self):
        mail = self.env.ref(
            f"{MODULE}.mail_message_demo_confidential_mail", raise_if_not_found=False
        )
        if not mail:
            self.skipTest("the archive's demo data is not installed")
        order = self.env.ref(f"{MODULE}.sale_order_demo_contract")
        attachment = self.env.ref(f"{MODULE}.ir_attachment_demo_confidential_mail")
        self.start_tour("/odoo", "sales_dept_regulation_confidential_mail_zh", login="wangfang")
        self.assertFalse(mail.exists())
        document = self.env["sale.archive.document"].search(
            [("sale_order_id", "=", order.id), ("category_id.code", "=", "JM")]
        )
        self.assertEqual(document.title, "华信 2026 年采购底价（机密）")
        self.assertEqual(document.filed_by_id, self.env.ref(f"{MODULE}.user_demo_salesperson"))
        self.assertEqual((attachment.res_model, attachment.res_id), (document._name, document.id))
        self.assertIn(document.name, order.message_ids[0].body)
