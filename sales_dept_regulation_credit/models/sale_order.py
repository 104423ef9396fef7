# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.sales_dept_regulation.models import roles

from .sale_credit_assessment import CREDIT_RATINGS
from .sale_credit_exception import CREDIT_PROBLEMS, EXCEPTION_STATES


class SaleOrder(models.Model):
    """Credit before the contract (000 §合同管理 资信调查在先): a contract is
    submitted for signatures only with a valid credit assessment of its customer
    and within the credit limit (OCA's financial risk), or with the General
    Manager's approved exception. The contract administrator's review (001),
    when the company switched it on, comes before the Department Head's."""

    _inherit = "sale.order"

    # what the signers see of the customer's credit; computed for contracts only
    sdr_credit_rating = fields.Selection(
        CREDIT_RATINGS,
        string="Credit Rating",
        compute="_compute_sdr_credit",
        groups=roles.SCOPE_OWN,
    )
    sdr_credit_limit = fields.Monetary(
        string="Credit Limit",
        compute="_compute_sdr_credit",
        currency_field="sdr_company_currency_id",
        groups=roles.SCOPE_OWN,
    )
    sdr_credit_valid_until = fields.Date(
        string="Credit Assessment Valid Until",
        compute="_compute_sdr_credit",
        groups=roles.SCOPE_OWN,
    )
    sdr_credit_risk_total = fields.Monetary(
        string="Current Credit Risk",
        compute="_compute_sdr_credit",
        currency_field="sdr_company_currency_id",
        groups=roles.SCOPE_OWN,
        help="The customer's risk by OCA's financial risk: open and overdue invoices and "
        "confirmed orders not invoiced yet, this order not included.",
    )
    sdr_credit_problem = fields.Selection(
        CREDIT_PROBLEMS,
        string="Credit Problem",
        compute="_compute_sdr_credit",
        groups=roles.SCOPE_OWN,
    )
    sdr_credit_exception_state = fields.Selection(
        EXCEPTION_STATES,
        string="Credit Exception",
        compute="_compute_sdr_credit",
        groups=roles.SCOPE_OWN,
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends(
        "sdr_approval_kind", "partner_id", "partner_invoice_id", "amount_total", "company_id"
    )
    @api.depends_context("tz")
    def _compute_sdr_credit(self):
        contracts = self.filtered(lambda order: order.sdr_approval_kind == "contract")
        (self - contracts).update(
            {
                "sdr_credit_rating": False,
                "sdr_credit_limit": 0.0,
                "sdr_credit_valid_until": False,
                "sdr_credit_risk_total": 0.0,
                "sdr_credit_problem": False,
                "sdr_credit_exception_state": False,
            }
        )
        for order in contracts:
            assessment = order._credit_assessment()
            partner = order._credit_partner()
            exception = order._credit_exceptions()[:1]
            order.sdr_credit_rating = assessment.rating
            order.sdr_credit_limit = assessment.credit_limit
            order.sdr_credit_valid_until = assessment.valid_until
            order.sdr_credit_risk_total = partner.risk_currency_id._convert(
                partner.risk_total,
                order.company_id.currency_id,
                order.company_id,
                fields.Date.context_today(order),
            )
            order.sdr_credit_problem = order._credit_problem(assessment, partner)
            order.sdr_credit_exception_state = exception.state

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def request_validation(self):
        for order in self:
            order._credit_check_submission()
        return super().request_validation()

    def action_confirm(self):
        # the General Manager's exception covers OCA's own check at confirmation
        # (the last signature confirms the contract, see _contract_take_effect)
        excepted = self.filtered(lambda order: order._credit_exception_covers())
        if excepted and excepted == self:
            return super(SaleOrder, self.with_context(bypass_risk=True)).action_confirm()
        return super().action_confirm()

    def action_sdr_credit_exception(self):
        """Ask the General Manager for an exception to the credit check."""
        self.ensure_one()
        self.check_access("write")
        problem = self._credit_problem()
        if not problem:
            raise UserError(
                self.env._(
                    "The customer's credit allows %(order)s: no exception is needed.",
                    order=self.display_name,
                )
            )
        if self._credit_exceptions().filtered(lambda e: e.state == "requested"):
            raise UserError(
                self.env._(
                    "A credit exception for %(order)s is waiting for the General Manager.",
                    order=self.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ask for a Credit Exception"),
            "res_model": "sale.credit.exception.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _credit_partner(self):
        """The customer whose credit the order uses (OCA's risk partner)."""
        self.ensure_one()
        partner = self.partner_invoice_id or self.partner_id
        return partner.commercial_partner_id.sudo().with_company(self.company_id)

    def _credit_assessment(self):
        """The customer's current credit assessment in the order's company."""
        self.ensure_one()
        return (
            self.env["sale.credit.assessment"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self._credit_partner().id),
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "approved"),
                ],
                limit=1,
            )
        )

    def _credit_exceptions(self):
        self.ensure_one()
        if not self.id:
            return self.env["sale.credit.exception"].sudo()
        return self.env["sale.credit.exception"].sudo().search([("order_id", "=", self.id)])

    def _credit_problem(self, assessment=None, partner=None):
        """Why the customer's credit stops the contract, or False."""
        self.ensure_one()
        if self.sdr_approval_kind != "contract" or not self.company_id.sdr_credit_required:
            return False
        assessment = self._credit_assessment() if assessment is None else assessment
        if not assessment:
            return "missing"
        if assessment.valid_until < fields.Date.context_today(self):
            return "expired"
        partner = self._credit_partner() if partner is None else partner
        # an amendment of a confirmed order is in OCA's risk already
        amount = 0.0 if self.state == "sale" else self.amount_total
        risk_amount = self.currency_id._convert(
            amount,
            partner.risk_currency_id,
            self.company_id,
            fields.Date.context_today(self),
            round=False,
        )
        if partner.risk_exception or (
            float_compare(
                partner.risk_total + risk_amount,
                partner.credit_limit,
                precision_rounding=partner.risk_currency_id.rounding,
            )
            > 0
        ):
            return "over_limit"
        return False

    def _credit_exception_covers(self):
        """Whether an approved exception covers the order at its amount."""
        self.ensure_one()
        return any(
            exception.state == "approved"
            and float_compare(
                exception.amount_total,
                self.amount_total,
                precision_rounding=self.currency_id.rounding,
            )
            >= 0
            for exception in self._credit_exceptions()
        )

    def _credit_check_submission(self):
        """A contract is submitted for signatures only when the customer's credit
        allows it, or the General Manager's exception covers it."""
        self.ensure_one()
        problem = self._credit_problem()
        if not problem or self._credit_exception_covers():
            return
        partner = self._credit_partner()
        messages = {
            "missing": self.env._(
                "%(customer)s has no approved credit assessment: the contract %(order)s "
                "cannot be submitted for signatures.",
                customer=partner.name,
                order=self.display_name,
            ),
            "expired": self.env._(
                "The credit assessment of %(customer)s has expired: the contract %(order)s "
                "cannot be submitted for signatures.",
                customer=partner.name,
                order=self.display_name,
            ),
            "over_limit": self.env._(
                "The contract %(order)s would take %(customer)s over its credit limit: it "
                "cannot be submitted for signatures.",
                customer=partner.name,
                order=self.display_name,
            ),
        }
        raise UserError(
            messages[problem]
            + "\n"
            + self.env._(
                "Have the customer's credit assessed, or ask the General Manager for an "
                "exception (Ask for a Credit Exception)."
            )
        )
