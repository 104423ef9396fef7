# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The years the appraisal covers: wide enough for any fine, narrow enough for
# the month's bounds to stay valid dates in every time zone.
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


class SaleConductFineReportWizard(models.TransientModel):
    _name = "sale.conduct.fine.report.wizard"
    _description = "Monthly Fine Appraisal"

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
        # the period is read from the wizard itself: the download then names the
        # file after it (the report's print_report_name), which data would not
        action = self.env.ref(
            "sales_dept_regulation.action_report_sale_conduct_fine_xlsx"
        ).report_action(self)
        action["close_on_report_download"] = True
        return action
