# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..month_report import check_year, month_fields, print_month_report


def _last_month(record):
    """A day of the month before the user's today (in the user's time zone):
    the statistics are read once a month is over."""
    return fields.Date.context_today(record).replace(day=1) - relativedelta(months=1)


class SaleSampleReportWizard(models.TransientModel):
    _name = "sale.sample.report.wizard"
    _description = "Monthly Sample Statistics"

    month, year = month_fields(_last_month)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            check_year(self.env, wizard.year)

    def action_print(self):
        return print_month_report(self, "sales_dept_regulation.action_report_sale_sample_xlsx")
