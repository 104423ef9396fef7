# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

PRIVILEGE = "sales_dept_regulation.res_groups_privilege_sales_regulation"


class ResGroups(models.Model):
    _inherit = "res.groups"

    @api.model
    def _get_view_group_hierarchy(self):
        """The user form's choice of role says "no role" in the user's language:
        Odoo does not translate a privilege's placeholder (a plain field)."""
        hierarchy = super()._get_view_group_hierarchy()
        privilege = self.env.ref(PRIVILEGE, raise_if_not_found=False)
        if not privilege or privilege.id not in hierarchy["privileges"]:
            return hierarchy
        # a copy: the hierarchy itself is cached for every user of the language
        privileges = dict(hierarchy["privileges"])
        privileges[privilege.id] = {
            **privileges[privilege.id],
            "placeholder": self.env._("No role"),
        }
        return {**hierarchy, "privileges": privileges}
