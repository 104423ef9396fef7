# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""What the monthly xlsx reports' wizards share (fines, samples, after-sales):
the month and year fields, their check, and the print action."""

from odoo import fields
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


def month_fields(default_day):
    """The (month, year) fields of a wizard, by default those of
    ``default_day(wizard)``, a date."""
    month = fields.Selection(
        MONTHS, required=True, default=lambda self: str(default_day(self).month)
    )
    year = fields.Integer(required=True, default=lambda self: default_day(self).year)
    return month, year


def check_year(env, year):
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationError(
            env._("Choose a year from %(min)s to %(max)s.", min=YEAR_MIN, max=YEAR_MAX)
        )


def print_month_report(wizard, report_xmlid):
    """The download of the month's report. The period is read from the wizard
    record, so the file is named after it (the report's print_report_name),
    and the dialog closes once the file is downloaded."""
    wizard.ensure_one()
    action = wizard.env.ref(report_xmlid).report_action(wizard)
    action["close_on_report_download"] = True
    return action
