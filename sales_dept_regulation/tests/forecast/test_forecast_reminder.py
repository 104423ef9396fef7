# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .forecast_common import ForecastCommon

REMINDER = f"{MODULE}.mail_activity_type_forecast_reminder"
FEB = date(2026, 2, 1)


@tagged("post_install", "-at_install")
class TestForecastReminder(ForecastCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reminder_type = cls.env.ref(REMINDER)
        # a company with its own due day, created after the install
        cls.company_2 = cls.env["res.company"].create({"name": "Forecast Second Co"})
        cls.company_2.sdr_forecast_due_day = 10
        cls.seller_2 = new_test_user(
            cls.env,
            login="sdr_forecast_seller_co2",
            groups=f"{MODULE}.group_role_salesperson",
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
            tz=cls.TIME_ZONE,
        )

    def _run_cron(self, when):
        with freeze_time(when):
            self.Forecast._cron_forecast_reminders()

    def _reminders(self, user, company=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "sale.forecast"),
                ("activity_type_id", "=", self.reminder_type.id),
                ("user_id", "=", user.id),
                ("res_id", "in", self._forecasts(user, company).ids),
            ]
        )

    def _forecasts(self, user, company=None):
        return self.Forecast.search(
            [("user_id", "=", user.id), ("company_id", "=", (company or self.company).id)]
        )

    def test_reminder_once_before_the_due_day_and_done_on_submit(self):
        # a salesperson who submitted already is not reminded
        with freeze_time(datetime(2026, 1, 20, 2, 0)):
            self._forecast(FEB, [(self.customer_a, 100)], user=self.other_salesperson).with_user(
                self.other_salesperson
            ).action_submit()
        # February's forecast is due on 25 January; reminded from the 22nd
        self._run_cron(datetime(2026, 1, 21, 2, 0))
        self.assertFalse(self._forecasts(self.salesperson))
        # 00:30 on the 22nd in Shanghai, still the 21st in UTC
        self._run_cron(datetime(2026, 1, 21, 16, 30))
        forecast = self._forecasts(self.salesperson)
        self.assertEqual((forecast.month, forecast.state), (FEB, "draft"))
        reminder = self._reminders(self.salesperson)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.date_deadline, date(2026, 1, 25))
        self.assertEqual(forecast.reminder_date, date(2026, 1, 22))
        # again the same day and the next days: no second reminder, no second forecast
        # as the scheduled job, committing per company
        cron = self.env.ref(f"{MODULE}.ir_cron_forecast_reminders")
        with freeze_time(datetime(2026, 1, 21, 20, 0)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self._run_cron(datetime(2026, 1, 23, 2, 0))
        self.assertEqual(self._reminders(self.salesperson), reminder)
        self.assertEqual(self._forecasts(self.salesperson), forecast)
        self.assertFalse(self._reminders(self.other_salesperson))
        # submitting answers the reminder
        with freeze_time(datetime(2026, 1, 24, 2, 0)):
            forecast.with_user(self.salesperson).write(
                {"line_ids": [Command.create({"partner_id": self.customer_a.id, "amount": 10})]}
            )
            forecast.with_user(self.salesperson).action_submit()
        self.assertFalse(reminder.exists() and reminder.active)
        self.assertFalse(self._reminders(self.salesperson))

    def test_reminders_per_company(self):
        # the second company's forecasts are due on the 10th: reminded from the 7th
        self._run_cron(datetime(2026, 1, 7, 2, 0))
        forecast_2 = self._forecasts(self.seller_2, self.company_2)
        self.assertEqual((forecast_2.month, forecast_2.deadline), (FEB, date(2026, 1, 10)))
        self.assertEqual(len(self._reminders(self.seller_2, self.company_2)), 1)
        self.assertFalse(self._forecasts(self.salesperson))
        # the first company's from the 22nd; the second company's seller once only
        self._run_cron(datetime(2026, 1, 22, 2, 0))
        self.assertEqual(len(self._reminders(self.salesperson)), 1)
        self.assertEqual(len(self._reminders(self.seller_2, self.company_2)), 1)
        # a salesperson in both companies is reminded in each
        self.other_salesperson.company_ids = [Command.link(self.company_2.id)]
        self._run_cron(datetime(2026, 2, 7, 2, 0))
        march_2 = self._forecasts(self.other_salesperson, self.company_2)
        self.assertEqual(march_2.month, date(2026, 3, 1))
        self.assertEqual(len(self._reminders(self.other_salesperson, self.company_2)), 1)

    def test_cancelled_forecast_clears_its_reminder(self):
        self._run_cron(datetime(2026, 1, 22, 2, 0))
        forecast = self._forecasts(self.salesperson)
        forecast.with_user(self.salesperson).action_cancel("Leaving the company")
        self.assertFalse(self._reminders(self.salesperson))
