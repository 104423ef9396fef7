# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import namedtuple

from odoo import api, models, tools

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

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._regulation_setup_defaults()
        return companies

    def _regulation_setup_defaults(self):
        """Give new companies their own copy of the configuration the addon ships
        per company; each capability extends this with its part. Records shipped
        without a company are shared and need nothing."""
        return True

    def _regulation_shipped(self, model, prefix):
        """The records of ``model`` the addon's data ships under xmlids starting
        with ``prefix``, as they are now (the administrator may have edited them)."""
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("module", "=", "sales_dept_regulation"),
                    ("model", "=", model),
                    ("name", "=like", f"{prefix}%"),
                ]
            )
        )
        return (
            self.env[model]
            .sudo()
            .with_context(active_test=False)
            .browse(data.mapped("res_id"))
            .exists()
        )
