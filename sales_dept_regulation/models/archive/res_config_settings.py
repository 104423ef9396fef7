# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    archive_loan_reminder_days = fields.Integer(
        related="company_id.archive_loan_reminder_days", readonly=False
    )
