# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import models


class SaleWeeklyReview(models.TransientModel):
    """The weekly review's forecasts: this month's against the orders so far,
    next month's (handed in, late, or still to hand in by its due date) and
    last month's accuracy."""

    _inherit = "sale.weekly.review"

    def _review_sections(self):
        sections = super()._review_sections()
        sections.append(self._section_forecasts())
        return sections

    def _review_company_fields(self):
        # the forecasts' due day, read with the company's other fields
        return [*super()._review_company_fields(), "sdr_forecast_due_day"]

    def _section_forecasts(self):
        this_month = self._month_start()
        Forecast = self.env["sale.forecast"]
        months = (
            this_month - relativedelta(months=1),
            this_month,
            this_month + relativedelta(months=1),
        )
        figures = Forecast._forecast_review_figures_by_month(self.user_id, months, self.company_id)
        last, current, upcoming = (figures[month][self.user_id.id] for month in months)
        return {
            "sequence": 35,
            "key": "forecasts",
            "title": self.env._("Forecasts"),
            "rows": [
                (
                    self.env._("Forecast of this month"),
                    self._forecast_amount(current),
                ),
                (
                    self.env._("Confirmed against it so far"),
                    self._money(current["actual_amount"]) if current["forecast"] else "—",
                ),
                (self.env._("Forecast of next month"), self._forecast_status(upcoming)),
                (
                    self.env._("Accuracy of last month"),
                    f"{last['accuracy']:.1f} %" if last["state"] == "submitted" else "—",
                ),
            ],
        }

    def _forecast_amount(self, figures):
        if figures["state"] != "submitted":
            return self.env._("Not submitted")
        return self._money(figures["amount"])

    def _forecast_status(self, figures):
        due = self._date(figures["deadline"])
        if figures["state"] == "submitted":
            if figures["is_late"]:
                return self.env._("Submitted late (due %(due)s)", due=due)
            return self.env._("Submitted on time")
        return self.env._("Not submitted, due %(due)s", due=due)
