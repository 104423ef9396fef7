# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import fields, models


class SaleSampleReportWizard(models.TransientModel):
    _inherit = "sale.regulation.month.report.wizard"
    _name = "sale.sample.report.wizard"
    _description = "Monthly Sample Statistics"
    _report_xmlid = "sales_dept_regulation.action_report_sale_sample_xlsx"

    def _default_report_day(self):
        # the month before the user's today (in the user's time zone): the
        # statistics are read once a month is over
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
