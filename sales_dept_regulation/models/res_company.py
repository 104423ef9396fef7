# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import namedtuple

from odoo import models, tools

# The company's rules that every confirmation reads, cached by _regulation_rules
# rather than fetched with each read of the company, which every request makes.
# Each capability declares its fields in its own res_company.py, with
# prefetch=RULES_PREFETCH, and lists here those a confirmation reads.
RegulationRules = namedtuple(
    "RegulationRules",
    "customer_lost_threshold_days sdr_contract_amount_threshold sdr_phone_order_rule "
    "sdr_below_price_rule",
)
RULES_PREFETCH = "sdr_rules"


class ResCompany(models.Model):
    _inherit = "res.company"

    def cache_invalidation_fields(self):
        # a change of a rule clears the cache of _regulation_rules (in every worker)
        return super().cache_invalidation_fields() | set(RegulationRules._fields)

    @tools.ormcache("self.id")
    def _regulation_rules(self):
        """The rules of the regulations this company set (RegulationRules)."""
        self.ensure_one()
        company = self.sudo()
        return RegulationRules(*(company[name] for name in RegulationRules._fields))
