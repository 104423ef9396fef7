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

    def init(self):
        res = super().init()
        # Each module that extends res.company passes here as it is loaded: when
        # Inventory comes after the addon, stock_account does so once stock is loaded,
        # before sale_stock checks the warehouse of confirmed orders. After the
        # module's tables are made (mrp adds columns to the warehouse).
        self.env.registry.post_init(self._regulation_demo_warehouse)
        return res

    @api.model
    def _regulation_demo_warehouse(self):
        """Give the demo company a warehouse once Inventory is installed.

        stock gives a warehouse to the first company only; without one,
        sale_stock refuses the demo company's confirmed orders of goods ("Please
        create a warehouse for company ...") and Inventory does not install on the
        demo database. Only the addon's own demo company is touched: any other
        company without a warehouse is left as stock made it. Also called by the
        demo data, for a database where Inventory was there first."""
        company = self.env.ref(
            "sales_dept_regulation.company_demo_jianshi", raise_if_not_found=False
        )
        stock_loaded = "stock.warehouse" in self.env and self.env[
            "ir.module.module"
        ].sudo().search_count(
            [("name", "=", "stock"), ("state", "in", ("installed", "to upgrade"))]
        )
        if not company or not stock_loaded:
            return
        warehouses = self.env["stock.warehouse"].sudo().with_context(active_test=False)
        if warehouses.search_count([("company_id", "=", company.id)], limit=1):
            return
        warehouses.create(
            {
                "name": company.name,
                "code": "JS",
                "company_id": company.id,
                "partner_id": company.partner_id.id,
            }
        )

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
