# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    sdr_sample_count = fields.Integer(string="Samples", compute="_compute_sdr_sample_count")

    def _compute_sdr_sample_count(self):
        # counted as the user: record rules decide which requests are seen
        if not self.env["sale.sample.request"].has_access("read"):
            self.sdr_sample_count = 0
            return
        counts = dict(
            self.env["sale.sample.request"]._read_group(
                [("partner_id", "child_of", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.sdr_sample_count = sum(
                count
                for other, count in counts.items()
                if other.commercial_partner_id == partner.commercial_partner_id
            )

    def action_sample_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_dept_regulation.sale_sample_request_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
