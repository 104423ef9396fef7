# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .engine_visibility import FOLLOWED_MODELS, compute_readable, readable_domain


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    # the followers of the addon's documents follow their visibility
    # (security/engine_rules.xml); other rows are left as they are
    sdr_parent_readable = fields.Boolean(
        string="Readable Document",
        compute="_compute_sdr_parent_readable",
        search="_search_sdr_parent_readable",
        compute_sudo=False,
    )

    @api.model
    def _sdr_followed_models(self):
        """The addon's documents with a chatter (its bridges add theirs)."""
        return FOLLOWED_MODELS

    @api.depends("res_model", "res_id")
    @api.depends_context("uid")
    def _compute_sdr_parent_readable(self):
        compute_readable(self, "res_model", self._sdr_followed_models())

    def _search_sdr_parent_readable(self, operator, value):
        return readable_domain(self, "res_model", self._sdr_followed_models(), operator, value)
