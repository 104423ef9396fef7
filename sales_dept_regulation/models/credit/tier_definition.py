# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    sdr_company_switch = fields.Selection(
        [("contract_admin", "Contract Administrator Review")],
        string="Only When Switched On",
        help="The tier applies only in the companies that switched this option on in "
        "the settings (the contract administrator's review is off by default).",
    )

    @api.model
    def _get_tier_validation_model_names(self):
        return [*super()._get_tier_validation_model_names(), "sale.credit.exception"]
