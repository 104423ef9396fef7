# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import AccessError

from ..contract.tier_review import is_engine

ARCHIVE_MODELS = ("sale.archive.document", "sale.archive.loan")


class TierReview(models.Model):
    _inherit = "tier.review"

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
