# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class SaleWeeklyReview(models.TransientModel):
    """The weekly review's calls: held (inbound, outbound), next-day
    quotations and calls still to make, of the reviewed week."""

    _inherit = "sale.weekly.review"

    def _review_sections(self):
        sections = super()._review_sections()
        figures = self.env["crm.phonecall"]._sdr_call_figures(self.user_id, *self._week_bounds())[
            self.user_id
        ]
        sections.append(
            {
                "sequence": 40,
                "key": "calls",
                "title": self.env._("Calls"),
                "rows": [
                    (self.env._("Calls held this week"), str(figures["calls"])),
                    (self.env._("Inbound"), str(figures["calls_in"])),
                    (self.env._("Outbound"), str(figures["calls_out"])),
                    (self.env._("Next-day quotations"), str(figures["quotations"])),
                    (self.env._("Calls still to make"), str(figures["calls_to_make"])),
                ],
            }
        )
        return sections
