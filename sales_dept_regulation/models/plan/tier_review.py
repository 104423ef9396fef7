# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

MODEL = "sale.plan"


class TierReview(models.Model):
    _inherit = "tier.review"

    def _get_reviewers(self):
        """Four eyes on plans: whoever submitted the plan never approves it;
        and the General Manager of the plan's company approves it, not the
        General Managers of other companies."""
        reviewers = super()._get_reviewers()
        if self.model != MODEL or not self.res_id:
            return reviewers
        plan = self.env[MODEL].sudo().browse(self.res_id).exists()
        if not plan:
            return reviewers
        return (reviewers - plan._plan_requesters()).filtered(
            lambda user: plan.company_id in user.company_ids
        )
