# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..roles import DEPARTMENT_HEAD, SALES_CLERK
from ..values import check_rules_as_written, check_values, strip_defaults
from .archive_values import (
    check_archive_values,
    check_signature_image,
    field_labels,
    refused_create_fields,
)
from .sale_archive_approval import as_workflow, in_workflow
from .sale_archive_category import CONFIDENTIALITY

ACTIVE_STATES = ("requested", "approved", "signed_out", "overdue")
STATES = [
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("signed_out", "Signed Out"),
    ("overdue", "Overdue"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
]
# a loan's due date unless the borrower asks for another
DEFAULT_LOAN_DAYS = 7
CREATE_FIELDS = {"document_id", "borrower_id", "purpose", "due_date"}
# what may still change, by state, besides the chatter's own fields
BORROWER_FIELDS = {
    "requested": {"purpose", "due_date", "cancel_reason"},
    # what the approver approved stays as it was: the borrower only signs or cancels
    "approved": {"cancel_reason", "signature"},
}
CLERK_FIELDS = {
    "requested": {"purpose", "due_date", "cancel_reason"},
    "approved": {"purpose", "due_date", "cancel_reason", "signature"},
    "signed_out": {"due_date", "return_date", "return_condition", "return_note"},
    "overdue": {"due_date", "return_date", "return_condition", "return_note"},
}


class SaleArchiveLoan(models.Model):
    _name = "sale.archive.loan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sale.archive.approval"]
    _description = "Archive Loan"
    _order = "id desc"
    _rec_names_search = ["name", "document_id"]
    _check_company_auto = True

    _state_from = ["requested"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"

    name = fields.Char(string="Loan Number", readonly=True, copy=False, default="/")
    document_id = fields.Many2one(
        "sale.archive.document",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        check_company=True,
    )
    purpose = fields.Text(required=True)
    request_date = fields.Datetime(default=fields.Datetime.now, readonly=True)
    due_date = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=DEFAULT_LOAN_DAYS),
    )
    state = fields.Selection(
        STATES, default="requested", required=True, readonly=True, tracking=True, index=True
    )
    # the document's level, shown only to who may open the document: a
    # borrower does not learn the level of a paper she may not read
    confidentiality = fields.Selection(
        CONFIDENTIALITY,
        compute="_compute_confidentiality",
        search="_search_confidentiality",
        compute_sudo=False,
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True, index=True)
    archive_can_approve = fields.Boolean(
        string="Can Approve",
        compute="_compute_archive_can_approve",
        help="Whether the user approves this department-level request with Approve.",
    )
    # what the form lets the user edit, as the server's whitelists do
    archive_user_is_clerk = fields.Boolean(compute="_compute_archive_user_roles")
    archive_user_is_borrower = fields.Boolean(compute="_compute_archive_user_roles")
    signature = fields.Binary(copy=False, attachment=True)
    signed_out_date = fields.Datetime(readonly=True, tracking=True)
    handover_by_id = fields.Many2one("res.users", readonly=True, string="Handed Over By")
    return_date = fields.Date(tracking=True)
    return_condition = fields.Selection(
        [("good", "Good"), ("damaged", "Damaged"), ("incomplete", "Incomplete")],
        tracking=True,
    )
    return_note = fields.Text()
    returned_to_id = fields.Many2one("res.users", readonly=True)
    cancel_reason = fields.Text(tracking=True)
    reminder_sent = fields.Boolean(readonly=True, copy=False)

    _one_active_loan = models.UniqueIndex(
        "(document_id) WHERE state IN ('requested', 'approved', 'signed_out', 'overdue')",
        "This document is already requested or lent: one loan at a time.",
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("name", "document_id.title")
    @api.depends_context("uid")
    def _compute_display_name(self):
        # the loan's number and what is borrowed, the title only for who may
        # open the document (the document's own name says "restricted")
        documents = self.document_id
        readable = documents._archive_readable()
        for loan in self:
            document = loan.document_id
            what = document.title if document in readable else document.display_name
            loan.display_name = " ".join(part for part in (loan.name, what) if part)

    @api.depends("document_id.confidentiality")
    @api.depends_context("uid")
    def _compute_confidentiality(self):
        documents = self.document_id
        readable = documents if self.env.su else documents._archive_readable()
        for loan in self:
            document = loan.document_id
            loan.confidentiality = document in readable and document.sudo().confidentiality

    def _search_confidentiality(self, operator, value):
        # as the user, only the documents she may read match (the record rules
        # search as superuser, and see every level)
        return [("document_id", "any", [("confidentiality", operator, value)])]

    @api.depends("borrower_id")
    @api.depends_context("uid")
    def _compute_archive_user_roles(self):
        clerk = self._archive_is_clerk()
        for loan in self:
            loan.archive_user_is_clerk = clerk
            loan.archive_user_is_borrower = loan.borrower_id == self.env.user

    @api.depends("state", "borrower_id")
    @api.depends_context("uid")
    def _compute_archive_can_approve(self):
        for loan in self:
            loan.archive_can_approve = (
                loan.state == "requested"
                and loan.borrower_id
                and not loan.sudo().review_ids
                and self.env.user != loan.borrower_id
                and self.env.user.has_groups(loan._archive_approver_role())
            )

    def _archive_approver_role(self):
        """Who approves a department-level loan: the Sales Clerk; a Sales
        Clerk's own loan, the next level, the Department Head."""
        self.ensure_one()
        return DEPARTMENT_HEAD if self.borrower_id.has_groups(SALES_CLERK) else SALES_CLERK

    def _archive_requesters(self, review=None):
        # the borrower's request, whoever typed it in
        self.ensure_one()
        return self.sudo().borrower_id

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _archive_is_clerk(self):
        return self.env.su or self.env.user.has_groups(SALES_CLERK)

    @api.model
    def _archive_mail_fields(self):
        return self.env["sale.archive.document"]._archive_mail_fields()

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_archive_values(self, vals_list)
        if not in_workflow(self.env):
            for vals in vals_list:
                refused = refused_create_fields(
                    self, vals, CREATE_FIELDS | self._archive_mail_fields()
                )
                if refused:
                    raise UserError(
                        self.env._(
                            "These fields are set by the borrowing log itself: %(fields)s",
                            fields=field_labels(self, refused),
                        )
                    )
                borrower = vals.get("borrower_id")
                if borrower and borrower != self.env.uid and not self._archive_is_clerk():
                    raise AccessError(
                        self.env._("Only the Sales Clerk requests a loan for someone else.")
                    )
            self = strip_defaults(self, CREATE_FIELDS - {"borrower_id"})
        self._archive_check_request(vals_list)
        try:
            with self.env.cr.savepoint():
                loans = super().create(vals_list)
        except psycopg2.errors.UniqueViolation:
            raise ValidationError(
                self.env._("This document is already requested or lent: one loan at a time.")
            ) from None
        for loan in loans:
            as_workflow(loan).name = (
                self.env["ir.sequence"].sudo().next_by_code("sale.archive.loan")
            )
            loan._archive_request_approval()
        return loans

    def _archive_check_request(self, vals_list):
        """Refuse a request before anything is written."""
        today = fields.Date.context_today(self)
        for vals in vals_list:

            def value(name, vals=vals):
                return vals.get(name, self.env.context.get(f"default_{name}"))

            document_id = value("document_id")
            # a paper her clearance hides may be asked for by its number: its
            # state is read as superuser, and named as she sees it
            document = (
                self.env["sale.archive.document"]
                .browse(document_id if type(document_id) is int else [])
                .sudo()
            )
            if not document.exists() or (
                not self.env.su and document.company_id not in self.env.companies
            ):
                raise ValidationError(self.env._("Please choose the document to borrow."))
            if document.state not in ("filed", "on_loan"):
                raise UserError(
                    self.env._(
                        "%(document)s is destroyed or lost: it cannot be lent.",
                        document=document.display_name,
                    )
                )
            if document.sudo().review_ids:
                raise UserError(
                    self.env._(
                        "%(document)s awaits its destruction: it cannot be lent.",
                        document=document.display_name,
                    )
                )
            active = self.sudo().search_count(
                [("document_id", "=", document.id), ("state", "in", ACTIVE_STATES)], limit=1
            )
            if active:
                raise ValidationError(
                    self.env._("This document is already requested or lent: one loan at a time.")
                )
            purpose = value("purpose")
            if not isinstance(purpose, str) or not purpose.strip():
                raise ValidationError(self.env._("Please give the purpose of the loan."))
            try:
                due = fields.Date.to_date(value("due_date"))
            except (TypeError, ValueError):
                due = None
            if not due:
                raise ValidationError(self.env._("Please give a valid due date."))
            if due < today:
                raise ValidationError(self.env._("The due date cannot be before the sign-out."))

    def write(self, vals):
        check_values(self.env, [vals])
        check_archive_values(self, [vals])
        if not in_workflow(self.env):
            changed = set(vals) - self._archive_mail_fields()
            if changed:
                clerk = self._archive_is_clerk()
                for loan in self:
                    if clerk:
                        allowed = CLERK_FIELDS.get(loan.state, set())
                    elif loan.borrower_id == self.env.user:
                        allowed = BORROWER_FIELDS.get(loan.state, set())
                    else:
                        allowed = set()
                    refused = changed - allowed
                    if refused:
                        raise UserError(
                            self.env._(
                                "%(loan)s: these fields cannot change now: %(fields)s",
                                loan=loan.display_name,
                                fields=field_labels(self, refused),
                            )
                        )
        if "purpose" in vals and (
            not isinstance(vals["purpose"], str) or not vals["purpose"].strip()
        ):
            raise ValidationError(self.env._("Please give the purpose of the loan."))
        self._archive_check_dates(vals)
        if vals.get("signature"):
            check_signature_image(self.env, vals["signature"])
        res = super().write(vals)
        check_rules_as_written(self)
        return res

    def _archive_check_dates(self, vals):
        """The dates a write would give, checked before anything is written."""
        try:
            due = fields.Date.to_date(vals.get("due_date")) if vals.get("due_date") else None
            returned = (
                fields.Date.to_date(vals.get("return_date")) if vals.get("return_date") else None
            )
        except (TypeError, ValueError):
            raise ValidationError(self.env._("Please give a valid date.")) from None
        if "due_date" in vals and not due:
            raise ValidationError(self.env._("Please give a valid due date."))
        today = fields.Date.context_today(self)
        for loan in self:
            # a request or an approval is due after today: the document is not
            # out yet, so a past date would make it overdue on its sign-out
            if due and loan.state in ("requested", "approved") and due < today:
                raise ValidationError(self.env._("The due date cannot be in the past."))
            # the sign-out's day as the user counts days, as the dates they give
            start = (
                fields.Date.context_today(loan, loan.signed_out_date)
                if loan.signed_out_date
                else None
            )
            if due and start and due < start:
                raise ValidationError(self.env._("The due date cannot be before the sign-out."))
            if returned and (not start or returned < start):
                raise ValidationError(self.env._("A return cannot be before the sign-out."))

    def _unlink_never(self):
        raise UserError(self.env._("Loans are never deleted: cancel them with a reason."))
