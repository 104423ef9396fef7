# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sdr_sample_mould_product_id = fields.Many2one(
        "product.product", string="Mould Fee Product", domain=[("type", "=", "service")]
    )
    sdr_sample_fee_product_id = fields.Many2one(
        "product.product", string="Sample Fee Product", domain=[("type", "=", "service")]
    )
