# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    sdr_archive_count = fields.Integer(
        string="Archive Documents",
        compute="_compute_sdr_archive_count",
        groups="sales_dept_regulation.group_scope_own",
    )

    @api.depends_context("uid")
    def _compute_sdr_archive_count(self):
        # counted as the user: only the documents the user may see
        counts = dict(
            self.env["sale.archive.document"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.sdr_archive_count = counts.get(partner, 0)

    def action_sdr_open_archive(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_dept_regulation.sale_archive_document_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
