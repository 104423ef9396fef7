# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo import api, fields, models


def reviewer_comment(record):
    """The comment the current user left on a review of ``record``, or ""."""
    comments = record.review_ids.filtered(
        lambda r: record.env.user in r.reviewer_ids and r.comment
    ).mapped("comment")
    return comments[0] if comments else ""


class SaleOrder(models.Model):
    """What OCA's tier engine shows and writes on a sales order the regulations
    sign, said by this addon. An order under a company's own tiers only keeps
    OCA's words, buttons and dialog.

    Python strings are translated by the module of the file that holds them:
    written here, the signing messages are Chinese from this addon's zh_CN.po,
    and stay so whatever an update of OCA's addons brings."""

    _inherit = "sale.order"

    sdr_signing = fields.Boolean(
        string="Signed under the Regulations",
        compute="_compute_sdr_signing",
        help="The order's reviews are the regulations' signatures (or, before "
        "submission, a rule of the regulations applies to it).",
    )

    @api.depends("sdr_approval_kind", "review_ids.definition_id.sdr_applies_to")
    def _compute_sdr_signing(self):
        for order in self:
            reviews = order.sudo().review_ids
            if reviews:
                order.sdr_signing = bool(reviews.definition_id.filtered("sdr_applies_to"))
            else:
                order.sdr_signing = bool(order.sdr_approval_kind)

    # ------------------------------------------------------------
    # THE FORM: OCA's snippets, extended for the regulations' signing
    # ------------------------------------------------------------

    # OCA's templates with this addon's additions (primary QWeb templates that
    # inherit OCA's, and so whatever other modules add to OCA's): each element
    # of OCA shows on the orders the regulations do not sign, its counterpart
    # on those they sign.
    def _add_tier_validation_buttons(self, node, params):
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

    # ------------------------------------------------------------
    # MESSAGES: the regulations' words on the orders they sign
    # ------------------------------------------------------------

    def _get_to_validate_message(self):
        if not self.sdr_signing:
            return super()._get_to_validate_message()
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
        if not self.sdr_signing:
            return super()._get_validated_message()
        if self.validation_status != "validated":
            return ""
        return '<i class="fa fa-thumbs-up"></i> ' + self.env._("All signatures are given.")

    def _get_rejected_message(self):
        if not self.sdr_signing:
            return super()._get_rejected_message()
        if self.validation_status != "rejected":
            return ""
        return '<i class="fa fa-thumbs-down"></i> ' + self.env._("The signature was refused.")

    def _compute_next_review(self):
        signing = self.filtered("sdr_signing")
        for order in signing:
            review = order.review_ids.sorted("sequence").filtered(lambda r: r.status == "pending")[
                :1
            ]
            order.next_review = self.env._("Next: %s", review.name) if review else False
        return super(SaleOrder, self - signing)._compute_next_review()

    def _notify_accepted_reviews_body(self):
        if not self.sdr_signing:
            return super()._notify_accepted_reviews_body()
        comment = reviewer_comment(self)
        if comment:
            return self.env._(
                "%(user)s signed. (%(comment)s)", user=self.env.user.name, comment=comment
            )
        return self.env._("%s signed.", self.env.user.name)

    def _notify_rejected_review_body(self):
        if not self.sdr_signing:
            return super()._notify_rejected_review_body()
        comment = reviewer_comment(self)
        if comment:
            return self.env._(
                "%(user)s refused to sign. (%(comment)s)",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("%s refused to sign.", self.env.user.name)

    def _notify_created_review_body(self):
        if not self.sdr_signing:
            return super()._notify_created_review_body()
        return self.env._("%s submitted the order for signature.", self.env.user.display_name)

    def _notify_requested_review_body(self, tier_reviews=None):
        if not self.sdr_signing:
            return super()._notify_requested_review_body(tier_reviews)
        if tier_reviews:
            requester = tier_reviews[:1].requested_by or self.env.user
            assignees = ", ".join(filter(None, tier_reviews.mapped("todo_by")))
            if self.review_ids.filtered(lambda r: r.status == "approved"):
                # a later step: the line before it says who just signed
                return self.env._(
                    "Now waiting for the signature of %(assignees)s.",
                    assignees=assignees or self.env._("the signer"),
                )
            return self.env._(
                "Waiting for the signature of %(assignees)s, submitted by %(requester)s.",
                assignees=assignees or self.env._("the signer"),
                requester=requester.display_name,
            )
        return self.env._("%s submitted the order for signature.", self.env.user.display_name)

    def _notify_restarted_review_body(self):
        if not self.sdr_signing:
            return super()._notify_restarted_review_body()
        return self.env._("%s restarted the signatures.", self.env.user.name)

    def _add_comment(self, validate_reject, reviews):
        """The regulations' signing dialog for their tiers (a drawn signature,
        a reason to refuse), OCA's comment dialog for any other tier."""
        if not self._contract_signed_under_rules():
            return super()._add_comment(validate_reject, reviews)
        name = self.env._("Sign") if validate_reject == "validate" else self.env._("Refuse to Sign")
        return self._contract_sign_dialog(name, validate_reject)

    def _contract_sign_dialog(self, name, mode):
        """The regulations' signing dialog: sign, refuse or (``restart``) restart."""
        self.ensure_one()
        view = self.env.ref("sales_dept_regulation.sale_contract_sign_wizard_view_form")
        return {
            "name": name,
            "type": "ir.actions.act_window",
            "view_mode": "form",
            "res_model": "sale.contract.sign.wizard",
            "views": [(view.id, "form")],
            "view_id": view.id,
            "target": "new",
            "context": {"default_order_id": self.id, "default_validate_reject": mode},
        }
