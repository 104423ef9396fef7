# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import AccessError

from ..contract.tier_review import is_engine
from .archive_visibility import ARCHIVE_MODELS


class TierReview(models.Model):
    _inherit = "tier.review"

    def _get_reviewers(self):
        # four eyes: nobody reviews a request of their own, the next level does
        reviewers = super()._get_reviewers()
        if self.model not in ARCHIVE_MODELS or not self.res_id:
            return reviewers
        record = self.env[self.model].sudo().browse(self.res_id).exists()
        return record._archive_reviewers(self, reviewers) if record else reviewers

    def _compute_todo_by(self):
        # a review sent up a level names who decides it, not the role it asked for
        res = super()._compute_todo_by()
        for review in self.filtered(lambda r: r.model in ARCHIVE_MODELS and r.reviewer_group_id):
            if review.reviewer_ids - review.reviewer_group_id.sudo().all_user_ids:
                review.todo_by = ", ".join(review.reviewer_ids[:3].mapped("name"))
        return res

    def _archive_refuse_unless_engine(self, vals=None):
        """Reviews of loans and destructions are decided only through the
        Approve and Reject buttons, which run the engine."""
        if is_engine(self.env):
            return
        touches = any(review.model in ARCHIVE_MODELS for review in self) or (
            isinstance(vals, dict) and vals.get("model") in ARCHIVE_MODELS
        )
        if touches:
            raise AccessError(
                self.env._("Archive approvals are decided only with Approve and Reject.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._archive_refuse_unless_engine()
        return reviews

    def write(self, vals):
        self._archive_refuse_unless_engine(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_archive_only_by_engine(self):
        self._archive_refuse_unless_engine()
