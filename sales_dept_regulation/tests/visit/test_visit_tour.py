# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVisitPhoneTour(HttpCase):
    """王芳 writes today's work log on a phone, from the app's menu: nothing is
    set up here, the test reads afterwards."""

    browser_size = "390x844"
    touch_enabled = True

    def test_salesperson_writes_todays_log_on_a_phone(self):
        wang = self.env["res.users"].search([("login", "=", "wangfang")])
        Log = self.env["sale.work.log"]
        self.assertFalse(Log.search([("user_id", "=", wang.id), ("state", "=", "draft")]))
        self.start_tour("/odoo", "sales_dept_regulation_visit_work_log_phone", login="wangfang")
        log = Log.search([("user_id", "=", wang.id)], order="id desc", limit=1)
        self.assertEqual(log.date, fields.Date.context_today(log.with_user(wang)))
        self.assertEqual(
            (log.state, log.call_count, log.outcome, log.next_steps),
            ("submitted", 5, "华信同意下周试用新款注射器", "周一送样品到华信"),
        )
        self.assertFalse(log.is_late)
        self.assertEqual(log.company_id, wang.company_id)
