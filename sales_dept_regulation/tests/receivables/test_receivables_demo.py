# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io

from openpyxl import load_workbook

from odoo import fields
from odoo.tests import Form, TransactionCase, tagged

MODULE = "sales_dept_regulation"
# the demo's overdue invoices: xmlid -> (collector, ageing bucket, amount due)
DEMO_OVERDUE = {
    "account_move_demo_receivable_over_90": ("user_demo_salesperson", "91_plus", 18800.0),
    "account_move_demo_receivable_61_90": ("user_demo_salesperson", "61_90", 25600.0),
    # 72,000 invoiced, 30,000 paid
    "account_move_demo_receivable_31_60": ("user_demo_salesperson", "31_60", 42000.0),
    "account_move_demo_receivable_1_30": ("user_demo_salesperson", "1_30", 58000.0),
    "account_move_demo_receivable_telemarketer": ("user_demo_telemarketer", "1_30", 9600.0),
}


@tagged("post_install", "-at_install")
class TestReceivablesDemo(TransactionCase):
    """The demo's receivables and order cycle as the demo users read them:
    nothing is set up here, the test only reads. The demo's due dates sit ten
    days or more inside their buckets, so a database installed a few days ago
    still reads the same buckets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref(f"{MODULE}.company_demo_jianshi", raise_if_not_found=False)
        cls.demo = cls.env.ref(
            f"{MODULE}.account_move_demo_receivable_1_30", raise_if_not_found=False
        )
        if cls.demo:
            cls.wangfang = cls.env.ref(f"{MODULE}.user_demo_salesperson")
            cls.lina = cls.env.ref(f"{MODULE}.user_demo_telemarketer")
            cls.zhangwei = cls.env.ref(f"{MODULE}.user_demo_department_head")

    def setUp(self):
        super().setUp()
        if not self.demo:
            self.skipTest("the receivables' demo data is not installed")

    def _ref(self, xmlid):
        return self.env.ref(f"{MODULE}.{xmlid}")

    def _overdue(self, user):
        """The overdue receivables ``user`` sees, by invoice."""
        lines = self.env["sale.receivable.overdue"].with_user(user).search([])
        return {line.move_id: line for line in lines}

    def test_demo_company_books_in_yuan_on_the_generic_chart(self):
        self.assertEqual(self.company.chart_template, "generic_coa")
        self.assertEqual(self.company.currency_id, self.env.ref("base.CNY"))
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.company.id), ("type", "=", "sale")]
        )
        self.assertEqual(len(journal), 1)
        # what the demo's order forms show of the chart reads in Chinese
        taxes = (
            self.env["account.tax"]
            .with_context(lang="zh_CN")
            .search([("company_id", "=", self.company.id), ("type_tax_use", "=", "sale")])
        )
        self.assertEqual(set(taxes.mapped("name")), {"15%", "0% 出口"})
        for xmlid in DEMO_OVERDUE:
            move = self._ref(xmlid)
            self.assertEqual((move.state, move.company_id), ("posted", self.company))
            self.assertEqual(move.currency_id, self.env.ref("base.CNY"))

    def test_salesperson_reads_her_ageing_buckets(self):
        today = fields.Date.context_today(
            self.env["sale.receivable.overdue"].with_user(self.wangfang)
        )
        mine = {
            self._ref(xmlid): (bucket, amount)
            for xmlid, (user, bucket, amount) in DEMO_OVERDUE.items()
            if user == "user_demo_salesperson"
        }
        lines = self._overdue(self.wangfang)
        # hers only: not 李娜's, not the invoices not yet due nor the paid one
        self.assertEqual(set(lines), set(mine))
        for move, (bucket, amount) in mine.items():
            with self.subTest(invoice=move.name):
                line = lines[move]
                self.assertEqual(line.user_id, self.wangfang)
                self.assertEqual(line.ageing, bucket)
                self.assertEqual(line.amount_residual, amount)
                self.assertEqual(line.days_overdue, (today - move.invoice_date_due).days)
        # the partly paid invoice: 30,000 of 72,000 received
        partial = lines[self._ref("account_move_demo_receivable_31_60")]
        self.assertEqual(partial.amount_total, 72000.0)
        self.assertEqual(partial.move_id.payment_state, "partial")
        # the hook the weekly review reads: one invoice per bucket
        figures = (
            self.env["sale.receivable.overdue"]
            .with_user(self.wangfang)
            ._overdue_by_ageing(self.wangfang)[self.wangfang]
        )
        self.assertEqual(
            figures,
            {
                "1_30": (1, 58000.0),
                "31_60": (1, 42000.0),
                "61_90": (1, 25600.0),
                "91_plus": (1, 18800.0),
            },
        )

    def test_promise_and_follow_up_of_the_demo(self):
        move = self._ref("account_move_demo_receivable_1_30")
        line = self._overdue(self.wangfang)[move]
        promise = (
            self.env["sale.receivable.promise"]
            .with_user(self.wangfang)
            .search([("move_id", "=", move.id)])
        )
        self.assertEqual(len(promise), 1)
        self.assertEqual(promise.user_id, self.wangfang)
        self.assertEqual(line.promise_date, promise.promised_date)
        self.assertFalse(line.promise_broken)
        self.assertTrue(line.can_promise)
        activity = move.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.wangfang)
        self.assertEqual(
            activity.activity_type_id, self._ref("mail_activity_type_receivable_followup")
        )
        self.assertEqual(line.next_activity_date, activity.date_deadline)
        # she follows it up the day after the promised date
        self.assertEqual((activity.date_deadline - promise.promised_date).days, 1)

    def test_department_head_reads_the_department(self):
        lines = self._overdue(self.zhangwei)
        expected = {self._ref(xmlid): spec for xmlid, spec in DEMO_OVERDUE.items()}
        self.assertEqual(set(lines), set(expected))
        for move, (user, bucket, amount) in expected.items():
            with self.subTest(invoice=move.name):
                self.assertEqual(lines[move].user_id, self._ref(user))
                self.assertEqual(lines[move].ageing, bucket)
                self.assertEqual(lines[move].amount_residual, amount)
        self.assertEqual(
            self.env["res.users"].union(*(line.user_id for line in lines.values())),
            self.wangfang | self.lina,
        )
        # the head cannot promise for her salespeople
        self.assertFalse(any(line.can_promise for line in lines.values()))

    def test_tiles_count_the_demo(self):
        mine = self._ref("dashboard_tile_my_overdue_receivables")
        department = self._ref("dashboard_tile_department_overdue_receivables")
        self.assertEqual(mine.with_user(self.wangfang).count, 4)
        self.assertEqual(mine.with_user(self.lina).count, 1)
        self.assertEqual(department.with_user(self.zhangwei).count, 5)

    def test_department_head_monthly_xlsx_of_the_demo(self):
        user = self.zhangwei
        today = fields.Date.context_today(self.env["sale.receivable.overdue"].with_user(user))
        with Form(self.env["sale.receivable.report.wizard"].with_user(user)) as form:
            form.month = str(today.month)
            form.year = today.year
        action = form.record.action_print()
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(action["report_name"], form.record.ids, action["data"])
        )
        self.assertEqual(report_type, "xlsx")
        summary, invoices = load_workbook(io.BytesIO(content)).worksheets
        totals = {
            row[0]: row[1:]
            for row in summary.iter_rows(min_row=4, values_only=True)
            if row[0] is not None
        }
        # by salesperson: 1-30, 31-60, 61-90, over 90 days, total
        self.assertEqual(totals[self.wangfang.name], (58000, 42000, 25600, 18800, 144400))
        self.assertEqual(totals[self.lina.name], (9600, 0, 0, 0, 9600))
        names = {row[2] for row in invoices.iter_rows(min_row=4, values_only=True) if row[0]}
        self.assertEqual(names, {self._ref(xmlid).name for xmlid in DEMO_OVERDUE})

    def test_cycle_shows_invoice_and_payment_days(self):
        Cycle = self.env["sale.order.cycle"].with_user(self.wangfang)
        late_order = self._ref("sale_order_demo_cycle_late")
        late_invoice = self._ref("account_move_demo_cycle_late")
        late = Cycle.search([("order_id", "=", late_order.id)])
        self.assertEqual(late_order.invoice_status, "invoiced")
        self.assertEqual(late_invoice.payment_state, "paid")
        self.assertEqual(late.invoiced_on, late_invoice.invoice_date)
        payment = late_invoice.matched_payment_ids
        self.assertEqual(len(payment), 1)
        self.assertEqual(late.paid_on, payment.date)
        self.assertEqual(late.days_to_invoice, (late.invoiced_on - late.confirmed_on).days)
        self.assertEqual(late.days_to_payment, (late.paid_on - late.confirmed_on).days)
        # invoiced five days after its confirmation, paid twelve days after the
        # invoice (the cycle demo and this one are loaded the same day)
        self.assertEqual(late.days_to_payment - late.days_to_invoice, 12)
        self.assertGreater(late.days_to_invoice, 0)
        self.assertTrue(late.is_late)

        on_time = Cycle.search([("order_id", "=", self._ref("sale_order_demo_cycle_on_time").id)])
        on_time_invoice = self._ref("account_move_demo_cycle_on_time")
        self.assertEqual(on_time.invoiced_on, on_time_invoice.invoice_date)
        self.assertGreater(on_time.days_to_invoice, 0)
        # not yet due: no payment, and not among the overdue receivables
        self.assertFalse(on_time.paid_on)
        self.assertFalse(on_time.days_to_payment)
        self.assertGreater(on_time_invoice.invoice_date_due, fields.Date.today())
        self.assertNotIn(on_time_invoice, self._overdue(self.wangfang))
