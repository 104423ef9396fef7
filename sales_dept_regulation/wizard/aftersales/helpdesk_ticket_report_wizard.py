# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..conduct.sale_conduct_fine_report_wizard import MONTHS, YEAR_MAX, YEAR_MIN


class HelpdeskTicketReportWizard(models.TransientModel):
    _name = "helpdesk.ticket.report.wizard"
    _description = "Monthly After-Sales Report"

    month = fields.Selection(
        MONTHS,
        required=True,
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not YEAR_MIN <= wizard.year <= YEAR_MAX:
                raise ValidationError(
                    self.env._("Choose a year from %(min)s to %(max)s.", min=YEAR_MIN, max=YEAR_MAX)
                )

    def action_print(self):
        self.ensure_one()
        return self.env.ref("sales_dept_regulation.action_report_after_sales_xlsx").report_action(
            self, data={"year": self.year, "month": int(self.month)}
        )
