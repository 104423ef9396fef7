# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .sale_archive_approval import as_workflow

CHUNK = 1000


class SaleArchiveLoan(models.Model):
    """The borrowing log's workflow and nightly job."""

    _inherit = "sale.archive.loan"

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _archive_check_clerk(self):
        if not self._archive_is_clerk():
            raise AccessError(self.env._("Only the Sales Clerk manages the borrowing log."))

    def _archive_check_state(self, states, message):
        for loan in self:
            if loan.state not in states:
                raise UserError(message % {"loan": loan.display_name})

    def action_approve(self):
        """The clerk approves a department-level loan; confidential and secret
        ones are approved through their tier reviews."""
        self._archive_check_state(["requested"], self.env._("%(loan)s is not a pending request."))
        for loan in self:
            if not (self.env.su or self.env.user.has_groups(loan._archive_approver_role())):
                raise AccessError(
                    self.env._(
                        "Only the Sales Clerk approves a department-level loan; a Sales Clerk's "
                        "own loan is approved by the Department Head."
                    )
                )
        self._check_can_decide()
        for loan in self:
            if loan.review_ids and loan.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(loan)s needs the approval of %(tier)s.",
                        loan=loan.display_name,
                        tier=", ".join(loan.review_ids.mapped("name")),
                    )
                )
        self._archive_approved()
        return True

    def _archive_approved(self):
        """The document is in the borrower's hands from the approval on: the
        record rules let the borrower see it until it is back."""
        for loan in self:
            as_workflow(loan).state = "approved"
            as_workflow(loan.document_id).holder_id = loan.borrower_id

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        if self.validation_status == "validated" and self.state == "requested":
            self._archive_approved()
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Loan approved: sign it out"),
                user_id=(self.document_id._archive_clerk() or self.env.user).id,
            )
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.validation_status == "rejected" and self.state == "requested":
            as_workflow(self).write(
                {"state": "cancelled", "cancel_reason": self.env._("The approval was refused.")}
            )
        return res

    def action_sign_out(self):
        """The clerk hands the document over against the borrower's signature."""
        self._archive_check_clerk()
        self._archive_check_state(["approved"], self.env._("%(loan)s is not approved."))
        now = fields.Datetime.now()
        for loan in self:
            if not loan.signature:
                raise UserError(
                    self.env._(
                        "The borrower must sign %(loan)s before the handover.",
                        loan=loan.display_name,
                    )
                )
            if loan.document_id.state != "filed":
                raise UserError(
                    self.env._(
                        "%(document)s is not in the archive to hand over.",
                        document=loan.document_id.display_name,
                    )
                )
            if loan.due_date < fields.Date.context_today(loan, now):
                raise ValidationError(self.env._("The due date cannot be before the sign-out."))
        as_workflow(self).write(
            {"state": "signed_out", "signed_out_date": now, "handover_by_id": self.env.uid}
        )
        as_workflow(self.document_id).state = "on_loan"
        return True

    def action_open_return(self):
        """The return dialog: the date, the condition (required) and a note,
        then Record Return."""
        self._archive_check_clerk()
        self._archive_check_state(
            ["signed_out", "overdue"], self.env._("%(loan)s is not signed out.")
        )
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Return"),
            "res_model": self._name,
            "res_id": self.id,
            "views": [
                (
                    self.env.ref("sales_dept_regulation.sale_archive_loan_view_form_return").id,
                    "form",
                )
            ],
            "target": "new",
        }

    def action_return(self):
        """The clerk takes the document back, with the date and its condition."""
        self._archive_check_clerk()
        self._archive_check_state(
            ["signed_out", "overdue"], self.env._("%(loan)s is not signed out.")
        )
        for loan in self:
            if not loan.return_condition:
                raise UserError(
                    self.env._(
                        "Record the condition of the returned document of %(loan)s.",
                        loan=loan.display_name,
                    )
                )
        for loan in self:
            vals = {"state": "returned", "returned_to_id": self.env.uid}
            if not loan.return_date:
                vals["return_date"] = fields.Date.context_today(self)
            as_workflow(loan).write(vals)
        as_workflow(self.document_id).write({"state": "filed", "holder_id": False})
        self.sudo().activity_unlink(
            ["sales_dept_regulation.mail_activity_type_archive_overdue"], only_automated=False
        )
        return True

    def action_cancel(self):
        for loan in self:
            if not (self._archive_is_clerk() or loan.borrower_id == self.env.user):
                raise AccessError(
                    self.env._("Only the borrower or the Sales Clerk cancels a loan.")
                )
            if not (loan.cancel_reason or "").strip():
                raise UserError(self.env._("Please give the reason of the cancellation."))
        self._archive_check_state(
            ["requested", "approved"], self.env._("%(loan)s is already signed out or closed.")
        )
        as_workflow(self).state = "cancelled"
        as_workflow(self.document_id).holder_id = False
        self._archive_clear_reviews()
        return True

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_overdue(self, chunk=CHUNK):
        """Mark the loans past due overdue, with one activity each for the
        borrower and the clerk, and remind borrowers before the due date.
        A loan is taken once (signed_out -> overdue): a second run adds nothing."""
        today = fields.Date.context_today(self)
        loans = self.sudo()
        activity_type = self.env.ref("sales_dept_regulation.mail_activity_type_archive_overdue")
        model_id = self.env["ir.model"]._get_id(self._name)
        clerks = {}
        while True:
            batch = loans.search(
                [("state", "=", "signed_out"), ("due_date", "<", today)], limit=chunk, order="id"
            )
            if not batch:
                break
            batch.fetch(["borrower_id", "company_id", "name", "due_date"])
            vals_list = []
            for loan in batch:
                clerk = clerks.get(loan.company_id)
                if clerk is None:
                    clerk = clerks[loan.company_id] = loan.document_id._archive_clerk()
                for user in {loan.borrower_id, clerk} - {False}:
                    if not user:
                        continue
                    vals_list.append(
                        {
                            "res_model_id": model_id,
                            "res_id": loan.id,
                            "activity_type_id": activity_type.id,
                            "summary": self.env._(
                                "%(loan)s was due on %(date)s", loan=loan.name, date=loan.due_date
                            ),
                            "user_id": user.id,
                            "date_deadline": today,
                        }
                    )
            as_workflow(batch).write({"state": "overdue"})
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
                vals_list
            )
            self.env.flush_all()
            self.env.invalidate_all()
        self._archive_remind(today)

    @api.model
    def _archive_remind(self, today, chunk=CHUNK):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        pending = self.sudo()._read_group(
            [("state", "=", "signed_out"), ("reminder_sent", "=", False)], ["company_id"]
        )
        for (company,) in pending:
            due = today + timedelta(days=company.archive_loan_reminder_days)
            while True:
                loans = self.sudo().search(
                    [
                        ("state", "=", "signed_out"),
                        ("company_id", "=", company.id),
                        ("due_date", "<=", due),
                        ("reminder_sent", "=", False),
                    ],
                    limit=chunk,
                    order="id",
                )
                if not loans:
                    break
                vals_list = [
                    {
                        "res_model_id": model_id,
                        "res_id": loan.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._(
                            "Return %(loan)s by %(date)s", loan=loan.name, date=loan.due_date
                        ),
                        "user_id": loan.borrower_id.id,
                        "date_deadline": loan.due_date,
                    }
                    for loan in loans
                ]
                as_workflow(loans).write({"reminder_sent": True})
                self.env["mail.activity"].sudo().with_context(
                    mail_activity_quick_update=True
                ).create(vals_list)
                self.env.flush_all()
                self.env.invalidate_all()
