# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.sales_dept_regulation.models import roles
from odoo.addons.sales_dept_regulation.models.contract.tier_review import is_engine
from odoo.addons.sales_dept_regulation.models.values import check_values

CREDIT_RATINGS = [
    ("a", "A (Excellent)"),
    ("b", "B (Good)"),
    ("c", "C (Fair)"),
    ("d", "D (Poor: cash only)"),
]
ASSESSMENT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Current"),
    ("superseded", "Superseded"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]
# who investigates a customer's credit (000 §合同管理, 003 §客户管理2)
ASSESSORS = f"{roles.SALES_CLERK},{roles.MANAGERS}"
# what the assessor fills in; everything else moves through the action_* methods
DRAFT_FIELDS = {"partner_id", "company_id", "rating", "credit_limit", "note", "attachment_ids"}
# the approver's reason of a refusal, the assessor's of a cancellation
DECISION_FIELDS = {"decision_note"}
FREE_FIELDS = {
    "message_follower_ids",
    "message_main_attachment_id",
    "activity_ids",
}
ENGINE_FIELDS = {
    "state",
    "assessed_by_id",
    "assessed_on",
    "approved_by_id",
    "approved_on",
    "valid_until",
}


class SaleCreditAssessment(models.Model):
    """A credit investigation of a customer (commercial partner) in a company:
    the rating and the credit limit approved, for a number of months. The
    approved one is the current one; it sets the partner's credit limit of OCA's
    account_financial_risk, which computes the risk."""

    _name = "sale.credit.assessment"
    _description = "Credit Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "assessed_on desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('parent_id', '=', False)]",
        check_company=True,
    )
    salesperson_id = fields.Many2one(
        related="partner_id.user_id",
        string="Salesperson",
        store=True,
        index=True,
        help="The customer's salesperson.",
    )
    rating = fields.Selection(CREDIT_RATINGS, string="Credit Rating", required=True, tracking=True)
    credit_limit = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="The most the customer may owe the company (open invoices and confirmed, "
        "uninvoiced orders) once approved.",
    )
    note = fields.Text(
        string="Investigation", help="What was investigated, with whom, and the findings."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Documents",
        help="Business licence, bank references, financial statements…",
    )
    state = fields.Selection(
        ASSESSMENT_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    assessed_by_id = fields.Many2one("res.users", readonly=True)
    assessed_on = fields.Date(readonly=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approved_on = fields.Date(readonly=True)
    valid_until = fields.Date(readonly=True, tracking=True)
    decision_note = fields.Text(string="Reason", tracking=True)
    is_expired = fields.Boolean(
        string="Expired", compute="_compute_is_expired", search="_search_is_expired"
    )

    _credit_limit_not_negative = models.Constraint(
        "CHECK(credit_limit >= 0)", "The credit limit cannot be negative."
    )
    _one_current_assessment = models.UniqueIndex(
        "(partner_id, company_id) WHERE state = 'approved'",
        "A customer has one current credit assessment per company.",
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("partner_id", "rating", "assessed_on")
    def _compute_display_name(self):
        ratings = dict(self._fields["rating"]._description_selection(self.env))
        for assessment in self:
            parts = [assessment.partner_id.name or "", ratings.get(assessment.rating, "")]
            if assessment.assessed_on:
                parts.append(fields.Date.to_string(assessment.assessed_on))
            assessment.display_name = " · ".join(part for part in parts if part)

    @api.depends("valid_until")
    @api.depends_context("tz")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for assessment in self:
            assessment.is_expired = bool(assessment.valid_until and assessment.valid_until < today)

    def _search_is_expired(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        expired = Domain("valid_until", "<", fields.Date.context_today(self))
        return expired if (operator == "in") == (True in value) else ~expired

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not is_engine(self.env):
            check_values(self.env, vals_list)
            for vals in vals_list:
                self._check_user_values(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not is_engine(self.env) and isinstance(vals, dict):
            self._check_user_values(vals)
            editable = {
                "draft": DRAFT_FIELDS | DECISION_FIELDS,
                "submitted": DECISION_FIELDS,
            }
            changed = set(vals) - FREE_FIELDS
            for assessment in self:
                frozen = changed - editable.get(assessment.state, set())
                if frozen:
                    raise UserError(
                        self.env._(
                            "%(assessment)s is no longer a draft: %(fields)s cannot change. "
                            "Make a new assessment instead.",
                            assessment=assessment.display_name,
                            fields=self._field_labels(frozen),
                        )
                    )
        return super().write(vals)

    def _check_user_values(self, vals, creating=False):
        """A user's values: never the workflow's fields (a new record's defaults
        excepted, which a form sends)."""
        engine = set(vals) & ENGINE_FIELDS
        if creating:
            engine = {
                name
                for name in engine
                if not (name == "state" and vals[name] == "draft") and vals[name]
            }
        if engine:
            raise UserError(
                self.env._(
                    "%(fields)s of a credit assessment change only through its buttons "
                    "(Submit, Approve, Refuse).",
                    fields=self._field_labels(engine),
                )
            )

    def _field_labels(self, names):
        labels = self.fields_get(sorted(names), ["string"])
        return "、".join(labels[name]["string"] for name in sorted(names))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(assessment.state != "draft" for assessment in self):
            raise UserError(
                self.env._(
                    "Only a draft credit assessment can be deleted: cancel it with a reason "
                    "instead."
                )
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        """The assessor signs the investigation and asks for its approval."""
        self._check_role(ASSESSORS, self.env._("Only a sales clerk or a manager assesses credit."))
        for assessment in self:
            if assessment.state != "draft":
                raise UserError(
                    self.env._("%(name)s is not a draft.", name=assessment.display_name)
                )
            if assessment.partner_id.parent_id:
                raise UserError(
                    self.env._(
                        "Assess the company %(company)s, not its contact.",
                        company=assessment.partner_id.commercial_partner_id.name,
                    )
                )
        self.sudo().write(
            {
                "state": "submitted",
                "assessed_by_id": self.env.uid,
                "assessed_on": fields.Date.context_today(self),
            }
        )
        return True

    def action_approve(self):
        """A manager approves the assessment of someone else: it becomes the
        customer's current one, and its limit the customer's credit limit."""
        self._check_role(
            roles.MANAGERS,
            self.env._(
                "Only the Department Head or a General Manager approves a credit assessment."
            ),
        )
        today = fields.Date.context_today(self)
        for assessment in self:
            if assessment.state != "submitted":
                raise UserError(
                    self.env._("%(name)s is not submitted.", name=assessment.display_name)
                )
            if assessment.sudo().assessed_by_id == self.env.user:
                raise UserError(
                    self.env._(
                        "You assessed %(name)s yourself: another manager approves it.",
                        name=assessment.display_name,
                    )
                )
            engine = assessment.sudo()
            previous = engine.search(
                [
                    ("partner_id", "=", engine.partner_id.id),
                    ("company_id", "=", engine.company_id.id),
                    ("state", "=", "approved"),
                ]
            )
            previous.write({"state": "superseded"})
            engine.write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.uid,
                    "approved_on": today,
                    "valid_until": today
                    + relativedelta(months=engine.company_id.sdr_credit_validity_months),
                }
            )
            engine._apply_credit_limit()
        return True

    def action_refuse(self):
        self._check_role(
            roles.MANAGERS,
            self.env._(
                "Only the Department Head or a General Manager refuses a credit assessment."
            ),
        )
        self._check_decision_note()
        for assessment in self:
            if assessment.state != "submitted":
                raise UserError(
                    self.env._("%(name)s is not submitted.", name=assessment.display_name)
                )
        self.sudo().write({"state": "refused"})
        return True

    def action_cancel(self):
        self._check_role(ASSESSORS, self.env._("Only a sales clerk or a manager assesses credit."))
        self._check_decision_note()
        for assessment in self:
            if assessment.state not in ("draft", "submitted"):
                raise UserError(
                    self.env._(
                        "%(name)s was decided: make a new assessment instead.",
                        name=assessment.display_name,
                    )
                )
        self.sudo().write({"state": "cancel"})
        return True

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _check_role(self, groups, message):
        if not self.env.user.has_groups(groups):
            raise UserError(message)

    def _check_decision_note(self):
        for assessment in self:
            if not (assessment.decision_note or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason first (field %(field)s) on %(name)s.",
                        field=self._fields["decision_note"]._description_string(self.env),
                        name=assessment.display_name,
                    )
                )

    def _apply_credit_limit(self):
        """The approved limit is the customer's credit limit of OCA's financial
        risk in the assessment's company; the risk counts the open and overdue
        invoices and the confirmed, uninvoiced orders."""
        for assessment in self:
            partner = assessment.partner_id.commercial_partner_id.sudo().with_company(
                assessment.company_id
            )
            partner.write(
                {
                    "credit_limit": assessment.company_id.currency_id._convert(
                        assessment.credit_limit,
                        partner.risk_currency_id or assessment.company_id.currency_id,
                        assessment.company_id,
                        assessment.approved_on,
                    ),
                    "risk_invoice_open_include": True,
                    "risk_invoice_unpaid_include": True,
                    "risk_sale_order_include": True,
                }
            )
