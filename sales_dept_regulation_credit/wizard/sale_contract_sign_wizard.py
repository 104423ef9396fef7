# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleContractSignWizard(models.TransientModel):
    """The signer sees the customer's credit in the signing dialog too."""

    _inherit = "sale.contract.sign.wizard"

    sdr_company_currency_id = fields.Many2one(related="order_id.sdr_company_currency_id")
    sdr_credit_rating = fields.Selection(related="order_id.sdr_credit_rating")
    sdr_credit_limit = fields.Monetary(
        related="order_id.sdr_credit_limit", currency_field="sdr_company_currency_id"
    )
    sdr_credit_valid_until = fields.Date(related="order_id.sdr_credit_valid_until")
    sdr_credit_risk_total = fields.Monetary(
        related="order_id.sdr_credit_risk_total", currency_field="sdr_company_currency_id"
    )
    sdr_credit_exception_state = fields.Selection(related="order_id.sdr_credit_exception_state")
