# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleConductFineReportWizard(models.TransientModel):
    _inherit = "sale.regulation.month.report.wizard"
    _name = "sale.conduct.fine.report.wizard"
    _description = "Fine Appraisal"
    _report_xmlid = "sales_dept_regulation.action_report_sale_conduct_fine_xlsx"

    # the month-end appraisal, or the year-end one (the regulations appraise both)
    period = fields.Selection(
        [("month", "Month"), ("year", "Year")], required=True, default="month"
    )
