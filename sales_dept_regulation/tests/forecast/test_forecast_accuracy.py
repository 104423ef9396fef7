# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .forecast_common import ForecastCommon

FEB = date(2026, 2, 1)


@tagged("post_install", "-at_install")
class TestForecastAccuracy(ForecastCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_c = cls.env["res.partner"].create({"name": "Unforecast C", "is_company": True})

    def _submitted_february(self):
        with freeze_time(datetime(2026, 1, 20, 2, 0)):
            forecast = self._forecast(FEB, [(self.customer_a, 2000), (self.customer_b, 4000)])
            forecast.with_user(self.salesperson).action_submit()
        return forecast

    def test_accuracy_by_month_in_the_salesperson_time_zone(self):
        forecast = self._submitted_february()
        # 01:00 on 1 February in Shanghai: February's
        self._order(self.customer_a, 1500, datetime(2026, 1, 31, 17, 0))
        # ordered by A's buyer: A's
        self._order(self.contact_a, 500, datetime(2026, 2, 10, 2, 0))
        # 23:00 on 31 January in Shanghai: January's
        self._order(self.customer_a, 700, datetime(2026, 1, 31, 15, 0))
        # 23:00 on 28 February in Shanghai: February's; 00:30 on 1 March: March's
        self._order(self.customer_b, 1000, datetime(2026, 2, 28, 15, 0))
        self._order(self.customer_b, 800, datetime(2026, 2, 28, 16, 30))
        # a customer without a forecast line counts in the salesperson's month
        self._order(self.customer_c, 600, datetime(2026, 2, 3, 2, 0))
        # another salesperson's order, and a quotation, are not hers
        self._order(self.customer_a, 900, datetime(2026, 2, 3, 2, 0), user=self.other_salesperson)
        self.env["sale.order"].create(
            {"partner_id": self.customer_a.id, "user_id": self.salesperson.id}
        )
        self.env.flush_all()
        rows = {
            row.partner_id: (row.forecast_amount, row.actual_amount, row.accuracy)
            for row in self.Accuracy.search([("forecast_id", "=", forecast.id)])
        }
        self.assertEqual(
            rows,
            {
                self.customer_a: (2000, 2000, 100),
                self.customer_b: (4000, 1000, 25),
                self.customer_c: (0, 600, 0),  # no forecast: no accuracy (empty)
            },
        )
        # a group's accuracy is the formula on its sums: 1 - |3600 - 6000| / 6000,
        # not the average of its rows' (62.5)
        [(user, month, forecast_sum, actual_sum, accuracy)] = self.Accuracy._read_group(
            [("forecast_id", "=", forecast.id)],
            ["user_id", "month:month"],
            ["forecast_amount:sum", "actual_amount:sum", "accuracy:avg"],
        )
        self.assertEqual((user, month), (self.salesperson, FEB))
        self.assertEqual((forecast_sum, actual_sum), (6000, 3600))
        self.assertAlmostEqual(accuracy, 60.0)
        # and on the forecast itself
        forecast.invalidate_recordset(["actual_amount", "accuracy"])
        self.assertEqual(forecast.actual_amount, 3600)
        self.assertAlmostEqual(forecast.accuracy, 60.0)
        # the weekly review's figures
        figures = self.Forecast.with_user(self.head)._forecast_review_figures(
            self.salesperson | self.other_salesperson, FEB
        )
        self.assertEqual(figures[self.salesperson.id]["amount"], 6000)
        self.assertAlmostEqual(figures[self.salesperson.id]["accuracy"], 60.0)
        self.assertFalse(figures[self.other_salesperson.id]["forecast"])

    def test_accuracy_floor_and_drafts_left_out(self):
        forecast = self._submitted_february()
        # three times the forecast: 1 - |12000 - 2000| / 2000 < 0, shown as 0
        self._order(self.customer_a, 12000, datetime(2026, 2, 3, 2, 0))
        # the order's pending date is written before the forecast reads the view
        self.assertEqual(forecast.actual_amount, 12000)
        self.assertEqual(forecast.accuracy, 0)
        with freeze_time(datetime(2026, 1, 20, 2, 0)):
            draft = self._forecast(FEB, [(self.customer_a, 100)], user=self.other_salesperson)
        self.env.flush_all()
        row = self.Accuracy.search(
            [("forecast_id", "=", forecast.id), ("partner_id", "=", self.customer_a.id)]
        )
        self.assertEqual(row.accuracy, 0)
        self.assertFalse(self.Accuracy.search([("forecast_id", "=", draft.id)]))

    def test_weekly_review_shows_the_forecasts(self):
        forecast = self._submitted_february()
        self._order(self.customer_a, 1500, datetime(2026, 2, 10, 2, 0))
        # March's forecast: a draft, due on 25 February
        with freeze_time(datetime(2026, 1, 20, 2, 0)):
            self._forecast(date(2026, 3, 1), [(self.customer_b, 100)])
        with freeze_time(datetime(2026, 2, 12, 2, 0)):
            review = (
                self.env["sale.weekly.review"]
                .with_user(self.head)
                .create({"user_id": self.salesperson.id, "week_date": "2026-02-11"})
            )
            section = next(s for s in review._review_sections() if s["key"] == "forecasts")
        rows = dict(section["rows"])
        self.assertIn("6,000.00", rows["Forecast of this month"])
        self.assertIn("1,500.00", rows["Confirmed against it so far"])
        self.assertIn("Not submitted", rows["Forecast of next month"])
        self.assertIn(review._date(date(2026, 2, 25)), rows["Forecast of next month"])
        self.assertEqual(rows["Accuracy of last month"], "—")
        self.assertEqual(forecast.state, "submitted")
