# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sdr_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency (Contracts)"
    )
    sdr_contract_amount_threshold = fields.Monetary(
        related="company_id.sdr_contract_amount_threshold",
        currency_field="sdr_currency_id",
        readonly=False,
    )
    sdr_phone_order_rule = fields.Boolean(related="company_id.sdr_phone_order_rule", readonly=False)
    sdr_below_price_rule = fields.Boolean(related="company_id.sdr_below_price_rule", readonly=False)
    sdr_contract_auto_confirm = fields.Boolean(
        related="company_id.sdr_contract_auto_confirm", readonly=False
    )
    sdr_contract_required_field_ids = fields.Many2many(
        related="company_id.sdr_contract_required_field_ids", readonly=False
    )
    sdr_contract_admin_review = fields.Boolean(
        related="company_id.sdr_contract_admin_review", readonly=False
    )
