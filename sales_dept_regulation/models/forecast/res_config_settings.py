# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sdr_forecast_due_day = fields.Integer(related="company_id.sdr_forecast_due_day", readonly=False)
    sdr_forecast_reminder_days = fields.Integer(
        related="company_id.sdr_forecast_reminder_days", readonly=False
    )
