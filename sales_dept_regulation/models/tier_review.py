# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .contract.tier_review import is_engine
from .engine_visibility import REVIEWED_MODELS, compute_readable, readable_domain


class TierReview(models.Model):
    """The reviews of the addon's requests and of orders signed under its tiers:
    read by who reads the request or order (security/engine_rules.xml), created,
    written and deleted by the tier engine only (each capability's tier_review.py
    says through which buttons). The access check itself says so, so that
    has_access() and the access inventory agree with the guards. Other reviews
    are left as OCA has them."""

    _inherit = "tier.review"

    sdr_parent_readable = fields.Boolean(
        string="Readable Document",
        compute="_compute_sdr_parent_readable",
        search="_search_sdr_parent_readable",
        compute_sudo=False,
    )

    @api.model
    def _sdr_reviewed_models(self):
        """The addon's models under tier validation (its bridges add theirs)."""
        return REVIEWED_MODELS

    @api.depends("model", "res_id", "definition_id.sdr_applies_to")
    @api.depends_context("uid")
    def _compute_sdr_parent_readable(self):
        compute_readable(self, "model", self._sdr_reviewed_models(), orders=True)

    def _search_sdr_parent_readable(self, operator, value):
        return readable_domain(
            self, "model", self._sdr_reviewed_models(), operator, value, orders=True
        )

    def _compute_todo_by(self):
        res = super()._compute_todo_by()
        # the role's own name (部长), not OCA's "Group 部长", which no zh_CN of
        # OCA translates; a review a capability gave to named people keeps them
        reviewed = self._sdr_reviewed_models()
        for review in self.filtered(
            lambda r: (
                r.model in reviewed
                and r.reviewer_group_id
                and r.reviewer_ids <= r.reviewer_group_id.all_user_ids
            )
        ):
            review.todo_by = review.reviewer_group_id.name
        return res

    def _sdr_is_ours(self):
        return self.model in self._sdr_reviewed_models() or (
            self.model == "sale.order" and self.definition_id.sdr_applies_to
        )

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or operation == "read" or is_engine(self.env):
            return result
        forbidden = self.browse(self.sudo().filtered(lambda review: review._sdr_is_ours()).ids)
        if forbidden:
            return forbidden, forbidden._sdr_engine_error
        return None

    def _sdr_engine_error(self):
        """The refusal in the words of the capability the reviews belong to (its
        guard says through which buttons they are decided)."""
        for guard in (
            self._refuse_unless_signing_engine,
            self._sample_refuse_unless_engine,
            self._archive_refuse_unless_engine,
        ):
            try:
                guard()
            except AccessError as error:
                return error
        return AccessError(
            self.env._(
                "Reviews are created and decided only through the buttons of the "
                "request or the order they belong to."
            )
        )
