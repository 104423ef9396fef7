# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from ..month_report import month_bounds, month_period


class HelpdeskTicketXlsx(models.AbstractModel):
    """The after-sales requests of a month, one row each, as the user sees them."""

    _name = "report.sales_dept_regulation.helpdesk_ticket_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly After-Sales Report (XLSX)"

    def _month_domain(self, year, month):
        start, stop = month_bounds(self.env, year, month)
        return [
            ("after_sales_state", "!=", False),
            ("create_date", ">=", start),
            ("create_date", "<", stop),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        year, month = month_period(self.env, data, objs)
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
