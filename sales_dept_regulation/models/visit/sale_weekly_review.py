# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from .mail_activity import VISIT_TYPE

# the done visits listed on the review; the count covers them all
VISITS_LISTED = 20


class SaleWeeklyReview(models.TransientModel):
    """The weekly review's visits and work logs: visits planned and done in the
    week, the calls and the logs written (late ones counted), the visits done."""

    _inherit = "sale.weekly.review"

    def _review_sections(self):
        sections = super()._review_sections()
        sections.append(self._section_visits())
        return sections

    def _visit_type_id(self):
        # the id alone (cached by Odoo), without reading the record to check it
        return self.env["ir.model.data"]._xmlid_to_res_id(VISIT_TYPE, raise_if_not_found=True)

    def _section_visits(self):
        figures = self.env["sale.work.log"]._sdr_visit_figures(
            self.user_id, self.week_start, self.week_end
        )[self.user_id.id]
        # no visit done, none to list: the figure has counted them already
        done = self.env["mail.activity"]
        if figures["visits_done"]:
            done = done.with_context(active_test=False).search_fetch(
                [
                    ("res_model", "=", "res.partner"),
                    ("activity_type_id", "=", self._visit_type_id()),
                    ("user_id", "=", self.user_id.id),
                    ("active", "=", False),
                    ("sdr_visit_done_date", ">=", self.week_start),
                    ("sdr_visit_done_date", "<=", self.week_end),
                ],
                ["sdr_visit_done_date", "res_name", "feedback"],
                order="sdr_visit_done_date, id",
                limit=VISITS_LISTED,
            )
        return {
            "sequence": 30,
            "key": "visits",
            "title": self.env._("Visits and work logs"),
            "rows": [
                (self.env._("Visits planned this week"), str(figures["visits_planned"])),
                (self.env._("Visits done this week"), str(figures["visits_done"])),
                (self.env._("Calls in the work logs"), str(figures["calls"])),
                (
                    self.env._("Work logs written (late)"),
                    f"{figures['logs']} ({figures['logs_late']})",
                ),
            ],
            "head": [self.env._("Done on"), self.env._("Customer"), self.env._("Outcome")],
            "lines": [
                [self._date(visit.sdr_visit_done_date), visit.res_name or "", visit.feedback or ""]
                for visit in done
            ],
        }
