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
        """Reviews of the regulations' signing are the engine's: no user creates,
        writes or deletes one, whatever field, whatever route (the order's
        review_ids, a review moved onto a signed order or given one of the
        regulations' tiers). Reviews of a company's own tiers stay OCA's."""
        if is_engine(self.env):
            return
        touches_signing = bool(self._contract_signing_reviews())
        if not touches_signing and isinstance(vals, dict):
            definition_id = vals.get("definition_id")
            if isinstance(definition_id, int) and not isinstance(definition_id, bool):
                definition = self.env["tier.definition"].sudo().browse(definition_id).exists()
                touches_signing = bool(definition.sdr_applies_to)
            if not touches_signing and {"model", "res_id"}.intersection(vals):
                # where the reviews land once written
                for review in self.sudo():
                    model = vals.get("model", review.model)
                    res_id = vals.get("res_id", review.res_id)
                    if model == "sale.order" and isinstance(res_id, int):
                        order = self.env["sale.order"].sudo().browse(res_id).exists()
                        if order._contract_signed_by_rules():
                            touches_signing = True
                            break
        if touches_signing:
            raise AccessError(
                self.env._(
                    "The signatures of a contract are given only through Sign, Refuse and "
                    "Restart on the order."
                )
            )

    def _contract_signing_reviews(self):
        """The reviews of ``self`` that belong to the regulations' signing: of one
        of its tiers, or on an order they sign."""
        reviews = self.sudo()
        on_orders = reviews.filtered(lambda r: r.model == "sale.order")
        orders = self.env["sale.order"].sudo().browse(on_orders.mapped("res_id")).exists()
        signed = set(orders._contract_signed_by_rules().ids)
        return reviews.filtered(
            lambda r: (
                r.definition_id.sdr_applies_to or (r.model == "sale.order" and r.res_id in signed)
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
        for review in self.filtered(
            lambda r: r.definition_id.sdr_applies_to and r.reviewer_group_id
        ):
            review.todo_by = review.reviewer_group_id.name
        return res

    def _notify_review_reminder_body(self):
        if not self.definition_id.sdr_applies_to:
            return super()._notify_review_reminder_body()
        return self.env._(
            "A signature has been waited for since %s days.",
            (fields.Datetime.now() - self.create_date).days,
        )
