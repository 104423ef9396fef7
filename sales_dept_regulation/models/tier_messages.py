# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""What OCA's tier engine writes on the addon's own requests (sample fee
exceptions, loans, destructions), in the addon's words.

Python strings are translated by the module of the file that holds them: OCA's
messages ("Pending validation by …", "Operation has been validated!") come from
base_tier_validation, whose zh_CN lacks them, so a Chinese user read English.
Written here they are translated by this addon's zh_CN.po. Contracts say
"sign" instead (models/contract/sale_order_tier_messages.py); a company's own
tiers on other models keep OCA's words."""

from odoo import models

from .contract.sale_order_tier_messages import reviewer_comment
from .engine_visibility import REVIEWED_MODELS


class TierApprovalMessages:
    """The first base of each model of REVIEWED_MODELS below: their every review
    is the addon's, so each method answers for all their records. A plain class,
    not a mixin model: the registry puts a mixin model's methods after
    tier.validation's, which they replace."""

    __slots__ = ()  # the layout of Odoo's records, which have slots

    def _get_to_validate_message(self):
        icon = '<i class="fa fa-lg fa-info-circle"></i>'
        pending = self.review_ids.filtered(lambda r: r.status == "pending")[:1]
        if pending and pending.todo_by:
            return self.env._(
                "%(icon)s Waiting for the approval of %(todo_by)s",
                icon=icon,
                todo_by=pending.todo_by,
            )
        return self.env._("%(icon)s This request must be approved", icon=icon)

    def _get_validated_message(self):
        if self.validation_status != "validated":
            return ""
        return '<i class="fa fa-thumbs-up"></i> ' + self.env._("Approved.")

    def _get_rejected_message(self):
        if self.validation_status != "rejected":
            return ""
        return '<i class="fa fa-thumbs-down"></i> ' + self.env._("Refused.")

    def _notify_accepted_reviews_body(self):
        comment = reviewer_comment(self)
        if comment:
            return self.env._(
                "%(user)s approved. (%(comment)s)", user=self.env.user.name, comment=comment
            )
        return self.env._("%s approved.", self.env.user.name)

    def _notify_rejected_review_body(self):
        comment = reviewer_comment(self)
        if comment:
            return self.env._(
                "%(user)s refused. (%(comment)s)", user=self.env.user.name, comment=comment
            )
        return self.env._("%s refused.", self.env.user.name)

    def _notify_created_review_body(self):
        return self.env._("%s asked for approval.", self.env.user.display_name)

    def _notify_requested_review_body(self, tier_reviews=None):
        if tier_reviews:
            requester = tier_reviews[:1].requested_by or self.env.user
            assignees = ", ".join(filter(None, tier_reviews.mapped("todo_by")))
            return self.env._(
                "Waiting for the approval of %(assignees)s, asked by %(requester)s.",
                assignees=assignees or self.env._("the approver"),
                requester=requester.display_name,
            )
        return self.env._("%s asked for approval.", self.env.user.display_name)

    def _notify_restarted_review_body(self):
        return self.env._("%s restarted the approval.", self.env.user.name)


class SaleSampleRequest(TierApprovalMessages, models.Model):
    _inherit = "sale.sample.request"


class SaleArchiveLoan(TierApprovalMessages, models.Model):
    _inherit = "sale.archive.loan"


class SaleArchiveDocument(TierApprovalMessages, models.Model):
    _inherit = "sale.archive.document"


class SalePlan(TierApprovalMessages, models.Model):
    _inherit = "sale.plan"


assert {
    model._inherit[0]
    for model in (
        SaleSampleRequest,
        SaleArchiveLoan,
        SaleArchiveDocument,
        SalePlan,
    )
} == set(REVIEWED_MODELS), "every model of REVIEWED_MODELS speaks the addon's words"
