# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from ..values import check_rules_as_written


class HelpdeskSla(models.Model):
    _inherit = "helpdesk.sla"

    def write(self, vals):
        before = self._after_sales_rules()
        result = super().write(vals)
        # the Department Head edits the after-sales SLA rules: not into a company
        # she does not work in
        check_rules_as_written(before | self._after_sales_rules())
        return result

    def _after_sales_rules(self):
        return self.filtered(lambda sla: sla.sudo().team_ids.filtered("is_after_sales"))
