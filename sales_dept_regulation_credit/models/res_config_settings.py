# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sdr_credit_required = fields.Boolean(related="company_id.sdr_credit_required", readonly=False)
    sdr_credit_validity_months = fields.Integer(
        related="company_id.sdr_credit_validity_months", readonly=False
    )
