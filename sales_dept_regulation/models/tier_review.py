# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import AccessError

# A context value no RPC call can forge (JSON cannot carry this object): set by
# sale.order when the tier engine itself creates, decides or deletes reviews.
TIER_ENGINE = object()

# What decides a review; everyone may still promote one to "pending" (the
# engine does it from the reviewer's counter) or write a comment.
PROTECTED_FIELDS = {
    "status",
    "done_by",
    "reviewed_date",
    "sequence",
    "definition_id",
    "model",
    "res_id",
    "requested_by",
}


class TierReview(models.Model):
    _inherit = "tier.review"

    def _sdr_check_engine(self, vals=None):
        if self.env.su or self.env.context.get("sdr_tier_engine") is TIER_ENGINE:
            return
        if not any(review.model == "sale.order" for review in self):
            return
        if vals is not None:
            changed = PROTECTED_FIELDS.intersection(vals)
            if not changed or (changed == {"status"} and vals["status"] == "pending"):
                return
        raise AccessError(
            self.env._(
                "Sales order reviews are decided only through Validate, Reject and "
                "Restart on the order."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._sdr_check_engine()
        return reviews

    def write(self, vals):
        self._sdr_check_engine(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_engine(self):
        self._sdr_check_engine()
