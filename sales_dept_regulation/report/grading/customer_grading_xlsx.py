# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from ...models.grading.sale_customer_grade import CUSTOMER_STAGES


class CustomerGradingXlsx(models.AbstractModel):
    _name = "report.sales_dept_regulation.customer_grading_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Customers by Stage and Grade (xlsx)"

    def generate_xlsx_report(self, workbook, data, partners):

        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        stage_field = self.env["res.partner"]._fields["customer_stage"]
        stages = dict(stage_field._description_selection(self.env))
        customers = partners.commercial_partner_id.sorted(
            lambda p: (
                [key for key, _label in CUSTOMER_STAGES].index(p.customer_stage)
                if p.customer_stage
                else 9,
                p.customer_grade_id.sequence,
                p.name or "",
            )
        )

        summary = workbook.add_worksheet(self.env._("By Stage and Grade"))
        counts = {}
        for customer in customers:
            key = (customer.customer_stage, customer.customer_grade_id)
            counts[key] = counts.get(key, 0) + 1
        summary.write_row(
            0, 0, [self.env._("Stage"), self.env._("Grade"), self.env._("Customers")], bold
        )
        for row, ((stage, grade), count) in enumerate(counts.items(), start=1):
            summary.write_row(row, 0, [stages.get(stage, ""), grade.name or "", count])

        sheet = workbook.add_worksheet(self.env._("Customers"))
        sheet.write_row(
            0,
            0,
            [
                self.env._("Customer"),
                self.env._("Stage"),
                self.env._("Grade"),
                self.env._("Grade Locked"),
                self.env._("Salesperson"),
                self.env._("Last Visit"),
                self.env._("Next Visit Due"),
            ],
            bold,
        )
        for row, customer in enumerate(customers, start=1):
            sheet.write_row(
                row,
                0,
                [
                    customer.name,
                    stages.get(customer.customer_stage, ""),
                    customer.customer_grade_id.name or "",
                    self.env._("Yes") if customer.customer_grade_locked else "",
                    customer.user_id.name or "",
                ],
            )
            visits = (customer.customer_last_visit_date, customer.customer_next_visit_date)
            for col, value in enumerate(visits, start=5):
                if value:
                    sheet.write_datetime(row, col, value, date_format)
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 6, 16)
