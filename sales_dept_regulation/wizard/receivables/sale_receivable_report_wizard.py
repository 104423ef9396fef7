# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ..month_report import check_year, month_fields, print_month_report


class SaleReceivableReportWizard(models.TransientModel):
    _name = "sale.receivable.report.wizard"
    _description = "Monthly Overdue Receivables"

    # the current month by default: its report is the receivables as of today
    month, year = month_fields(fields.Date.context_today)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            check_year(self.env, wizard.year)

    def action_print(self):
        return print_month_report(self, "sales_dept_regulation.action_report_sale_receivable_xlsx")
