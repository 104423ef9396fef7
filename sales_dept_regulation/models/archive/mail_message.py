# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime

from ..roles import SCOPE_OWN
from .sale_archive_approval import as_workflow

CONFIDENTIAL_MAIL_CATEGORY = "sales_dept_regulation.archive_category_confidential_email"
CONFIDENTIAL_MAIL_REPORT = "sales_dept_regulation.action_report_confidential_mail"
LOCATION_ACTIVITY = "sales_dept_regulation.mail_activity_type_archive_location"
# mails received (email) or sent by Odoo's mailers (email_outgoing); a message
# a user sent from the chatter is a comment of subtype "Discussions"
MAIL_TYPES = ("email", "email_outgoing")


class MailMessage(models.Model):
    _inherit = "mail.message"

    def action_archive_file_confidential(self):
        """File a mail of a chatter as confidential (000 §档案管理: confidential
        mails are printed, filed, and deleted from the mailbox): its printout
        becomes a confidential archive document, its attachments go with it, and
        the message leaves the chatter; one transaction, checked for any caller.
        Returns the archive number."""
        message, record = self._archive_confidential_mail_origin()
        report = self.env.ref(CONFIDENTIAL_MAIL_REPORT)
        # rendered first: should the PDF engine fail, nothing has been written
        pdf, _kind = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, message.ids)
        )
        document = self._archive_confidential_mail_document(message, record, pdf)
        attachments = message._archive_confidential_mail_move_attachments(document)
        if (
            "message_main_attachment_id" in record._fields
            and record.sudo().message_main_attachment_id in attachments
        ):
            record.sudo().message_main_attachment_id = False
        # Markup escapes: the subject is the sender's text, shown as text
        document._message_log(
            body=Markup("<p>%s</p>")
            % self.env._(
                "%(user)s filed a confidential mail from %(origin)s on %(when)s: "
                "“%(subject)s”, from %(sender)s, of %(date)s, with %(count)s attachment(s). "
                "The mail was deleted from the chatter.",
                user=self.env.user.name,
                origin=self._archive_origin_label(record),
                when=format_datetime(self.env, fields.Datetime.now()),
                subject=message.subject or self.env._("(no subject)"),
                sender=message._archive_sender(),
                date=format_datetime(self.env, message.date),
                count=len(attachments),
            ),
            author_id=self.env.user.partner_id.id,
        )
        # the chatter keeps the trace of the filing, nothing of the mail
        record.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "A confidential mail was filed in the archive as %(document)s.",
                document=document.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        message.sudo().unlink()
        return document.name

    def _archive_confidential_mail_origin(self):
        """The one mail to file and its record, once every rule holds for the
        current user (whatever ids an RPC call passes)."""
        if len(self) != 1:
            raise UserError(self.env._("Choose one mail to file as confidential."))
        if not self.env.user.has_group(SCOPE_OWN):
            raise AccessError(
                self.env._("Only the sales department's roles file confidential mails.")
            )
        message = self.exists()
        if not message:
            raise UserError(self.env._("This mail no longer exists."))
        # read access first: nothing about a message the user may not read is told
        try:
            message.check_access("read")
        except AccessError:
            raise AccessError(self.env._("You cannot read this mail.")) from None
        message = message.sudo()
        model_name, res_id = message.model, message.res_id
        if (
            not model_name
            or not res_id
            or model_name not in self.env
            or model_name == "discuss.channel"
            or not isinstance(self.env[model_name], self.pool["mail.thread"])
        ):
            raise UserError(self.env._("Only a mail in the chatter of a record can be filed."))
        record = self.env[model_name].browse(res_id).exists()
        if not record:
            raise UserError(self.env._("The record of this mail no longer exists."))
        try:
            record.check_access("write")
        except AccessError:
            raise AccessError(
                self.env._("You may file only the mails of records you may edit.")
            ) from None
        company = record._fields.get("company_id") and record.company_id
        if company and company not in self.env.user.company_ids:
            raise AccessError(self.env._("This mail belongs to a company you do not work in."))
        if message.message_type == "comment" and message.subtype_id == self.env.ref("mail.mt_note"):
            raise UserError(
                self.env._("An internal note is not a mail: only mails are filed as confidential.")
            )
        sent = message.message_type == "comment" and message.subtype_id == self.env.ref(
            "mail.mt_comment"
        )
        if message.message_type not in MAIL_TYPES and not sent:
            raise UserError(
                self.env._(
                    "A system notification is not a mail: only mails are filed as confidential."
                )
            )
        return message, record

    def _archive_confidential_mail_document(self, message, record, pdf):
        """The archive document of the mail, filed today by the user, its
        printout attached."""
        category = self.env.ref(CONFIDENTIAL_MAIL_CATEGORY)
        company = (record._fields.get("company_id") and record.company_id) or self.env.company
        vals = {
            "title": (message.subject or "").strip()
            or self.env._("Mail from %(sender)s", sender=message._archive_sender()),
            "category_id": category.id,
            "company_id": company.id,
            "confidentiality": "confidential",
            "filing_date": fields.Date.context_today(self),
            "filed_by_id": self.env.user.id,
            "description": self.env._(
                "Filed from %(origin)s.", origin=self._archive_origin_label(record)
            ),
        }
        vals.update(self._archive_links(record, company))
        document = as_workflow(self.env["sale.archive.document"]).create(vals)
        self.env["ir.attachment"].sudo().create(
            {
                "name": f"{document.name.replace('/', '-')}.pdf",
                "raw": pdf,
                "mimetype": "application/pdf",
                "res_model": document._name,
                "res_id": document.id,
            }
        )
        # the printout is a paper to put in a cabinet: the archivist records where
        clerk = document._archive_clerk()
        if clerk:
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
                document._archive_activity_vals(self.env.ref(LOCATION_ACTIVITY), clerk)
            )
        return document

    def _archive_links(self, record, company):
        """The order and the customer the document is linked to, where the
        record is (or has) one of the company's."""
        order = self.env["sale.order"]
        partner = self.env["res.partner"]
        if record._name == "sale.order":
            order, partner = record, record.partner_id
        elif record._name == "res.partner":
            partner = record.commercial_partner_id
        elif record._fields.get("partner_id") and record._fields["partner_id"].comodel_name == (
            "res.partner"
        ):
            partner = record.partner_id.commercial_partner_id
        links = {}
        if order and order.company_id == company:
            links["sale_order_id"] = order.id
        if partner and (not partner.company_id or partner.company_id == company):
            links["partner_id"] = partner.id
        return links

    def _archive_confidential_mail_move_attachments(self, document):
        """The mail's attachments leave the chatter with it: kept with the
        document (its clearance governs them), except those another message
        still shows, which stay where they are."""
        attachments = self.sudo().attachment_ids
        still_shown = (
            self.env["mail.message"]
            .sudo()
            .search([("attachment_ids", "in", attachments.ids), ("id", "not in", self.ids)])
            .attachment_ids
        )
        moved = attachments - still_shown
        moved.write(
            {
                "res_model": document._name,
                "res_id": document.id,
                "public": False,
                "access_token": False,
            }
        )
        return moved

    def _archive_sender(self):
        self.ensure_one()
        return self.sudo().email_from or self.sudo().author_id.display_name or "-"

    def _archive_origin_label(self, record):
        model_label = self.env["ir.model"].sudo()._get(record._name).name
        return f"{model_label} {record.sudo().display_name}"
