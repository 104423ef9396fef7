# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    sdr_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_sdr_complaint_count"
    )

    def _aftersales_complaint_domain(self):
        return [
            ("commercial_partner_id", "in", self.commercial_partner_id.ids),
            ("after_sales_state", "!=", False),
            ("category_id.is_complaint", "=", True),
        ]

    def _compute_sdr_complaint_count(self):
        # counted as the user: record rules decide which requests are seen
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                self._aftersales_complaint_domain(), ["commercial_partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.sdr_complaint_count = counts.get(partner.commercial_partner_id, 0)

    def action_aftersales_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "sales_dept_regulation.action_after_sales_ticket"
        )
        action["domain"] = self._aftersales_complaint_domain()
        action["context"] = {}
        return action
