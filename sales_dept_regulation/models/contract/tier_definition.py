# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from ..values import check_rules_as_written
from .sale_order import APPROVAL_KINDS

# what _companies_with_own_definitions reads
CACHED_FIELDS = {"model_id", "model", "active", "company_id", "sdr_applies_to"}


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    sdr_applies_to = fields.Selection(
        APPROVAL_KINDS,
        string="Regulation Rule",
        help="On sales orders, the rule of the regulations this tier signs for: it "
        "applies to the orders under that rule only, in the order of the sequences "
        "(lowest first). The domain below may narrow it further (e.g. an amount "
        "above 500,000). Empty: a tier of the company's own, applied by its domain "
        "as OCA's tier validation does.",
    )
    sdr_company_switch = fields.Selection(
        [("contract_admin", "Contract Administrator Review")],
        string="Only When Switched On",
        help="The tier applies only in the companies that switched this option on in "
        "the settings (the contract administrator's review is off by default).",
    )

    @api.constrains("sdr_applies_to", "model_id")
    def _check_sdr_applies_to(self):
        for definition in self.filtered("sdr_applies_to"):
            if definition.model != "sale.order":
                raise ValidationError(
                    self.env._(
                        "A rule of the regulations applies to sales orders only: clear it on "
                        "%(definition)s.",
                        definition=definition.display_name,
                    )
                )

    @api.model
    @tools.ormcache("model_name")
    def _companies_with_own_definitions(self, model_name):
        """The companies (False: every company) with active tier definitions of
        their own, not the regulations', on ``model_name``: every write of an
        order asks, so it is cached."""
        definitions = (
            self.sudo()
            .with_context(active_test=True)
            .search([("model", "=", model_name), ("sdr_applies_to", "=", False)])
        )
        return frozenset(definition.company_id.id for definition in definitions)

    @api.model_create_multi
    def create(self, vals_list):
        definitions = super().create(vals_list)
        self.env.registry.clear_cache()
        return definitions

    def write(self, vals):
        res = super().write(vals)
        # a definition made into one the Regulation Administrator may not manage
        check_rules_as_written(self)
        if CACHED_FIELDS.intersection(vals):
            self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
