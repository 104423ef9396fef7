# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo import api, models


class SaleRegulationTierValidation(models.AbstractModel):
    """OCA's tier validation as the addon's own requests use it (sample fee
    exceptions, sales plans, archive approvals, credit exceptions): each request
    freezes itself by a whitelist of its own, so OCA's write check (which freezes
    by a list of fields under review) stands aside; and the header buttons OCA
    adds to every form, which some requests replace with actions of their own,
    can be taken off the form."""

    _name = "sale.regulation.tier.validation"
    _inherit = ["tier.validation"]
    _description = "Sales Regulation Tier Validation"

    # OCA's header buttons (request_validation, restart_validation) this model's
    # form does not offer: its reviews are asked for and restarted by its own
    # actions, or never
    _sdr_hidden_tier_buttons = ()

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        res = super().get_view(view_id=view_id, view_type=view_type, **options)
        if view_type != "form" or not self._sdr_hidden_tier_buttons:
            return res
        doc = etree.fromstring(res["arch"])
        buttons = [
            button
            for button in doc.xpath("//header/button[@name]")
            if button.get("name") in self._sdr_hidden_tier_buttons
        ]
        for button in buttons:
            button.getparent().remove(button)
        if buttons:
            res["arch"] = etree.tostring(doc, encoding="unicode")
        return res

    def _tier_validation_check_write_allowed(self, vals):
        # the request's own whitelist of fields (and its action methods) governs
        return None

    def _tier_validation_check_state_on_write(self, vals):
        # need_validation is not stored and has no dependencies: a value cached
        # before the reviews were created or decided is stale
        self.invalidate_recordset(["need_validation"])
        return super()._tier_validation_check_state_on_write(vals)
