# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""What the monthly xlsx reports' wizards share (fines, samples, after-sales,
receivables, the order cycle): the month and year fields, their check, and the
print action."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The years a monthly report covers: wide enough for any record, narrow enough
# for the month's bounds to stay valid dates in every time zone.
YEAR_MIN, YEAR_MAX = 2000, 2100

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


class SaleRegulationMonthReportWizard(models.AbstractModel):
    """The dialog of a monthly xlsx report: a month and a year, by default those
    of _default_report_day(), and the report _report_xmlid printed for them."""

    _name = "sale.regulation.month.report.wizard"
    _description = "Monthly Report"

    _report_xmlid = None

    month = fields.Selection(
        MONTHS, required=True, default=lambda self: str(self._default_report_day().month)
    )
    year = fields.Integer(required=True, default=lambda self: self._default_report_day().year)

    def _default_report_day(self):
        """A day of the month the dialog opens on: the user's today."""
        return fields.Date.context_today(self)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not YEAR_MIN <= wizard.year <= YEAR_MAX:
                raise ValidationError(
                    self.env._("Choose a year from %(min)s to %(max)s.", min=YEAR_MIN, max=YEAR_MAX)
                )

    def action_print(self):
        """The download of the month's report. The period is read from the wizard
        record, so the file is named after it (the report's print_report_name),
        and the dialog closes once the file is downloaded."""
        self.ensure_one()
        action = self.env.ref(self._report_xmlid).report_action(self)
        action["close_on_report_download"] = True
        return action
