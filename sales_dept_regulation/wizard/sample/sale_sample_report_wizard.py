# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError

from ..conduct.sale_conduct_fine_report_wizard import MONTHS

YEAR_MIN, YEAR_MAX = 2000, 2100


def _last_month(record):
    """The month before the user's today (in the user's time zone)."""
    return fields.Date.context_today(record).replace(day=1) - relativedelta(months=1)


class SaleSampleReportWizard(models.TransientModel):
    _name = "sale.sample.report.wizard"
    _description = "Monthly Sample Statistics"

    year = fields.Integer(required=True, default=lambda self: _last_month(self).year)
    month = fields.Selection(
        MONTHS,
        required=True,
        default=lambda self: str(_last_month(self).month),
    )

    def action_print(self):
        self.ensure_one()
        if not YEAR_MIN <= self.year <= YEAR_MAX:
            raise UserError(
                self.env._("Choose a year between %(min)s and %(max)s.", min=YEAR_MIN, max=YEAR_MAX)
            )
        return self.env.ref("sales_dept_regulation.action_report_sale_sample_xlsx").report_action(
            self, data={"year": self.year, "month": int(self.month)}
        )
