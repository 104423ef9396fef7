# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import calendar
import datetime

from odoo import fields, models
from odoo.exceptions import UserError

from ...models.receivables.sale_receivable_overdue import AGEING, AS_OF_KEY
from ..month_report import month_period


class SaleReceivableXlsx(models.AbstractModel):
    """The overdue receivables at the month's end (today for the current
    month): one sheet of invoices, one of totals per salesperson and ageing
    bucket. Runs as the current user: the record rules decide whose
    receivables are listed."""

    _name = "report.sales_dept_regulation.sale_receivable_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Overdue Receivables (XLSX)"

    def _as_of(self, year, month):
        today = fields.Date.context_today(self)
        last_day = datetime.date(year, month, calendar.monthrange(year, month)[1])
        if datetime.date(year, month, 1) > today:
            raise UserError(self.env._("Choose a month that has begun."))
        return min(last_day, today)

    def _receivable_rows(self, as_of):
        """One tuple per overdue invoice at the end of ``as_of``."""
        Overdue = self.env["sale.receivable.overdue"].with_context(**{AS_OF_KEY: as_of})
        return Overdue._read_group(
            [],
            [
                "user_id",
                "partner_id",
                "move_id",
                "invoice_date_due:day",
                "ageing",
                "promise_date:day",
            ],
            ["amount_residual:sum", "days_overdue:max"],
            order="user_id, days_overdue:max desc, move_id",
        )

    def generate_xlsx_report(self, workbook, data, objs):
        year, month = month_period(self.env, data, objs)
        as_of = self._as_of(year, month)
        rows = self._receivable_rows(as_of)
        currency = self.env.company.currency_id
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        money = workbook.add_format({"num_format": self._report_xlsx_currency_format(currency)})
        money_bold = workbook.add_format(
            {"bold": True, "num_format": self._report_xlsx_currency_format(currency)}
        )
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        labels = dict(
            self.env["sale.receivable.overdue"]._fields["ageing"]._description_selection(self.env)
        )
        title = self.env._("Overdue receivables as of %(date)s", date=fields.Date.to_string(as_of))

        # the totals per salesperson and bucket
        summary = workbook.add_worksheet(self.env._("By Salesperson"))
        summary.write(0, 0, title, bold)
        buckets = [key for key, _label in AGEING]
        summary.write_row(
            2,
            0,
            [self.env._("Salesperson"), *(labels[key] for key in buckets), self.env._("Total")],
            head,
        )
        summary.set_column(0, 0, 20)
        summary.set_column(1, len(buckets) + 1, 14)
        totals = {}
        for user, _partner, _move, _due, ageing, _promise, amount, _days in rows:
            per_user = totals.setdefault(user, dict.fromkeys(buckets, 0.0))
            per_user[ageing] += amount
        row_index = 3
        grand = dict.fromkeys(buckets, 0.0)
        for user, per_user in totals.items():
            summary.write(row_index, 0, user.name or self.env._("No salesperson"))
            for col, key in enumerate(buckets, start=1):
                summary.write_number(row_index, col, per_user[key], money)
                grand[key] += per_user[key]
            summary.write_number(row_index, len(buckets) + 1, sum(per_user.values()), money)
            row_index += 1
        summary.write(row_index, 0, self.env._("Total"), bold)
        for col, key in enumerate(buckets, start=1):
            summary.write_number(row_index, col, grand[key], money_bold)
        summary.write_number(row_index, len(buckets) + 1, sum(grand.values()), money_bold)

        # the invoices
        sheet = workbook.add_worksheet(self.env._("Invoices"))
        sheet.write(0, 0, title, bold)
        header = [
            self.env._("Salesperson"),
            self.env._("Customer"),
            self.env._("Invoice"),
            self.env._("Due Date"),
            self.env._("Days Overdue"),
            self.env._("Ageing"),
            self.env._("Amount Due"),
            self.env._("Promised Payment Date"),
        ]
        sheet.write_row(2, 0, header, head)
        sheet.set_column(0, 2, 20)
        sheet.set_column(3, len(header), 14)
        sheet.freeze_panes(3, 0)
        for row_index, (user, partner, move, due, ageing, promise, amount, days) in enumerate(
            rows, start=3
        ):
            sheet.write(row_index, 0, user.name or self.env._("No salesperson"))
            sheet.write(row_index, 1, partner.sudo().display_name or "")
            sheet.write(row_index, 2, move.sudo().name or "")
            sheet.write_datetime(
                row_index, 3, datetime.datetime.combine(due, datetime.time()), date_format
            )
            sheet.write_number(row_index, 4, days)
            sheet.write(row_index, 5, labels.get(ageing, ""))
            sheet.write_number(row_index, 6, amount, money)
            if promise:
                sheet.write_datetime(
                    row_index, 7, datetime.datetime.combine(promise, datetime.time()), date_format
                )
