# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class SaleReceivableReportWizard(models.TransientModel):
    _inherit = "sale.regulation.month.report.wizard"
    _name = "sale.receivable.report.wizard"
    _description = "Monthly Overdue Receivables"
    # the current month by default: its report is the receivables as of today
    _report_xmlid = "sales_dept_regulation.action_report_sale_receivable_xlsx"
