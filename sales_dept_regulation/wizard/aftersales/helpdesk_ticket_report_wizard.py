# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class HelpdeskTicketReportWizard(models.TransientModel):
    _inherit = "sale.regulation.month.report.wizard"
    _name = "helpdesk.ticket.report.wizard"
    _description = "Monthly After-Sales Report"
    _report_xmlid = "sales_dept_regulation.action_report_after_sales_xlsx"
