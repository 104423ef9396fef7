# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .cycle_common import CycleCommon


@tagged("post_install", "-at_install")
class TestOrderCycle(CycleCommon):
    def invoice_and_pay(self, order, invoiced, paid):
        move = order._create_invoices()
        move.invoice_date = invoiced
        move.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"payment_date": paid})._create_payments()
        return move

    def test_cycle_days_without_inventory(self):
        order = self.order("2026-03-02 02:00:00", committed="2026-03-10 02:00:00")
        with freeze_time("2026-03-03 02:00:00"):
            row = self.cycle(order)
            self.assertEqual(
                (row.confirmed_on, row.committed_on), (date(2026, 3, 2), date(2026, 3, 10))
            )
            self.assertFalse(row.delivered_on or row.invoiced_on or row.paid_on)
            self.assertFalse(row.is_late)
        # a part delivered is not a delivery
        self.deliver(order, "2026-03-08 02:00:00", qty=1.0)
        self.assertFalse(order.sdr_delivered_date)
        self.deliver(order, "2026-03-12 02:00:00")
        self.assertEqual(str(order.sdr_delivered_date), "2026-03-12 02:00:00")
        # a later change of a line keeps the day it was all delivered
        self.deliver(order, "2026-03-14 02:00:00", qty=3.0)
        self.assertEqual(str(order.sdr_delivered_date), "2026-03-12 02:00:00")
        self.invoice_and_pay(order, date(2026, 3, 15), date(2026, 3, 20))
        row = self.cycle(order)
        self.assertEqual(
            (row.delivered_on, row.invoiced_on, row.paid_on),
            (date(2026, 3, 12), date(2026, 3, 15), date(2026, 3, 20)),
        )
        self.assertEqual(
            (row.days_to_delivery, row.days_to_invoice, row.days_to_payment), (10, 13, 18)
        )
        self.assertTrue(row.is_late)
        self.assertEqual((row.month, row.quarter, row.year), (date(2026, 3, 1), "1", 2026))
        self.assertEqual(row.due_month, date(2026, 3, 1))

    def test_payment_counts_once_the_order_is_all_invoiced_and_paid(self):
        order = self.order("2026-03-02 02:00:00", committed="2026-03-10 02:00:00")
        move = order._create_invoices()
        move.invoice_date = date(2026, 3, 5)
        move.action_post()
        row = self.cycle(order)
        self.assertEqual((row.invoiced_on, row.days_to_invoice), (date(2026, 3, 5), 3))
        self.assertFalse(row.paid_on)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"payment_date": date(2026, 3, 9), "amount": 5.0})._create_payments()
        self.assertFalse(self.cycle(order).paid_on)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"payment_date": date(2026, 3, 11)})._create_payments()
        self.assertEqual(self.cycle(order).paid_on, date(2026, 3, 11))

    def test_late_at_the_committed_date_in_the_salespersons_time_zone(self):
        # committed for 10 March 23:00 in Shanghai
        order = self.order("2026-03-02 02:00:00", committed="2026-03-10 15:00:00")
        with freeze_time("2026-03-10 15:59:00"):  # 23:59 in Shanghai
            self.assertFalse(self.cycle(order).is_late)
        with freeze_time("2026-03-10 16:00:00"):  # 11 March in Shanghai, not yet in UTC
            row = self.cycle(order)
            self.assertTrue(row.is_late)
            self.assertEqual(row.late_rate, 100.0)
        # delivered at 00:30 on 11 March in Shanghai: late, though 10 March in UTC
        self.deliver(order, "2026-03-10 16:30:00")
        row = self.cycle(order)
        self.assertEqual(row.delivered_on, date(2026, 3, 11))
        self.assertTrue(row.is_late)
        # delivered on the committed day: on time
        on_time = self.order("2026-03-02 02:00:00", committed="2026-03-10 15:00:00")
        self.deliver(on_time, "2026-03-10 15:30:00")
        self.assertFalse(self.cycle(on_time).is_late)

    def test_expected_date_without_a_commitment(self):
        order = self.order("2026-03-02 02:00:00", lead=7.0)
        self.assertEqual(self.cycle(order).committed_on, date(2026, 3, 9))
        self.deliver(order, "2026-03-09 10:00:00")
        self.assertFalse(self.cycle(order).is_late)

    def test_delay_cause_only_through_the_action(self):
        order = self.order("2026-03-02 02:00:00", committed="2026-03-05 02:00:00")
        on_time = self.order("2026-03-02 02:00:00", committed="2099-03-05 02:00:00")
        for user in (self.seller, self.head):
            for vals in (
                {"sdr_delay_cause_id": self.cause.id},
                {"sdr_delay_note": "Late"},
                {"sdr_delivered_date": "2026-03-03 00:00:00"},
            ):
                with self.assertRaisesMessage(UserError, "Delay Cause button"):
                    order.with_user(user).write(vals)
        with self.assertRaisesMessage(UserError, "Delay Cause button"):
            self.env["sale.order"].with_user(self.seller).create(
                {"partner_id": self.customer.id, "sdr_delay_cause_id": self.cause.id}
            )
        # an empty value of what no order has is what a form sends
        order.with_user(self.seller).write({"sdr_delay_note": False})
        # the action: only for a late order, by its salesperson or the Department Head
        with self.assertRaisesMessage(UserError, "is not late"):
            on_time.with_user(self.seller).action_sdr_delay_cause()
        with self.assertRaises(AccessError):
            order.with_user(self.seller_2).action_sdr_delay_cause()
        # who reads the order is not who records its cause
        with self.assertRaises(AccessError):
            order.with_user(self.admin).action_sdr_delay_cause()
        self.admin.group_ids += self.env.ref("sales_team.group_sale_salesman_all_leads")
        with self.assertRaisesMessage(UserError, "Only the salesperson"):
            order.with_user(self.admin).action_sdr_delay_cause()
        action = order.with_user(self.seller).action_sdr_delay_cause()
        self.assertEqual(action["res_model"], "sale.delay.cause.wizard")
        with Form(
            self.env[action["res_model"]].with_user(self.seller).with_context(**action["context"])
        ) as form:
            form.cause_id = self.cause
            form.note = "Mould failed its trial"
        form.record.action_confirm()
        self.assertEqual(order.sdr_delay_cause_id, self.cause)
        self.assertEqual(order.sdr_delay_note, "Mould failed its trial")
        self.assertEqual(self.cycle(order, self.seller).delay_cause_id, self.cause)
        # the Department Head may correct it, through the action too
        other = self.env.ref("sales_dept_regulation.sale_delay_cause_transport")
        wizard = (
            self.env["sale.delay.cause.wizard"]
            .with_user(self.head)
            .create({"order_id": order.id, "cause_id": other.id})
        )
        wizard.action_confirm()
        self.assertEqual(order.sdr_delay_cause_id, other)
        with self.assertRaisesMessage(UserError, "Delay Cause button"):
            order.with_user(self.head).write({"sdr_delay_cause_id": False})

    def test_cause_requested_once_and_closed_when_recorded(self):
        Activity = self.env["mail.activity"]
        activity_type = self.env.ref("sales_dept_regulation.mail_activity_type_delay_cause")
        with freeze_time("2026-03-12 02:00:00"):
            late = self.order("2026-03-02 02:00:00", committed="2026-03-05 02:00:00")
            self.order("2026-03-02 02:00:00", committed="2026-03-20 02:00:00")
            asked = self.Cycle._cron_request_delay_causes()
            self.assertIn(late, asked)
            domain = [
                ("res_model", "=", "sale.order"),
                ("res_id", "=", late.id),
                ("activity_type_id", "=", activity_type.id),
            ]
            activity = Activity.search(domain)
            self.assertEqual(activity.user_id, self.seller)
            # the next day's run asks no second time
            self.assertNotIn(late, self.Cycle._cron_request_delay_causes())
            self.assertEqual(Activity.search_count(domain), 1)
            late.with_user(self.seller)._sdr_record_delay_cause(self.cause, False)
            # done (kept archived, or gone, as the activity type says)
            self.assertFalse(activity.exists().filtered("active"))
            self.assertNotIn(late, self.Cycle._cron_request_delay_causes())
            self.assertFalse(Activity.search_count(domain))

    def test_statistics_per_quarter(self):
        orders = [
            self.order("2026-01-05 02:00:00", committed="2026-01-20 02:00:00"),
            self.order("2026-02-05 02:00:00", committed="2026-02-10 02:00:00"),
            self.order("2026-03-05 02:00:00", committed="2026-03-30 02:00:00"),
            self.order(
                "2026-04-05 02:00:00", committed="2026-04-30 02:00:00", seller=self.seller_2
            ),
        ]
        for order, day in zip(
            orders, ("2026-01-15", "2026-02-25", "2026-04-04", "2026-04-10"), strict=True
        ):
            self.deliver(order, f"{day} 02:00:00")
        mine = [("order_id", "in", [order.id for order in orders])]
        rows = self.Cycle.with_user(self.head)._cycle_statistics(mine, ["year", "quarter"])
        self.assertEqual(
            [(row["year"], row["quarter"]) for row in rows], [(2026, "1"), (2026, "2")]
        )
        first = rows[0]
        # 10, 20 and 30 days; the last two late
        self.assertEqual(
            (first["orders"], first["late"], first["avg_delivery"], first["median_delivery"]),
            (3, 2, 20.0, 20.0),
        )
        self.assertAlmostEqual(first["late_share"], 200 / 3)
        self.assertIsNone(first["avg_payment"])
        # the same averages as the pivot reads
        [(avg, late_rate)] = self.Cycle._read_group(
            [*mine, ("quarter", "=", "1")], [], ["days_to_delivery:avg", "late_rate:avg"]
        )
        self.assertEqual(avg, 20.0)
        self.assertAlmostEqual(late_rate, 200 / 3)
        # a salesperson's statistics: her orders only
        rows = self.Cycle.with_user(self.seller_2)._cycle_statistics(mine, ["user_id"])
        self.assertEqual([(row["user_id"], row["orders"]) for row in rows], [(self.seller_2.id, 1)])
        with self.assertRaisesMessage(UserError, "cannot be grouped"):
            self.Cycle._cycle_statistics([], ["partner_id"])

    def _xlsx(self, user, year, month, period):
        book = self.print_month_report(
            "sale.order.cycle.report.wizard", user, period=period, month=str(month), year=year
        )
        return [list(sheet.iter_rows(min_row=4, values_only=True)) for sheet in book.worksheets]

    def test_monthly_and_quarterly_xlsx(self):
        late = self.order("2026-02-02 02:00:00", committed="2026-02-10 02:00:00")
        self.deliver(late, "2026-02-16 02:00:00")
        late.with_user(self.seller)._sdr_record_delay_cause(self.cause, "Mould")
        other = self.order(
            "2026-02-03 02:00:00", committed="2026-02-12 02:00:00", seller=self.seller_2
        )
        self.deliver(other, "2026-02-20 02:00:00")
        self.order("2026-03-03 02:00:00", committed="2026-03-12 02:00:00")
        stats, causes, lates = self._xlsx(self.head, 2026, 2, "month")
        by_name = {row[0]: row for row in stats}
        self.assertEqual(by_name[self.seller.name][1:4], (1, 1, 100.0))
        self.assertEqual(by_name[self.seller.name][4], 14.0)
        self.assertEqual(by_name[self.seller_2.name][4], 17.0)
        causes = dict(causes)
        self.assertEqual(causes[self.cause.name], 1)
        self.assertEqual(causes["No cause recorded"], 1)
        self.assertEqual({row[0] for row in lates}, {late.name, other.name})
        # the quarter: March's order too (late today, not delivered)
        stats, _causes, _lates = self._xlsx(self.head, 2026, 3, "quarter")
        by_name = {row[0]: row for row in stats}
        self.assertEqual(by_name[self.seller.name][1], 2)
        self.assertEqual(by_name["Total"][1], 3)
        # a salesperson's report: her orders only
        stats, causes, lates = self._xlsx(self.seller, 2026, 2, "month")
        self.assertEqual({row[0] for row in stats}, {self.seller.name, "Total"})
        self.assertEqual({row[0] for row in lates}, {late.name})
