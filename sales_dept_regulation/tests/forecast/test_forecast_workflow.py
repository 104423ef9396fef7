# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .forecast_common import ForecastCommon

# 10:00 in Shanghai on 20 January 2026: February's forecast is due on the 25th
JAN_20 = datetime(2026, 1, 20, 2, 0)
FEB = date(2026, 2, 1)


@tagged("post_install", "-at_install")
class TestForecastWorkflow(ForecastCommon):
    def test_deadline_and_late_flag_in_the_salesperson_time_zone(self):
        with freeze_time(JAN_20):
            on_time = self._forecast(FEB, [(self.customer_a, 1000)])
            late = self._forecast(FEB, [(self.customer_a, 1000)], user=self.other_salesperson)
        self.assertEqual(on_time.deadline, date(2026, 1, 25))
        # 23:00 on the 25th in Shanghai: still the due day
        with freeze_time(datetime(2026, 1, 25, 15, 0)):
            on_time.with_user(self.salesperson).action_submit()
        # 00:30 on the 26th in Shanghai (16:30 UTC on the 25th): late
        with freeze_time(datetime(2026, 1, 25, 16, 30)):
            late.with_user(self.other_salesperson).action_submit()
        self.assertEqual(on_time.state, "submitted")
        self.assertFalse(on_time.is_late)
        self.assertEqual(on_time.submit_date, datetime(2026, 1, 25, 15, 0))
        self.assertTrue(late.is_late)
        # the company's due day moves the due date of drafts, not of submitted forecasts
        with freeze_time(JAN_20):
            march = self._forecast(date(2026, 3, 1), [(self.customer_b, 500)])
        self.company.sdr_forecast_due_day = 10
        self.assertEqual(march.deadline, date(2026, 2, 10))
        self.assertEqual(on_time.deadline, date(2026, 1, 25))
        with self.assertRaisesMessage(ValidationError, "1 and 28|1 到 28|1 至 28"):
            self.company.sdr_forecast_due_day = 31

    def test_month_is_next_month_by_default_and_its_first_day(self):
        with freeze_time(JAN_20):
            forecast = self.Forecast.with_user(self.salesperson).create({})
            self.assertEqual(forecast.month, FEB)
            self.assertEqual(forecast.user_id, self.salesperson)
            forecast.month = "2026-03-17"
        self.assertEqual(forecast.month, date(2026, 3, 1))
        # the month in the salesperson's time zone, as UTC bounds of the orders' dates
        self.assertEqual(forecast.date_start, datetime(2026, 2, 28, 16, 0))
        self.assertEqual(forecast.date_stop, datetime(2026, 3, 31, 16, 0))
        with self.assertRaisesMessage(UserError, "must be a date|必须是日期"):
            forecast.with_user(self.salesperson).write({"month": "not a month"})

    def test_frozen_after_submit_through_any_write(self):
        with freeze_time(JAN_20):
            forecast = self._forecast(FEB, [(self.customer_a, 1000)])
            forecast.with_user(self.salesperson).action_submit()
        as_seller = forecast.with_user(self.salesperson)
        line = as_seller.line_ids
        attempts = {
            "note": lambda: as_seller.write({"note": "changed"}),
            "month": lambda: as_seller.write({"month": "2026-03-01"}),
            "line amount": lambda: line.write({"amount": 1}),
            "line via forecast": lambda: as_seller.write(
                {"line_ids": [Command.update(line.id, {"amount": 1})]}
            ),
            "new line": lambda: line.create(
                {"forecast_id": forecast.id, "partner_id": self.customer_b.id, "amount": 5}
            ),
            "delete line": lambda: line.unlink(),
            "delete forecast": lambda: as_seller.unlink(),
            "back to draft": lambda: as_seller.write({"state": "draft"}),
            "submit again": lambda: as_seller.action_submit(),
        }
        for name, attempt in attempts.items():
            with self.subTest(attempt=name), self.assertRaises(UserError):
                attempt()
        self.assertEqual(
            (forecast.state, forecast.amount_total, forecast.note), ("submitted", 1000, False)
        )

    def test_workflow_fields_never_by_hand(self):
        with freeze_time(JAN_20):
            forecast = self._forecast(FEB, [(self.customer_a, 1000)])
            as_seller = forecast.with_user(self.salesperson)
            for vals in (
                {"state": "submitted"},
                {"submit_date": "2026-01-01 00:00:00"},
                {"is_late": True},
                {"reminder_date": "2026-01-01"},
                {"amount_total": 5},
            ):
                with self.subTest(vals=vals), self.assertRaisesMessage(UserError, "buttons|按钮"):
                    as_seller.write(vals)
            with self.assertRaisesMessage(UserError, "buttons|按钮"):
                self._forecast(date(2026, 3, 1), [], state="submitted")
            # a context default never fills a workflow field
            other = (
                self.Forecast.with_user(self.salesperson)
                .with_context(default_state="submitted", default_is_late=True)
                .create({"month": "2026-04-01"})
            )
        self.assertEqual((other.state, other.is_late), ("draft", False))
        self.assertEqual(forecast.state, "draft")

    def test_cannot_forecast_for_someone_else(self):
        with freeze_time(JAN_20):
            with self.assertRaisesMessage(UserError, "own forecast|自己的预测"):
                self._forecast(FEB, [], user_id=self.other_salesperson.id)
            # a context default does not choose the salesperson either
            forecast = (
                self.Forecast.with_user(self.salesperson)
                .with_context(default_user_id=self.other_salesperson.id)
                .create({"month": FEB})
            )
            self.assertEqual(forecast.user_id, self.salesperson)
            with self.assertRaisesMessage(UserError, "buttons|按钮"):
                forecast.with_user(self.salesperson).write({"user_id": self.other_salesperson.id})
            # the other salesperson neither reads nor writes it
            with self.assertRaises(AccessError):
                forecast.with_user(self.other_salesperson).write({"note": "mine now"})
            with self.assertRaises(AccessError):
                self.env["sale.forecast.line"].with_user(self.other_salesperson).create(
                    {"forecast_id": forecast.id, "partner_id": self.customer_a.id, "amount": 1}
                )
            # the Department Head reads it but does not write the salesperson's word
            with self.assertRaisesMessage(UserError, "only she or he|只有"):
                forecast.with_user(self.head).write({"note": "head's figures"})
            with self.assertRaises(AccessError):
                forecast.with_user(self.head).action_submit()
            with self.assertRaises(AccessError):
                self.Forecast.with_user(self.head).create({"month": FEB})
        self.assertEqual(forecast.user_id, self.salesperson)
        self.assertFalse(forecast.note)

    def test_lines_per_commercial_customer(self):
        with freeze_time(JAN_20):
            forecast = self._forecast(FEB, [(self.contact_a, 1000)])
            self.assertEqual(forecast.line_ids.partner_id, self.customer_a)
            with self.assertRaisesMessage(ValidationError, "already has a line|已有"):
                forecast.with_user(self.salesperson).write(
                    {"line_ids": [Command.create({"partner_id": self.customer_a.id, "amount": 5})]}
                )
            with self.assertRaisesMessage(ValidationError, "negative|负"):
                forecast.line_ids.with_user(self.salesperson).write({"amount": -1})
            with self.assertRaisesMessage(UserError, "no line|没有"):
                self._forecast(date(2026, 3, 1), []).with_user(self.salesperson).action_submit()
        self.assertEqual(forecast.amount_total, 1000)

    def test_cancel_with_reason_then_forecast_again(self):
        with freeze_time(JAN_20):
            forecast = self._forecast(FEB, [(self.customer_a, 1000)])
            with self.assertRaisesMessage(ValidationError, "already has a forecast|已有"):
                self._forecast(FEB, [(self.customer_b, 1000)])
            forecast.with_user(self.salesperson).action_submit()
            with self.assertRaisesMessage(UserError, "reason|原因"):
                forecast.with_user(self.head).action_cancel("  ")
            with self.assertRaises(AccessError):
                forecast.with_user(self.role_users["general_manager"]).action_cancel("No")
            with self.assertRaises(AccessError):
                forecast.with_user(self.other_salesperson).action_cancel("Not mine")
            wizard = (
                self.env["sale.forecast.cancel.wizard"]
                .with_user(self.head)
                .create({"forecast_id": forecast.id, "reason": "Customer A was taken over"})
            )
            wizard.action_confirm()
            self.assertEqual(forecast.state, "cancelled")
            self.assertEqual(forecast.cancel_reason, "Customer A was taken over")
            again = self._forecast(FEB, [(self.customer_b, 3000)])
            again.with_user(self.salesperson).action_submit()
        self.assertEqual(again.state, "submitted")
        with self.assertRaisesMessage(UserError, "cannot be deleted|不能删除"):
            again.with_user(self.salesperson).unlink()
