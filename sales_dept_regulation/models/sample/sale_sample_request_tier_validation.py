# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from .. import roles
from ..contract.tier_review import as_engine, is_engine

# the levels that decide fee exceptions, lowest first: whoever asks at one
# level is decided by the levels above
DECIDING_LEVELS = (
    roles.DEPARTMENT_HEAD,
    roles.DEPUTY_GENERAL_MANAGER,
    roles.GENERAL_MANAGER,
)


class SaleSampleRequest(models.Model):
    """OCA tier validation of the fee exception: reviews are created only by
    action_request_exception, and an approved exception waives the fee."""

    _inherit = "sale.sample.request"

    # the reviews come from Ask for an Exception, and nothing restarts them
    _sdr_hidden_tier_buttons = ("request_validation", "restart_validation")

    def request_validation(self):
        # reviews are created only by action_request_exception
        if not is_engine(self.env):
            raise UserError(self.env._("Ask for an exception with its reason instead."))
        return super(SaleSampleRequest, as_engine(self)).request_validation()

    def restart_validation(self):
        # a refused exception is asked again with a new reason (Ask for an
        # Exception), an approved one has waived the fee: nothing restarts
        raise UserError(self.env._("Ask for an exception with its reason instead."))

    # ------------------------------------------------------------
    # FOUR EYES
    # ------------------------------------------------------------

    def _sample_exception_requesters(self):
        """Who may not decide the request's exception: whoever asked for it and
        the request's salesperson."""
        self.ensure_one()
        money = self.sudo()
        return money.review_ids.requested_by | money.user_id

    def _sample_next_level(self, requesters):
        """The users of the levels above the highest level ``requesters`` hold,
        in the request's company (none above a General Manager)."""
        self.ensure_one()
        held = [
            index
            for index, level in enumerate(DECIDING_LEVELS)
            if any(user.has_group(level) for user in requesters)
        ]
        above = DECIDING_LEVELS[max(held) + 1 :] if held else ()
        users = self.env["res.users"].sudo()
        for level in above:
            users |= self.env.ref(level).sudo().all_user_ids
        return users.filtered(lambda u: self.company_id in u.company_ids)

    def _check_can_decide(self):
        """Nobody decides a fee exception of their own (hr_expense's
        _check_can_approve): the next level does, whatever route is taken."""
        for request in self:
            if self.env.user in request._sample_exception_requesters():
                raise UserError(
                    self.env._(
                        "The fee exception of %(request)s is your own: the next level decides it.",
                        request=request.display_name,
                    )
                )

    def _compute_next_review(self):
        # OCA's words, said by this addon (translated by its zh_CN.po)
        for request in self:
            review = request.review_ids.sorted("sequence").filtered(
                lambda r: r.status == "pending"
            )[:1]
            request.next_review = self.env._("Next: %s", review.name) if review else False

    def _compute_hide_reviews(self):
        for request in self:
            request.hide_reviews = not request.review_ids

    def validate_tier(self):
        self.ensure_one()
        self.check_access("read")
        self._check_can_decide()
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
        self._check_can_decide()
        return super(SaleSampleRequest, as_engine(self)).reject_tier()

    def _validate_tier(self, tiers=False):
        # also reached from OCA's comment wizard, past validate_tier
        self._check_can_decide()
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
                    "decision_note": self.env._(
                        "Waived in full by an approved exception: %(fee)s.",
                        fee=format_amount(self.env, money.fee_amount, money.currency_id),
                    ),
                }
            )
        return res

    def _rejected_tier(self, tiers=False):
        self._check_can_decide()
        res = super(SaleSampleRequest, as_engine(self))._rejected_tier(tiers)
        money = self.sudo()
        if money.validation_status == "rejected" and money.exception_state == "requested":
            money.write({"exception_state": "refused"})
        return res
