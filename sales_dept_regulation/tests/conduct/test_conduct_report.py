# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestConductReport(ConductCommon):
    def _xlsx(self, user, year, month, period="month"):
        # the month is asked only for a month's appraisal
        values = (
            {"period": period, "month": str(month)} if period == "month" else {"period": period}
        )
        sheet = self.print_month_report(
            "sale.conduct.fine.report.wizard", user, **values, year=year
        ).active
        rows = list(sheet.iter_rows(min_row=3, values_only=True))
        header, body = rows[0], rows[1:]
        return header, {row[0]: dict(zip(header, row, strict=True)) for row in body}

    def test_monthly_xlsx_totals(self):
        # Asia/Shanghai: 2026-03-31 23:30 local is in March; 2026-04-01 00:30 local is in April
        self.head.tz = "Asia/Shanghai"
        march = datetime(2026, 3, 10, 2)
        paid = self.confirmed(self.rule_late, minutes_late=11, event_datetime=march)
        paid.with_user(self.head).action_mark_paid()
        self.confirmed(self.rule_late, minutes_late=5, event_datetime=march)
        self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 31, 15, 30))
        self.confirmed(self.rule_speaker, self.tele_employee, event_datetime=march)
        # not counted: draft, cancelled, other month (April 1st 00:30 in Shanghai)
        self.fine(self.rule_speaker, event_datetime=march)
        self.confirmed(self.rule_speaker, event_datetime=march).with_user(self.head).action_cancel(
            "Duplicate"
        )
        self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 31, 16, 30))

        header, rows = self._xlsx(self.head, 2026, 3)
        late, neglect, speaker = (
            self.rule_late.display_name,
            self.rule_neglect.display_name,
            self.rule_speaker.display_name,
        )
        self.assertEqual(set(rows), {"Seller", "Caller", "Total"})
        seller = rows["Seller"]
        self.assertEqual(seller[f"{late}: count"], 2)
        self.assertEqual(seller[f"{late}: amount"], 70)
        self.assertEqual(seller[f"{neglect}: count"], 1)
        self.assertEqual(seller[f"{neglect}: amount"], 100)
        self.assertEqual(seller[f"{speaker}: count"], 0)
        self.assertEqual((seller["Total"], seller["Paid"], seller["Unpaid"]), (170, 50, 120))
        self.assertEqual(seller["Department"], "Sales")
        self.assertEqual(rows["Caller"]["Total"], 20)
        total = rows["Total"]
        self.assertEqual((total["Total"], total["Paid"], total["Unpaid"]), (190, 50, 140))

        # an employee gets only their own row
        seller_user = self.role_users["salesperson"]
        seller_user.tz = "Asia/Shanghai"
        _header, own_rows = self._xlsx(seller_user, 2026, 3)
        self.assertEqual(set(own_rows), {"Seller", "Total"})
        self.assertEqual(own_rows["Total"]["Total"], 170)

        _header, april = self._xlsx(self.head, 2026, 4)
        self.assertEqual(april["Total"]["Total"], 100)

    def test_year_end_xlsx_counts_the_whole_year(self):
        # Asia/Shanghai: 2025-12-31 23:30 local is in 2025; 2026-01-01 00:30 local is in 2026
        self.head.tz = "Asia/Shanghai"
        self.confirmed(self.rule_neglect, event_datetime=datetime(2024, 12, 31, 15, 30))
        self.confirmed(self.rule_late, minutes_late=11, event_datetime=datetime(2025, 3, 10, 2))
        self.confirmed(self.rule_neglect, event_datetime=datetime(2025, 12, 31, 15, 30))
        self.confirmed(self.rule_neglect, event_datetime=datetime(2025, 12, 31, 16, 30))

        _header, year = self._xlsx(self.head, 2025, None, period="year")
        seller = year["Seller"]
        self.assertEqual(seller[f"{self.rule_late.display_name}: count"], 1)
        self.assertEqual(seller[f"{self.rule_neglect.display_name}: count"], 1)
        # a month's appraisal of the same year counts only its month
        _header, march = self._xlsx(self.head, 2025, 3)
        self.assertEqual(march["Seller"][f"{self.rule_late.display_name}: count"], 1)
        # (a rule without fines in the period has no column)
        self.assertNotIn(f"{self.rule_neglect.display_name}: count", march["Seller"])

    def test_the_appraisal_puts_the_plan_completion_beside_the_fines(self):
        self.head.tz = "Asia/Shanghai"
        seller_user = self.role_users["salesperson"]
        plan = (
            self.env["sale.plan"]
            .with_user(self.head)
            .create(
                {
                    "year": 2025,
                    "line_ids": [
                        Command.create(
                            {"user_id": seller_user.id, "month": date(2025, m, 1), "amount": 100.0}
                        )
                        for m in (3, 4)
                    ],
                }
            )
        )
        plan.with_user(self.head).action_submit()
        plan.with_user(self.role_users["general_manager"]).validate_tier()
        customer = self.env["res.partner"].create({"name": "Appraisal Customer"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": seller_user.id,
                "order_line": [
                    Command.create(
                        {
                            "name": "x",
                            "product_id": self.env["product.product"].create({"name": "P"}).id,
                            "price_unit": 80.0,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = datetime(2025, 3, 10, 2)
        self.confirmed(self.rule_late, minutes_late=11, event_datetime=datetime(2025, 3, 10, 2))

        _header, march = self._xlsx(self.head, 2025, 3)
        seller = march["Seller"]
        self.assertEqual((seller["Planned"], seller["Ordered"]), (100, 80))
        self.assertAlmostEqual(seller["Plan Completion (%)"], 80.0)
        _header, year = self._xlsx(self.head, 2025, None, period="year")
        seller = year["Seller"]
        self.assertEqual((seller["Planned"], seller["Ordered"]), (200, 80))
        self.assertAlmostEqual(seller["Plan Completion (%)"], 40.0)
        self.assertAlmostEqual(year["Total"]["Plan Completion (%)"], 40.0)
