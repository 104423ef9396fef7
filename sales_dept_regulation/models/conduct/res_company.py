# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sdr_fine_appeal_days = fields.Integer(
        string="Fine Appeal Period (days)",
        default=7,
        help="A fined employee may appeal this many days after the fine is confirmed.",
    )

    _sdr_fine_appeal_days_positive = models.Constraint(
        "CHECK(sdr_fine_appeal_days > 0)",
        "The period for appealing a fine must be at least one day.",
    )
