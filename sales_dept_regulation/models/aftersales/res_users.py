# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The technical teams' members are the Technical Staff: holding the role puts a
user in the technical team of each of his companies, losing it takes him out.
No administrator has to add him to the team by hand."""

from odoo import api, models

# what a change of a user's role, companies or activity is written as
WATCHED_USER_FIELDS = ("group_ids", "company_ids", "active", "share")


def _watched(vals):
    return isinstance(vals, dict) and any(
        key in WATCHED_USER_FIELDS or key.startswith(("sel_groups_", "in_group_")) for key in vals
    )


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        self.env["helpdesk.ticket.team"]._after_sales_sync_technicians()
        return users

    def write(self, vals):
        if not _watched(vals):
            return super().write(vals)
        Team = self.env["helpdesk.ticket.team"]
        before = Team._after_sales_technicians()
        result = super().write(vals)
        Team._after_sales_sync_technicians(before)
        return result


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        if not (isinstance(vals, dict) and {"user_ids", "implied_ids"} & vals.keys()):
            return super().write(vals)
        Team = self.env["helpdesk.ticket.team"]
        before = Team._after_sales_technicians()
        result = super().write(vals)
        Team._after_sales_sync_technicians(before)
        return result
