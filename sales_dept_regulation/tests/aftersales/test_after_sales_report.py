# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .aftersales_common import AfterSalesCommon


@tagged("post_install", "-at_install")
class TestAfterSalesReport(AfterSalesCommon):
    def _xlsx(self, user, year, month):
        book = self.print_month_report(
            "helpdesk.ticket.report.wizard", user, month=str(month), year=year
        )
        rows = list(book.active.iter_rows(values_only=True))
        return rows[2], [row for row in rows[3:] if row[0] and row[0] != "Requests"]

    def test_monthly_xlsx_and_pivot(self):
        first = self.request()
        first.with_user(self.head).action_confirm_after_sales()
        self.request(partner_id=self.orphan.id)
        today = fields.Date.context_today(self.head)
        header, rows = self._xlsx(self.head, today.year, today.month)
        self.assertIn("Confirmation Time (h)", header)
        self.assertEqual({row[0] for row in rows} & {first.number}, {first.number})
        self.assertGreaterEqual(len(rows), 2)
        # the technician's month holds only what the technician may see
        groups = (
            self.env["helpdesk.ticket"]
            .with_user(self.head)
            .formatted_read_group(
                [("after_sales_state", "!=", False), ("id", "in", first.ids)],
                ["create_date:month", "category_id"],
                ["__count", "after_sales_confirm_hours:avg", "after_sales_escalated:count"],
            )
        )
        self.assertEqual(groups[0]["__count"], 1)
        with self.assertRaisesRegex(UserError, "Choose a month"):
            self.env["ir.actions.report"].with_user(self.head)._render(
                "sales_dept_regulation.helpdesk_ticket_xlsx", [], {"year": "x", "month": 13}
            )
