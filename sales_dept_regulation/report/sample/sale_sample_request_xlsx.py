# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from ..month_report import month_period


class SaleSampleRequestXlsx(models.AbstractModel):
    """The month's samples by salesperson, customer grade and product category:
    their number, cycle times and approval rate. No money: R&D may print it."""

    _name = "report.sales_dept_regulation.sale_sample_request_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Sample Statistics (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        year, month = month_period(self.env, data, objs)
        Request = self.env["sale.sample.request"]
        sheet = workbook.add_worksheet(f"{year}-{month:02d}")
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        number = workbook.add_format({"num_format": "0.0"})
        sheet.write(
            0, 0, self.env._("Samples of %(year)s-%(month)02d", year=year, month=month), bold
        )
        header = [
            self.env._("Samples"),
            self.env._("Average Days to Send"),
            self.env._("Max Days to Send"),
            self.env._("Average Days to Feedback"),
            self.env._("Max Days to Feedback"),
            self.env._("Approval Rate (%)"),
        ]
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(header), 14)
        row = 2
        for title, groupby in (
            (self.env._("Salesperson"), "user_id"),
            (self.env._("Customer Grade"), "customer_grade_id"),
            (self.env._("Product Category"), "product_categ_id"),
            (self.env._("Outcome"), "feedback_result"),
        ):
            sheet.write_row(row, 0, [title, *header], head)
            row += 1
            labels = (
                dict(Request._fields[groupby]._description_selection(self.env))
                if (groupby == "feedback_result")
                else {}
            )
            for group, *values in Request._sample_month_figures(year, month, [groupby]):
                label = labels.get(group) if labels else group.display_name
                sheet.write(row, 0, label or self.env._("None"))
                self._write_values(sheet, row, values, number)
                row += 1
            row += 1
        [totals] = Request._sample_month_figures(year, month)
        sheet.write(row, 0, self.env._("Total"), bold)
        self._write_values(sheet, row, totals, number)

    def _write_values(self, sheet, row, values, number):
        sheet.write_number(row, 1, values[0])
        for col, value in enumerate(values[1:], start=2):
            if value is None or value is False:
                sheet.write_blank(row, col, None)
            else:
                sheet.write_number(row, col, value, number)
