# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sdr_sample_mould_product_id = fields.Many2one(
        related="company_id.sdr_sample_mould_product_id", readonly=False
    )
    sdr_sample_fee_product_id = fields.Many2one(
        related="company_id.sdr_sample_fee_product_id", readonly=False
    )
