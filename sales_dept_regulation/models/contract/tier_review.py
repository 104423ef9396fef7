# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError

# A context value no RPC call can forge (JSON cannot carry this object): set by
# the server's own code when the tier engine creates, decides or deletes
# reviews, or when an action of the order changes what signing froze.
SIGNING_ENGINE_PASS = object()


def is_engine(env):
    """Whether env runs the engine's own code (never true for a client's call)."""
    return env.su or env.context.get("sdr_tier_engine") is SIGNING_ENGINE_PASS


def as_engine(records):
    return records.with_context(sdr_tier_engine=SIGNING_ENGINE_PASS)


class TierReview(models.Model):
    _inherit = "tier.review"

    def _refuse_unless_signing_engine(self, vals=None):
        """Reviews of sales orders are the engine's: no user creates, writes or
        deletes one, whatever field, whatever route (the order's review_ids,
        a review of another model moved onto an order)."""
        if is_engine(self.env):
            return
        touches_orders = any(review.model == "sale.order" for review in self) or (
            isinstance(vals, dict) and vals.get("model") == "sale.order"
        )
        if touches_orders:
            raise AccessError(
                self.env._(
                    "Sales order reviews are decided only through Validate, Reject and "
                    "Restart on the order."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._refuse_unless_signing_engine()
        return reviews

    def write(self, vals):
        self._refuse_unless_signing_engine(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_engine(self):
        self._refuse_unless_signing_engine()

    def _update_review_status(self):
        # the engine promotes the next tier to pending, also when a user's
        # systray counter or a decision triggers it
        return super(TierReview, as_engine(self))._update_review_status()

    def _compute_todo_by(self):
        # the role's own name (部长), not the privilege's path to it
        res = super()._compute_todo_by()
        for review in self.filtered(lambda r: r.model == "sale.order" and r.reviewer_group_id):
            review.todo_by = review.reviewer_group_id.name
        return res

    def _notify_review_reminder_body(self):
        if self.model != "sale.order":
            return super()._notify_review_reminder_body()
        return self.env._(
            "A signature has been waited for since %s days.",
            (fields.Datetime.now() - self.create_date).days,
        )
