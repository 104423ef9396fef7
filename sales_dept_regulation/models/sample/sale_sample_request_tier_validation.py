# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import UserError

from ..contract.tier_review import as_engine, is_engine


class SaleSampleRequest(models.Model):
    """OCA tier validation of the fee exception: reviews are created only by
    action_request_exception, and an approved exception waives the fee."""

    _inherit = "sale.sample.request"

    def request_validation(self):
        # reviews are created only by action_request_exception
        if not is_engine(self.env):
            raise UserError(self.env._("Ask for an exception with its reason instead."))
        return super(SaleSampleRequest, as_engine(self)).request_validation()

    def restart_validation(self):
        raise UserError(self.env._("Ask for an exception with its reason instead."))

    def _tier_validation_check_write_allowed(self, vals):
        # the request's own freeze (DRAFT_FIELDS, the action methods) governs
        return None

    def _compute_hide_reviews(self):
        for request in self:
            request.hide_reviews = not request.review_ids

    def validate_tier(self):
        self.ensure_one()
        self.check_access("read")
        if self.sudo().fee_order_id.state == "sale":
            # the customer has the confirmed fee order: waiving it now would
            # leave an order the request no longer charges
            raise UserError(
                self.env._(
                    "The fee order of %(request)s was confirmed meanwhile: cancel it "
                    "before the fee is waived.",
                    request=self.display_name,
                )
            )
        return super(SaleSampleRequest, as_engine(self)).validate_tier()

    def reject_tier(self):
        self.ensure_one()
        self.check_access("read")
        return super(SaleSampleRequest, as_engine(self)).reject_tier()

    def _validate_tier(self, tiers=False):
        res = super(SaleSampleRequest, as_engine(self))._validate_tier(tiers)
        money = self.sudo()
        if (
            money.validation_status == "validated"
            and money.exception_state == "requested"
            and money.state != "cancelled"
        ):
            money._sample_cancel_fee_order()
            money.write(
                {
                    "exception_state": "approved",
                    "waived_amount": money.waived_amount + money.charged_amount,
                    "charged_amount": 0.0,
                    "decision_note": self.env._("Waived by an approved exception."),
                }
            )
        return res

    def _rejected_tier(self, tiers=False):
        res = super(SaleSampleRequest, as_engine(self))._rejected_tier(tiers)
        money = self.sudo()
        if money.validation_status == "rejected" and money.exception_state == "requested":
            money.write({"exception_state": "refused"})
        return res
