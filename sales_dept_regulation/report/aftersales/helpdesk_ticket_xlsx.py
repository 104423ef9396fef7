# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

import pytz
from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.exceptions import UserError

from ...wizard.conduct.sale_conduct_fine_report_wizard import YEAR_MAX, YEAR_MIN


class HelpdeskTicketXlsx(models.AbstractModel):
    """The after-sales requests of a month, one row each, as the user sees them."""

    _name = "report.sales_dept_regulation.helpdesk_ticket_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly After-Sales Report (XLSX)"

    def _month_domain(self, year, month):
        tz = pytz.timezone(self.env.user.tz or "UTC")
        start = tz.localize(datetime(year, month, 1))
        stop = tz.localize(datetime(year, month, 1) + relativedelta(months=1))
        return [
            ("after_sales_state", "!=", False),
            ("create_date", ">=", start.astimezone(pytz.utc).replace(tzinfo=None)),
            ("create_date", "<", stop.astimezone(pytz.utc).replace(tzinfo=None)),
        ]

    def _period(self, data, objs):
        """The (year, month) asked for; the data may come straight from a report URL."""
        data = data if isinstance(data, dict) else {}
        wizard = objs[:1] if objs._name == "helpdesk.ticket.report.wizard" else None
        year = data.get("year", wizard.year if wizard else None)
        month = data.get("month", wizard.month if wizard else None)
        try:
            year, month = int(year), int(month)
        except (TypeError, ValueError):
            year = month = 0
        if not (YEAR_MIN <= year <= YEAR_MAX and 1 <= month <= 12):
            raise UserError(
                self.env._(
                    "Choose a month and a year from %(min)s to %(max)s.", min=YEAR_MIN, max=YEAR_MAX
                )
            )
        return year, month

    def generate_xlsx_report(self, workbook, data, objs):
        year, month = self._period(data, objs)
        Ticket = self.env["helpdesk.ticket"]
        tickets = Ticket.search(self._month_domain(year, month), order="create_date, id")
        sheet = workbook.add_worksheet(f"{year}-{month:02d}")
        bold = workbook.add_format({"bold": True})
        hours = workbook.add_format({"num_format": "0.0"})
        sheet.write(
            0,
            0,
            self.env._("After-sales requests of %(year)s-%(month)02d", year=year, month=month),
            bold,
        )
        columns = [
            "number",
            "name",
            "commercial_partner_id",
            "after_sales_grade_id",
            "category_id",
            "after_sales_salesperson_id",
            "user_id",
            "after_sales_state",
            "stage_id",
            "after_sales_service_status",
            "after_sales_confirm_hours",
            "after_sales_resolution_hours",
            "after_sales_escalated",
        ]
        header = [Ticket._fields[f].get_description(self.env)["string"] for f in columns]
        sheet.write_row(2, 0, header, bold)
        sheet.freeze_panes(3, 2)
        sheet.set_column(0, len(columns), 16)
        selections = {
            f: dict(Ticket._fields[f]._description_selection(self.env))
            for f in ("after_sales_state", "after_sales_service_status")
        }
        for row, ticket in enumerate(tickets, start=3):
            for col, fname in enumerate(columns):
                value = ticket[fname]
                if fname in selections:
                    value = selections[fname].get(value, "")
                elif isinstance(value, models.BaseModel):
                    value = value.display_name or ""
                elif isinstance(value, bool):
                    value = self.env._("Yes") if value else ""
                sheet.write(row, col, value, hours if fname.endswith("_hours") else None)
        sheet.write(len(tickets) + 4, 0, self.env._("Requests"), bold)
        sheet.write(len(tickets) + 4, 1, len(tickets), bold)
