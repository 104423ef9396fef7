# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    sdr_phonecall_id = fields.Many2one(
        "crm.phonecall",
        string="Phone Call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The call this quotation was taken on: it counts for the telemarketer's KPIs.",
    )

    # ------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("sdr_phonecall_id") for vals in vals_list):
            self._sdr_refuse_phonecall_link()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("sdr_phonecall_id"):
            self._sdr_refuse_phonecall_link()
        return super().write(vals)

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sdr_refuse_phonecall_link(self):
        # The link decides the telemarketer's new customers: only the call's own
        # action writes it, after an explicit sudo() no client can send.
        if not self.env.su:
            raise UserError(
                self.env._(
                    "%(field)s is set by the call's button %(button)s only.",
                    field=self._fields["sdr_phonecall_id"]._description_string(self.env),
                    button=self.env._("Next-Day Quotation"),
                )
            )
