# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

PERIODS = [("month", "Month"), ("quarter", "Quarter")]


class SaleOrderCycleReportWizard(models.TransientModel):
    _inherit = "sale.regulation.month.report.wizard"
    _name = "sale.order.cycle.report.wizard"
    _description = "Order Cycle Report"
    _report_xmlid = "sales_dept_regulation.action_report_sale_order_cycle_xlsx"

    period = fields.Selection(PERIODS, string="Report By", required=True, default="month")
