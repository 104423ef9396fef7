# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import datetime

from dateutil.relativedelta import relativedelta

from odoo import models

from ..month_report import month_period


class SaleOrderCycleXlsx(models.AbstractModel):
    """The order cycle of a month or a quarter: the statistics per salesperson
    (orders confirmed in the period), the delay causes (late orders due in the
    period) and the late orders themselves. Runs as the current user: the
    record rules decide whose orders are counted."""

    _name = "report.sales_dept_regulation.sale_order_cycle_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Order Cycle Report (XLSX)"

    def _period(self, data, objs):
        """The first day of the period and of the next one, and its title."""
        year, month = month_period(self.env, data, objs)
        data = data if isinstance(data, dict) else {}
        period = data.get("period", objs[:1].period if "period" in objs._fields else "month")
        if period == "quarter":
            quarter = (month + 2) // 3
            start = datetime.date(year, 3 * quarter - 2, 1)
            title = self.env._("%(year)s Q%(quarter)s", year=year, quarter=quarter)
            return start, start + relativedelta(months=3), title
        start = datetime.date(year, month, 1)
        title = self.env._("%(year)s-%(month)02d", year=year, month=month)
        return start, start + relativedelta(months=1), title

    def generate_xlsx_report(self, workbook, data, objs):
        start, stop, title = self._period(data, objs)
        Cycle = self.env["sale.order.cycle"]
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        number = workbook.add_format({"num_format": "0.0"})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})

        # the statistics per salesperson, and the period's total
        confirmed = [("month", ">=", start), ("month", "<", stop)]
        by_user = Cycle._cycle_statistics(confirmed, ["user_id"])
        total = Cycle._cycle_statistics(confirmed, [])
        users = self.env["res.users"].browse([row["user_id"] for row in by_user if row["user_id"]])
        names = {user.id: user.name for user in users.sudo()}
        sheet = workbook.add_worksheet(self.env._("Cycle"))
        sheet.write(
            0, 0, self.env._("Order cycle, orders confirmed in %(period)s", period=title), bold
        )
        header = [
            self.env._("Salesperson"),
            self.env._("Orders"),
            self.env._("Late Orders"),
            self.env._("Late Share (%)"),
            self.env._("Average Days to Delivery"),
            self.env._("Median Days to Delivery"),
            self.env._("Average Days to Invoice"),
            self.env._("Median Days to Invoice"),
            self.env._("Average Days to Payment"),
            self.env._("Median Days to Payment"),
        ]
        sheet.write_row(2, 0, header, head)
        sheet.set_column(0, 0, 20)
        sheet.set_column(1, len(header), 12)
        keys = [
            "orders",
            "late",
            "late_share",
            "avg_delivery",
            "median_delivery",
            "avg_invoice",
            "median_invoice",
            "avg_payment",
            "median_payment",
        ]
        rows = [(names.get(row["user_id"]) or self.env._("No salesperson"), row) for row in by_user]
        rows += [(self.env._("Total"), row) for row in total if row["orders"]]
        for row_index, (name, row) in enumerate(rows, start=3):
            sheet.write(row_index, 0, name, bold if row_index == len(rows) + 2 else None)
            for col, key in enumerate(keys, start=1):
                if row[key] is not None:
                    sheet.write_number(row_index, col, row[key], number)

        # the delay causes of the orders due in the period
        due = [("due_month", ">=", start), ("due_month", "<", stop), ("is_late", "=", True)]
        causes = workbook.add_worksheet(self.env._("Delay Causes"))
        causes.write(0, 0, self.env._("Late orders due in %(period)s by cause", period=title), bold)
        causes.write_row(2, 0, [self.env._("Delay Cause"), self.env._("Late Orders")], head)
        causes.set_column(0, 0, 30)
        row_index = 3
        for cause, count in Cycle._read_group(
            due, ["delay_cause_id"], ["__count"], order="__count desc"
        ):
            causes.write(row_index, 0, cause.sudo().name or self.env._("No cause recorded"))
            causes.write_number(row_index, 1, count)
            row_index += 1

        # the late orders
        late = workbook.add_worksheet(self.env._("Late Orders"))
        header = [
            self.env._("Order"),
            self.env._("Salesperson"),
            self.env._("Customer"),
            self.env._("Committed Date"),
            self.env._("Delivered On"),
            self.env._("Delay Cause"),
        ]
        late.write(0, 0, self.env._("Late orders due in %(period)s", period=title), bold)
        late.write_row(2, 0, header, head)
        late.set_column(0, len(header), 18)
        late.freeze_panes(3, 0)
        for row_index, (order, user, partner, committed, delivered, cause) in enumerate(
            Cycle._read_group(
                due,
                [
                    "order_id",
                    "user_id",
                    "partner_id",
                    "committed_on:day",
                    "delivered_on:day",
                    "delay_cause_id",
                ],
                order="committed_on:day, order_id",
            ),
            start=3,
        ):
            late.write(row_index, 0, order.sudo().name)
            late.write(row_index, 1, user.sudo().name or "")
            late.write(row_index, 2, partner.sudo().display_name or "")
            for col, day in ((3, committed), (4, delivered)):
                if day:
                    late.write_datetime(
                        row_index, col, datetime.datetime.combine(day, datetime.time()), date_format
                    )
            late.write(row_index, 5, cause.sudo().name or "")
