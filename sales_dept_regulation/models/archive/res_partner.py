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
        counts = self.env["sale.archive.document"]._archive_count_by("partner_id", self)
        for partner in self:
            partner.sdr_archive_count = counts.get(partner, 0)

    def action_sdr_open_archive(self):
        self.ensure_one()
        return self.env["sale.archive.document"]._archive_action_for(
            "partner_id", self, {"partner_id": self.id}
        )
