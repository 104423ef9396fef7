# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models

from ..values import check_rules_as_written


class HelpdeskSla(models.Model):
    _inherit = "helpdesk.sla"

    # the rules' names show on the requests: in the reader's language
    name = fields.Char(translate=True)

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        if self.env.context.get("after_sales_sla"):
            # a new rule from the after-sales SLA menu: the company's after-sales team
            company = self.env.company
            team = company._aftersales_team()
            if "team_ids" in fields and team and not defaults.get("team_ids"):
                defaults["team_ids"] = [Command.set(team.ids)]
            if "company_id" in fields and not defaults.get("company_id"):
                defaults["company_id"] = company.id
        return defaults

    def write(self, vals):
        before = self._after_sales_rules()
        result = super().write(vals)
        # the Department Head edits the after-sales SLA rules: not into a company
        # she does not work in
        check_rules_as_written(before | self._after_sales_rules())
        return result

    def _after_sales_rules(self):
        return self.filtered(lambda sla: sla.sudo().team_ids.filtered("is_after_sales"))
