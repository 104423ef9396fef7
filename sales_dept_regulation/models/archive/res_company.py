# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    archive_loan_reminder_days = fields.Integer(
        string="Loan Reminder (days before due)",
        default=2,
        help="How many days before a loan's due date the borrower is reminded.",
    )

    @api.constrains("archive_loan_reminder_days")
    def _check_archive_loan_reminder_days(self):
        for company in self:
            if company.archive_loan_reminder_days < 0:
                raise ValidationError(
                    self.env._("The loan reminder cannot be a negative number of days.")
                )
