# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The credit documents among the addon's: their followers and tier reviews are
readable only by who may read the document (the addon's engine rules), and the
tier engine speaks of an exception in the addon's words."""

from odoo import api, models

from odoo.addons.sales_dept_regulation.models.tier_messages import TierApprovalMessages


class TierReview(models.Model):
    _inherit = "tier.review"

    @api.model
    def _sdr_reviewed_models(self):
        return (*super()._sdr_reviewed_models(), "sale.credit.exception")


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model
    def _sdr_followed_models(self):
        return (
            *super()._sdr_followed_models(),
            "sale.credit.assessment",
            "sale.credit.exception",
        )


class SaleCreditException(TierApprovalMessages, models.Model):
    _inherit = "sale.credit.exception"
