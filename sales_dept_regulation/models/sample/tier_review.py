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

    def write(self, vals):
        self._sample_refuse_unless_engine(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_sample_only_by_engine(self):
        self._sample_refuse_unless_engine()
