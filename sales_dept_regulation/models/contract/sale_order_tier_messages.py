# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo import models


class SaleOrder(models.Model):
    """What OCA's tier engine writes on a sales order, said by this addon.

    Python strings are translated by the module of the file that holds them:
    written here, OCA's messages are Chinese from this addon's zh_CN.po, and
    stay so whatever an update of OCA's addons brings."""

    _inherit = "sale.order"

    def _add_tier_validation_buttons(self, node, params):
        # our buttons: Restart is for the managers only
        return etree.fromstring(
            self.env["ir.qweb"]._render(
                "sales_dept_regulation.contract_tier_validation_buttons", params
            )
        )

    def _add_tier_validation_label(self, node, params):
        return etree.fromstring(
            self.env["ir.qweb"]._render(
                "sales_dept_regulation.contract_tier_validation_label", params
            )
        )

    def _get_to_validate_message(self):
        icon = '<i class="fa fa-lg fa-info-circle"></i>'
        pending = self.review_ids.filtered(lambda r: r.status == "pending")[:1]
        if pending and pending.todo_by:
            return self.env._(
                "%(icon)s Waiting for the signature of %(todo_by)s",
                icon=icon,
                todo_by=pending.todo_by,
            )
        return self.env._("%(icon)s This order must be signed", icon=icon)

    def _get_validated_message(self):
        if self.validation_status != "validated":
            return ""
        return '<i class="fa fa-thumbs-up"></i> ' + self.env._("All signatures are given.")

    def _get_rejected_message(self):
        if self.validation_status != "rejected":
            return ""
        return '<i class="fa fa-thumbs-down"></i> ' + self.env._("The signature was refused.")

    def _compute_next_review(self):
        for order in self:
            review = order.review_ids.sorted("sequence").filtered(lambda r: r.status == "pending")[
                :1
            ]
            order.next_review = self.env._("Next: %s", review.name) if review else False

    def _notify_accepted_reviews_body(self):
        comment = self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        ).mapped("comment")[:1]
        if comment:
            return self.env._(
                "%(user)s signed. (%(comment)s)", user=self.env.user.name, comment=comment[0]
            )
        return self.env._("%s signed.", self.env.user.name)

    def _notify_rejected_review_body(self):
        comment = self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        ).mapped("comment")[:1]
        if comment:
            return self.env._(
                "%(user)s refused to sign. (%(comment)s)",
                user=self.env.user.name,
                comment=comment[0],
            )
        return self.env._("%s refused to sign.", self.env.user.name)

    def _notify_created_review_body(self):
        return self.env._("%s submitted the order for signature.", self.env.user.display_name)

    def _notify_requested_review_body(self, tier_reviews=None):
        if tier_reviews:
            requester = tier_reviews[:1].requested_by or self.env.user
            assignees = ", ".join(filter(None, tier_reviews.mapped("todo_by")))
            return self.env._(
                "Waiting for the signature of %(assignees)s, submitted by %(requester)s.",
                assignees=assignees or self.env._("the signer"),
                requester=requester.display_name,
            )
        return self.env._("%s submitted the order for signature.", self.env.user.display_name)

    def _notify_restarted_review_body(self):
        return self.env._("%s restarted the signatures.", self.env.user.name)

    def _add_comment(self, validate_reject, reviews):
        action = super()._add_comment(validate_reject, reviews)
        action["name"] = (
            self.env._("Sign") if validate_reject == "validate" else self.env._("Refuse to Sign")
        )
        return action
