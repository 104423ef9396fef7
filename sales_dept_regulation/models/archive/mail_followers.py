# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .archive_visibility import compute_readable_archive, readable_archive_domain


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    # the followers of an archive document or loan follow its visibility
    # (security/archive/sale_archive_rules.xml); other rows are left as they are
    sdr_archive_readable = fields.Boolean(
        string="Readable Archive Record",
        compute="_compute_sdr_archive_readable",
        search="_search_sdr_archive_readable",
        compute_sudo=False,
    )

    @api.depends("res_model", "res_id")
    @api.depends_context("uid")
    def _compute_sdr_archive_readable(self):
        compute_readable_archive(self, "res_model")

    def _search_sdr_archive_readable(self, operator, value):
        return readable_archive_domain(self, "res_model", operator, value)
