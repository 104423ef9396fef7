# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ..month_report import check_year, month_fields, print_month_report

PERIODS = [("month", "Month"), ("quarter", "Quarter")]


class SaleOrderCycleReportWizard(models.TransientModel):
    _name = "sale.order.cycle.report.wizard"
    _description = "Order Cycle Report"

    period = fields.Selection(PERIODS, string="Report By", required=True, default="month")
    month, year = month_fields(fields.Date.context_today)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            check_year(self.env, wizard.year)

    def action_print(self):
        return print_month_report(self, "sales_dept_regulation.action_report_sale_order_cycle_xlsx")
