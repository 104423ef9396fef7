# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .sale_sample_request import RD_ENGINEER

# Odoo's rights that show prices, fees and invoices: a user created in
# Settings gets Odoo's default sales rights, which the R&D role does not need.
MONEY_RIGHTS = (
    "sales_team.group_sale_salesman",
    "account.group_account_invoice",
    "account.group_account_readonly",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    sdr_rd_money_warning = fields.Char(
        string="R&D Rights Warning",
        compute="_compute_sdr_rd_money_warning",
        help="Set when the user holds the R&D Engineer role together with rights "
        "that show money, which the role keeps from R&D.",
    )

    @api.depends("group_ids")
    def _compute_sdr_rd_money_warning(self):
        rd = self.env.ref(RD_ENGINEER, raise_if_not_found=False)
        money = self.env["res.groups"]
        for xmlid in MONEY_RIGHTS:
            money |= self.env.ref(xmlid, raise_if_not_found=False) or money
        for user in self:
            # the groups as edited on the form (new records there), with what they imply
            groups = (user.group_ids | user.group_ids.all_implied_ids)._origin
            shown = groups & money
            if rd and rd in groups and shown:
                user.sdr_rd_money_warning = self.env._(
                    "This user is an R&D Engineer and also holds %(rights)s: with these "
                    "rights they see the prices, fees and invoices the R&D role keeps from "
                    "R&D. Remove them unless the user also works in sales or accounting.",
                    rights=", ".join(shown.sudo().mapped("full_name")),
                )
            else:
                user.sdr_rd_money_warning = False
