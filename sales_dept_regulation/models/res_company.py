# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import namedtuple

from odoo import fields, models, tools

# What every confirmation reads of its company: cached (see _sdr_rules) rather
# than fetched with each read of the company, which every request makes.
SdrRules = namedtuple(
    "SdrRules",
    "customer_lost_threshold_days sdr_contract_amount_threshold sdr_phone_order_rule "
    "sdr_below_price_rule",
)
RULES_PREFETCH = "sdr_rules"


class ResCompany(models.Model):
    _inherit = "res.company"

    # --- Customer grading (issue 3) ---
    customer_lost_threshold_days = fields.Integer(
        string="Customer Lost After (days)",
        default=365,
        help="A customer whose last confirmed order is older than this becomes lost.",
        prefetch=RULES_PREFETCH,
    )

    # --- Contract signatures (issue 4) ---
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
    sdr_contract_required_field_ids = fields.Many2many(
        comodel_name="ir.model.fields",
        relation="res_company_sdr_contract_required_field_rel",
        string="Other Required Contract Fields",
        domain="[('model', '=', 'sale.order'), ('store', '=', True)]",
        help="Fields that must be filled before a contract is submitted for signatures, "
        "in addition to customer reference, payment terms, delivery date and method.",
    )

    _customer_lost_threshold_positive = models.Constraint(
        "CHECK(customer_lost_threshold_days > 0)",
        "The number of days after which a customer is lost must be positive.",
    )

    def cache_invalidation_fields(self):
        # a change of a rule clears the cache of _sdr_rules (in every worker)
        return super().cache_invalidation_fields() | set(SdrRules._fields)

    @tools.ormcache("self.id")
    def _sdr_rules(self):
        """The rules of the regulations this company set (SdrRules)."""
        self.ensure_one()
        company = self.sudo()
        return SdrRules(*(company[name] for name in SdrRules._fields))
