# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from ..res_company import RULES_PREFETCH


class ResCompany(models.Model):
    _inherit = "res.company"

    sdr_contract_amount_threshold = fields.Monetary(
        string="Contract Threshold",
        currency_field="currency_id",
        help="Quotations whose untaxed amount reaches this amount are contracts even when "
        "the salesperson did not mark them. 0: only marked quotations are contracts.",
        prefetch=RULES_PREFETCH,
    )
    sdr_phone_order_rule = fields.Boolean(
        string="Phone/Fax Orders Need the Department Head",
        help="An order taken by phone or fax without a formal contract needs the "
        "Department Head's confirmation.",
        prefetch=RULES_PREFETCH,
    )
    sdr_below_price_rule = fields.Boolean(
        string="Prices Below the Pricelist Need the Department Head",
        help="A line priced below the pricelist price (lower unit price or a discount) "
        "needs the Department Head's approval.",
        prefetch=RULES_PREFETCH,
    )
    sdr_contract_auto_confirm = fields.Boolean(
        string="Confirm Contracts on the Last Signature",
        prefetch=RULES_PREFETCH,
    )
    # the contract administrator's review (001): off by default, so the three
    # signatures stay as they are until the company switches it on
    sdr_contract_admin_review = fields.Boolean(
        string="Contract Administrator Review",
        help="The contract administrator reviews every contract before the Department "
        "Head signs it.",
    )
    sdr_contract_required_field_ids = fields.Many2many(
        comodel_name="ir.model.fields",
        relation="res_company_sdr_contract_required_field_rel",
        string="Other Required Contract Fields",
        domain="[('model', '=', 'sale.order'), ('store', '=', True)]",
        help="Fields that must be filled before a contract is submitted for signatures, "
        "in addition to customer reference, payment terms, delivery date and method.",
    )

    _sdr_contract_amount_threshold_not_negative = models.Constraint(
        "CHECK(sdr_contract_amount_threshold >= 0)",
        "The contract threshold cannot be negative.",
    )
