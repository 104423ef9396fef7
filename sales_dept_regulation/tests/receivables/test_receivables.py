# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..common import MODULE
from .receivables_common import ReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivables(ReceivablesCommon):
    # ------------------------------------------------------------
    # ageing
    # ------------------------------------------------------------

    def test_ageing_buckets_by_days_past_due(self):
        # today is 2026-05-31 in Shanghai: the buckets count days, not months
        dues = {
            date(2026, 5, 30): (1, "1_30"),
            date(2026, 5, 1): (30, "1_30"),
            date(2026, 4, 30): (31, "31_60"),
            date(2026, 4, 1): (60, "31_60"),
            date(2026, 3, 31): (61, "61_90"),
            date(2026, 3, 2): (90, "61_90"),
            date(2026, 3, 1): (91, "91_plus"),
        }
        with freeze_time("2026-05-31 03:00:00"):
            moves = {due: self.invoice(self.customer, due) for due in dues}
            not_due = self.invoice(self.customer, date(2026, 5, 31))
            for due, (days, bucket) in dues.items():
                with self.subTest(due=due):
                    line = self.overdue(moves[due])
                    self.assertEqual((line.days_overdue, line.ageing), (days, bucket))
                    self.assertEqual(line.user_id, self.seller)
                    self.assertEqual(line.amount_residual, 1000.0)
            # due today is not overdue yet
            self.assertFalse(self.overdue(not_due))

    def test_ageing_at_month_boundaries_in_the_users_time_zone(self):
        with freeze_time("2026-01-31 12:00:00"):
            move = self.invoice(self.customer, date(2026, 1, 31))
        # 2026-01-31 17:00 UTC is already 1 February in Shanghai: one day overdue
        # there, not yet overdue in UTC
        with freeze_time("2026-01-31 17:00:00"):
            line = self.overdue(move, user=self.seller)
            self.assertEqual((line.days_overdue, line.ageing), (1, "1_30"))
            self.assertFalse(self.overdue(move, user=self.seller, tz="UTC"))
        # 2 March 23:59 in Shanghai: 30 days; 3 March 00:00: 31 days, the next
        # bucket (a February of 28 days in between, counted as days)
        with freeze_time("2026-03-02 15:59:00"):
            line = self.overdue(move, user=self.seller)
            self.assertEqual((line.days_overdue, line.ageing), (30, "1_30"))
        with freeze_time("2026-03-02 16:00:00"):
            line = self.overdue(move, user=self.seller)
            self.assertEqual((line.days_overdue, line.ageing), (31, "31_60"))

    def test_paid_invoice_leaves_the_view(self):
        move = self.invoice(self.customer, date(2026, 1, 10))
        self.assertTrue(self.overdue(move))
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"amount": 400.0})._create_payments()
        self.assertEqual(self.overdue(move).amount_residual, 600.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({})._create_payments()
        self.assertFalse(self.overdue(move))

    # ------------------------------------------------------------
    # salesperson and promises
    # ------------------------------------------------------------

    def test_overdue_by_ageing_hook(self):
        with freeze_time("2026-05-31 03:00:00"):
            self.invoice(self.customer, date(2026, 5, 20), amount=100.0)
            self.invoice(self.customer, date(2026, 5, 21), amount=50.0)
            self.invoice(self.customer, date(2026, 1, 2), amount=70.0)
            self.invoice(self.customer_2, date(2026, 4, 15), amount=30.0)
            figures = self.Overdue.with_user(self.head)._overdue_by_ageing(
                self.seller | self.seller_2
            )
            self.assertEqual(
                figures[self.seller],
                {"1_30": (2, 150.0), "31_60": (0, 0.0), "61_90": (0, 0.0), "91_plus": (1, 70.0)},
            )
            self.assertEqual(figures[self.seller_2]["31_60"], (1, 30.0))
            # a salesperson's reading: hers only, whatever she asks for
            mine = self.Overdue.with_user(self.seller)._overdue_by_ageing(
                self.seller | self.seller_2
            )
            self.assertEqual(mine[self.seller_2]["31_60"], (0, 0.0))
            self.assertEqual(mine[self.seller]["1_30"], (2, 150.0))

    def test_salesperson_is_the_invoices_else_the_customers(self):
        by_invoice = self.invoice(self.customer, date(2026, 1, 10), salesperson=self.seller_2)
        by_customer = self.invoice(self.customer, date(2026, 1, 10), salesperson=False)
        self.assertFalse(by_customer.invoice_user_id)
        self.assertEqual(self.overdue(by_invoice).user_id, self.seller_2)
        self.assertEqual(self.overdue(by_customer).user_id, self.seller)

    def test_promise_by_the_customers_salesperson_only(self):
        move = self.invoice(self.customer, date(2026, 1, 10))
        line = self.overdue(move, user=self.seller)
        self.assertTrue(line.can_promise)
        action = line.action_promise()
        with Form(
            self.env[action["res_model"]].with_user(self.seller).with_context(**action["context"])
        ) as form:
            form.promised_date = date(2099, 1, 15)
            form.followup_date = date(2099, 1, 16)
            form.note = "Pays after the board meeting"
        form.record.action_confirm()
        promise = self.Promise.search([("move_id", "=", move.id)])
        self.assertEqual(promise.user_id, self.seller)
        self.assertEqual(promise.promised_date, date(2099, 1, 15))
        self.assertEqual(promise.amount_residual, 1000.0)
        line = self.overdue(move, user=self.seller)
        self.assertEqual((line.promise_date, line.promise_count), (date(2099, 1, 15), 1))
        self.assertFalse(line.promise_broken)
        self.assertEqual(line.next_activity_date, date(2099, 1, 16))
        activity = move.activity_ids
        self.assertEqual(activity.user_id, self.seller)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref(f"{MODULE}.mail_activity_type_receivable_followup"),
        )
        self.assertIn("2099-01-15", move.message_ids[0].body)
        # others: the other salesperson, the Department Head, through the
        # dialog or a plain create; nobody changes nor deletes a promise
        for user in (self.seller_2, self.head):
            with self.subTest(user=user.login):
                self.assertFalse(self.overdue(move, user=user).can_promise)
                with self.assertRaisesMessage(UserError, "Only the customer's salesperson"):
                    self.Promise.with_user(user).create(
                        {"move_id": move.id, "promised_date": "2099-02-01"}
                    )
        with self.assertRaisesMessage(UserError, "Only the customer's salesperson"):
            self.overdue(move, user=self.head).action_promise()
        for user in (self.seller, self.head):
            with self.subTest(user=user.login):
                with self.assertRaisesMessage(UserError, "cannot be changed"):
                    promise.with_user(user).write({"promised_date": "2099-12-31"})
                with self.assertRaises(AccessError):
                    promise.with_user(user).unlink()
        self.assertEqual(promise.promised_date, date(2099, 1, 15))
        # a promise names no other salesperson, and never a past day
        with self.assertRaisesMessage(UserError, "records only the invoice"):
            self.Promise.with_user(self.seller).create(
                {"move_id": move.id, "promised_date": "2099-02-01", "user_id": self.head.id}
            )
        with self.assertRaisesMessage(UserError, "before today"):
            self.Promise.with_user(self.seller).create(
                {"move_id": move.id, "promised_date": "2020-01-01"}
            )
        with self.assertRaisesMessage(UserError, "overdue invoice"):
            self.Promise.with_user(self.seller).create(
                {"move_id": "1 OR 1=1", "promised_date": "2099-02-01"}
            )
        # a new promise supersedes the first; the history keeps both
        self.Promise.with_user(self.seller).create(
            {"move_id": move.id, "promised_date": "2099-03-01"}
        )
        line = self.overdue(move, user=self.seller)
        self.assertEqual((line.promise_date, line.promise_count), (date(2099, 3, 1), 2))
        self.assertEqual(self.Promise.search_count([("move_id", "=", move.id)]), 2)

    def test_broken_promise(self):
        with freeze_time("2026-02-01 03:00:00"):
            move = self.invoice(self.customer, date(2026, 1, 10))
            self.Promise.with_user(self.seller).create(
                {"move_id": move.id, "promised_date": "2026-02-05"}
            )
        with freeze_time("2026-02-06 03:00:00"):
            line = self.overdue(move, user=self.seller)
            self.assertTrue(line.promise_broken)
            self.assertIn(line, self.Overdue.search([("promise_broken", "=", True)]))

    # ------------------------------------------------------------
    # tiles and the monthly report
    # ------------------------------------------------------------

    def test_tiles_count_what_the_list_shows(self):
        mine = self.invoice(self.customer, date(2026, 1, 10))
        mine |= self.invoice(self.customer, date(2026, 2, 10))
        self.invoice(self.customer_2, date(2026, 1, 10))
        not_due = self.invoice(self.customer, date(2099, 1, 10))
        self.assertFalse(self.overdue(not_due))
        Tile = self.env["sale.regulation.dashboard.tile"]
        my_tile = self.env.ref(f"{MODULE}.dashboard_tile_my_overdue_receivables")
        department_tile = self.env.ref(f"{MODULE}.dashboard_tile_department_overdue_receivables")
        seller_tiles = Tile.with_user(self.seller).search([("can_open", "=", True)])
        self.assertIn(my_tile, seller_tiles)
        self.assertNotIn(department_tile, seller_tiles)
        self.assertEqual(my_tile.with_user(self.seller).count, 2)
        self.assertEqual(my_tile.with_user(self.seller_2).count, 1)
        action = my_tile.with_user(self.seller).action_open()
        self.assertEqual(self.Overdue.with_user(self.seller).search(action["domain"]).move_id, mine)
        head_count = department_tile.with_user(self.head).count
        self.assertEqual(head_count, self.Overdue.with_user(self.head).search_count([]))
        self.assertGreaterEqual(head_count, 3)

    def _xlsx(self, user, year, month):
        book = self.print_month_report(
            "sale.receivable.report.wizard", user, month=str(month), year=year
        )
        summary, invoices = book.worksheets
        title = summary.cell(1, 1).value
        totals = {
            row[0]: row[1:]
            for row in summary.iter_rows(min_row=4, values_only=True)
            if row[0] is not None
        }
        lines = {
            row[2]: row
            for row in invoices.iter_rows(min_row=4, values_only=True)
            if row[0] is not None
        }
        return title, totals, lines

    def test_monthly_xlsx(self):
        with freeze_time("2026-04-15 03:00:00"):
            # due in January; paid on 5 April: still owed at the end of March
            paid = self.invoice(self.customer, date(2026, 1, 20), amount=500.0)
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=paid.ids
            ).create({"payment_date": "2026-04-05"})._create_payments()
            owed = self.invoice(self.customer, date(2026, 3, 20), amount=300.0)
            other = self.invoice(self.customer_2, date(2025, 12, 1), amount=700.0)
            self.Promise.with_user(self.seller_2).create(
                {"move_id": other.id, "promised_date": "2026-04-30"}
            )
            title, totals, lines = self._xlsx(self.head, 2026, 3)
            self.assertIn("2026-03-31", title)
            # at 31 March: 70 days for January's, 11 for March's, 120 for December's
            self.assertEqual(lines[paid.name][4:7], (70, "61-90 days", 500.0))
            self.assertEqual(lines[owed.name][4:7], (11, "1-30 days", 300.0))
            self.assertEqual(lines[other.name][4:7], (120, "Over 90 days", 700.0))
            self.assertEqual(lines[other.name][7].date(), date(2026, 4, 30))
            self.assertEqual(totals[self.seller.name], (300.0, 0, 500.0, 0, 800.0))
            self.assertEqual(totals[self.seller_2.name], (0, 0, 0, 700.0, 700.0))
            # a salesperson's report: her customers only
            _title, totals, lines = self._xlsx(self.seller, 2026, 3)
            self.assertEqual(set(lines), {paid.name, owed.name})
            self.assertEqual(set(totals) - {"Total"}, {self.seller.name})
            # this month's: as of today, the paid invoice gone
            title, _totals, lines = self._xlsx(self.seller, 2026, 4)
            self.assertIn("2026-04-15", title)
            self.assertEqual(set(lines), {owed.name})
            self.assertEqual(lines[owed.name][4], 26)
            with self.assertRaisesMessage(UserError, "month that has begun"):
                self._xlsx(self.seller, 2026, 5)
