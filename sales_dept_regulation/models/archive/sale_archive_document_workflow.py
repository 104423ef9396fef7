# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError

from .sale_archive_approval import as_workflow

_logger = logging.getLogger(__name__)

CONTRACT_REPORT = "sales_dept_regulation.action_report_sale_contract"


class SaleArchiveDocument(models.Model):
    """The actions and jobs of the catalogue: each checks the user's role and the
    document's state, then writes the workflow fields in the workflow context."""

    _inherit = "sale.archive.document"

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_request_destruction(self, reason=None):
        """Ask the Department Head's approval to destroy documents past retention."""
        self._archive_check_clerk()
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Please give the reason of the destruction."))
        today = fields.Date.context_today(self)
        for document in self:
            if document.state != "filed":
                raise UserError(
                    self.env._(
                        "%(document)s can be destroyed only while it is filed.",
                        document=document.display_name,
                    )
                )
            if not document.retention_until or document.retention_until > today:
                raise UserError(
                    self.env._(
                        "%(document)s is not past its retention period.",
                        document=document.display_name,
                    )
                )
            if document.active_loan_id:
                raise UserError(
                    self.env._(
                        "%(document)s is lent or asked for: its loan ends before it is destroyed.",
                        document=document.display_name,
                    )
                )
            if document.review_ids:
                raise UserError(
                    self.env._(
                        "The destruction of %(document)s is already requested.",
                        document=document.display_name,
                    )
                )
            as_workflow(document).destroy_reason = reason.strip()
            document._archive_request_approval()
        return True

    def action_destroy(self):
        """The clerk destroys documents whose destruction was approved."""
        self._archive_check_clerk()
        for document in self:
            if document.state != "filed" or not document.destroy_reason:
                raise UserError(
                    self.env._(
                        "Request the destruction of %(document)s first.",
                        document=document.display_name,
                    )
                )
            if document.active_loan_id:
                raise UserError(
                    self.env._(
                        "%(document)s is lent or asked for: its loan ends before it is destroyed.",
                        document=document.display_name,
                    )
                )
            if document.review_ids and document.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "The destruction of %(document)s is not approved yet.",
                        document=document.display_name,
                    )
                )
            as_workflow(document).write(
                {
                    "state": "destroyed",
                    "destroyed_by_id": self.env.uid,
                    "destroyed_date": fields.Date.context_today(self),
                }
            )
        return True

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        for document in self.filtered(lambda d: d.validation_status == "rejected"):
            document.sudo().message_post(
                body=self.env._("The destruction was refused: the document stays filed.")
            )
            as_workflow(document).destroy_reason = False
            document._archive_clear_reviews()
        return res

    def action_report_lost(self, report=None):
        self._archive_check_clerk()
        if not isinstance(report, str) or not report.strip():
            raise UserError(self.env._("Please describe how the document was lost."))
        for document in self:
            if document.state not in ("filed", "on_loan"):
                raise UserError(
                    self.env._(
                        "%(document)s is already destroyed or lost.",
                        document=document.display_name,
                    )
                )
        active = self.loan_ids.filtered(
            lambda loan: loan.state in ("requested", "approved", "signed_out", "overdue")
        )
        as_workflow(active).write(
            {"state": "cancelled", "cancel_reason": self.env._("The document was lost.")}
        )
        # nothing is left to approve: the requests leave the approvers' queues
        active._archive_clear_reviews()
        as_workflow(self).write(
            {
                "state": "lost",
                "holder_id": False,
                "lost_report": report.strip(),
                "lost_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_open_loans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_dept_regulation.sale_archive_loan_action"
        )
        action["domain"] = [("document_id", "=", self.id)]
        action["context"] = {"default_document_id": self.id}
        return action

    def action_request_loan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.archive.loan",
            "view_mode": "form",
            "target": "current",
            "context": {"default_document_id": self.id},
        }

    @api.model
    def action_open_by_archive_number(self, code=None, raise_if_not_found=True):
        """The form of the document whose label was scanned. The search runs with
        the user's own rights: a document the record rules hide reads exactly as
        a number that does not exist. Without raise_if_not_found, no match gives
        False (a search typed by hand that is no archive number)."""
        number = code.strip() if isinstance(code, str) else ""
        if "\x00" in number:
            # no number holds it, and the database refuses to search for it
            if not raise_if_not_found:
                return False
            raise UserError(self.env._("This is not an archive number."))
        documents = self.search([("name", "=", number)], limit=2) if number else self.browse()
        if not documents and not raise_if_not_found:
            return False
        if not number:
            raise UserError(self.env._("Scan or type an archive number."))
        if not documents:
            raise UserError(
                self.env._("No document with archive number %s that you may see", number)
            )
        if len(documents) > 1:
            # the same number in two companies the user works in
            return {
                "type": "ir.actions.act_window",
                "name": number,
                "res_model": self._name,
                "views": [(False, "list"), (False, "form")],
                "domain": [("name", "=", number)],
                "target": "current",
            }
        return {
            "type": "ir.actions.act_window",
            "name": documents.display_name,
            "res_model": self._name,
            "res_id": documents.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def _archive_attach_contract(self, order):
        """Attach the signed contract as the report renders it now (PDF, or its
        HTML where no PDF engine is available, e.g. in tests)."""
        self.ensure_one()
        reports = self.env["ir.actions.report"].sudo()
        report = self.env.ref(CONTRACT_REPORT, raise_if_not_found=False)
        if not report:
            return self.env["ir.attachment"]
        try:
            with self.env.cr.savepoint():
                content, kind = reports._render_qweb_pdf(report, order.ids)
        except UserError:
            _logger.warning("No PDF engine: %s is filed with its HTML rendering", order.name)
            content, kind = reports._render_qweb_html(report, order.ids)
        if isinstance(content, str):
            content = content.encode()
        extension, mimetype = ("pdf", "application/pdf") if kind == "pdf" else ("html", "text/html")
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self.name.replace('/', '-')}.{extension}",
                    "raw": content,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    # ------------------------------------------------------------
    # CRONS
    # ------------------------------------------------------------

    @api.model
    def _cron_file_signed_contracts(self):
        """Attach the signed contract to the documents filed by a last signature
        (triggered by it, so the same day), each in its own transaction when run
        as the job. A document is filed once: a run holds its row (others skip it)
        and clears its flag; a rendering that fails is logged and tried again at
        the next run, the contract having taken effect anyway."""
        cron = self.env["ir.cron"]
        as_job = bool(self.env.context.get("ir_cron_progress_id"))
        pending = self.sudo().search([("contract_pending", "=", True)], order="id")
        if as_job:
            # commits: each document's lock below begins a fresh snapshot
            cron._commit_progress(remaining=len(pending))
        for document in pending:
            document._archive_attach_pending_contract()
            # a failed one counts as done for this run (the next run tries it
            # again): remaining work would have the job rerun at once, in a loop
            if as_job and not cron._commit_progress(1):
                break

    def _archive_attach_pending_contract(self):
        """Render and attach the signed contract of this pending document, unless
        another run holds it or filed it already. Whether it was attached."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint(flush=False):
                document = self.try_lock_for_update()
        except errors.SerializationFailure:
            # filed by another run since this transaction's snapshot
            return False
        if not document:
            return False  # another run is filing it now
        document.invalidate_recordset(["contract_pending"])
        if not document.contract_pending or not document.sale_order_id:
            return False
        order = document.sale_order_id
        try:
            with self.env.cr.savepoint():
                document.with_company(document.company_id).with_context(
                    lang=document.filed_by_id.lang or self.env.lang
                )._archive_attach_contract(order)
                as_workflow(document).contract_pending = False
        except Exception:  # noqa: BLE001 - whatever fails, the job goes on and retries
            _logger.exception(
                "%s: the signed contract %s could not be attached, tried again at the next run",
                document.name,
                order.name,
            )
            return False
        return True

    @api.model
    def _cron_retention(self):
        """List the documents past their retention for the clerk, once each."""
        documents = self.sudo().search(
            [
                ("state", "=", "filed"),
                ("retention_until", "<", fields.Date.context_today(self)),
                ("retention_notified", "=", False),
            ]
        )
        activity_type = self.env.ref("sales_dept_regulation.mail_activity_type_archive_retention")
        vals_list = []
        for document in documents:
            clerk = document._archive_clerk()
            if clerk:
                vals_list.append(document._archive_activity_vals(activity_type, clerk))
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )
        as_workflow(documents).retention_notified = True

    def _archive_clerk(self):
        clerks = self.env.ref("sales_dept_regulation.group_role_sales_clerk").sudo().user_ids
        company = self.company_id or self.env.company
        return clerks.filtered(lambda u: company in u.company_ids).sorted("id")[:1]

    def _archive_activity_vals(self, activity_type, user, summary=False, model=None):
        return {
            "res_model_id": self.env["ir.model"]._get_id(model or self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": summary or activity_type.summary,
            "user_id": user.id,
            "date_deadline": fields.Date.context_today(self),
        }
