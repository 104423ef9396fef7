# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import AccessError

from ..contract.tier_review import is_engine

MODEL = "sale.sample.request"


class TierReview(models.Model):
    _inherit = "tier.review"

    def _sample_refuse_unless_engine(self, vals=None):
        """The reviews of fee exceptions are decided only through Validate and
        Reject on the request, whatever route a client takes."""
        if is_engine(self.env):
            return
        if any(review.model == MODEL for review in self) or (
            isinstance(vals, dict) and vals.get("model") == MODEL
        ):
            raise AccessError(
                self.env._(
                    "Fee exceptions are decided only through Validate and Reject on the "
                    "sample request."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._sample_refuse_unless_engine()
        return reviews

    def _get_reviewers(self):
        """Four eyes on fee exceptions: neither the requester nor the request's
        salesperson reviews it; when one of them holds a deciding level (a
        Department Head's own exception), the levels above review it."""
        reviewers = super()._get_reviewers()
        if self.model != MODEL or not self.res_id:
            return reviewers
        request = self.env[MODEL].sudo().browse(self.res_id).exists()
        if not request:
            return reviewers
        own = self.requested_by | request.user_id
        return (request._sample_next_level(own) or reviewers) - own

    def write(self, vals):
        self._sample_refuse_unless_engine(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_sample_only_by_engine(self):
        self._sample_refuse_unless_engine()

    def _compute_todo_by(self):
        res = super()._compute_todo_by()
        # an exception decided by the next level names its reviewers, not the
        # definition's group
        for review in self.filtered(lambda r: r.model == MODEL and r.reviewer_group_id):
            if review.reviewer_ids - review.reviewer_group_id.all_user_ids:
                review.todo_by = ", ".join(review.reviewer_ids[:3].mapped("name"))
        return res
