# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # a field with a default: every company has it, those created later included
    sdr_forecast_due_day = fields.Integer(
        string="Forecast Due Day of the Month",
        default=25,
        help="The forecast of a month is due on this day of the month before it "
        "(1 to 28, so that every month has the day).",
    )
    sdr_forecast_reminder_days = fields.Integer(
        string="Forecast Reminder (days before)",
        default=3,
        help="A salesperson whose forecast is not submitted gets a reminder activity "
        "this many days before the due day.",
    )

    _sdr_forecast_due_day_range = models.Constraint(
        "CHECK(sdr_forecast_due_day BETWEEN 1 AND 28)",
        "The forecast due day must be between 1 and 28.",
    )
    _sdr_forecast_reminder_days_range = models.Constraint(
        "CHECK(sdr_forecast_reminder_days BETWEEN 0 AND 27)",
        "The forecast reminder must come 0 to 27 days before the due day.",
    )

    @api.constrains("sdr_forecast_due_day", "sdr_forecast_reminder_days")
    def _check_sdr_forecast_days(self):
        # said in the settings' words before the database's check refuses it
        for company in self:
            if not 1 <= company.sdr_forecast_due_day <= 28:
                raise ValidationError(self.env._("The forecast due day must be between 1 and 28."))
            if not 0 <= company.sdr_forecast_reminder_days <= 27:
                raise ValidationError(
                    self.env._("The forecast reminder must come 0 to 27 days before the due day.")
                )
