# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestForecastPhoneTour(HttpCase):
    """王芳 submits the demo's draft forecast of next month on a phone, from the
    app's menu: nothing is set up here, the test reads afterwards."""

    browser_size = "390x844"
    touch_enabled = True

    def test_salesperson_submits_her_forecast_on_a_phone(self):
        forecast = self.env.ref(f"{MODULE}.sale_forecast_demo_next_month", raise_if_not_found=False)
        if not forecast:
            self.skipTest("the demo data is not installed")
        self.assertEqual(forecast.state, "draft")
        self.start_tour("/odoo", "sales_dept_regulation_forecast_phone", login="wangfang")
        self.assertEqual(forecast.state, "submitted")
        self.assertEqual(forecast.submit_date.date(), forecast.write_date.date())
        self.assertFalse(forecast.activity_ids)
