# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class SaleWeeklyReview(models.TransientModel):
    """The weekly review's plan: the month's plan against the orders confirmed
    so far (as the orders section counts them), the year to date, and the
    month's invoiced and paid amounts, from the achievement report."""

    _inherit = "sale.weekly.review"

    def _review_sections(self):
        sections = super()._review_sections()
        sections.append(self._section_plan())
        return sections

    def _section_plan(self):
        month = self._month_start()
        Achievement = self.env["sale.plan.achievement"]
        base = [("user_id", "=", self.user_id.id), ("company_id", "=", self.company_id.id)]
        # the year to this month in one read of the report, split here
        this_month, year_to_date = {}, {}
        for row in Achievement._plan_achievement(
            [*base, ("year", "=", month.year), ("month", "<=", month)], ["month:month"]
        ):
            if row["month:month"] == month:
                this_month = row
            else:
                for key in ("plan", "ordered"):
                    year_to_date[key] = year_to_date.get(key, 0.0) + (row[key] or 0.0)
        _count, ordered = self._confirmed_amount(*self._month_to_date_bounds())
        planned = this_month.get("plan") or 0.0
        # the months before this one in full, this one up to the week's end
        planned_ytd = (year_to_date.get("plan") or 0.0) + planned
        ordered_ytd = (year_to_date.get("ordered") or 0.0) + ordered
        return {
            "sequence": 5,
            "key": "plan",
            "title": self.env._("Sales plan"),
            "rows": [
                (self.env._("Plan of this month"), self._money(planned)),
                (self.env._("Confirmed this month to date"), self._money(ordered)),
                (self.env._("Completion of this month"), self._completion(ordered, planned)),
                (self.env._("Plan of the year to this month"), self._money(planned_ytd)),
                (self.env._("Confirmed this year to date"), self._money(ordered_ytd)),
                (self.env._("Completion of the year"), self._completion(ordered_ytd, planned_ytd)),
                (
                    self.env._("Invoiced this month"),
                    self._money(this_month.get("invoiced") or 0.0),
                ),
                (
                    self.env._("Paid of this month's invoices"),
                    self._money(this_month.get("paid") or 0.0),
                ),
            ],
        }

    def _completion(self, achieved, planned):
        return f"{100.0 * achieved / planned:.1f} %" if planned else "—"
