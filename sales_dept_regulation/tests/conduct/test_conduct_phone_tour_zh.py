# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestConductPhoneTourChinese(HttpCase):
    """The demo Department Head on the demo data, on a phone: nothing is set up."""

    browser_size = "390x844"
    touch_enabled = True

    def test_zhang_wei_records_a_fine_on_a_phone(self):
        head = self.env.ref(f"{MODULE}.user_demo_department_head")
        Fine = self.env["sale.conduct.fine"]
        before = Fine.search([])
        self.start_tour("/odoo", "sales_dept_regulation_conduct_fine_phone_zh", login=head.login)
        fine = Fine.search([]) - before
        self.assertEqual(len(fine), 1)
        self.assertEqual(fine.employee_id, self.env.ref(f"{MODULE}.hr_employee_demo_telemarketer"))
        self.assertEqual(fine.rule_id, self.env.ref(f"{MODULE}.conduct_rule_phone_greeting"))
        self.assertEqual(fine.amount, 20)
        self.assertEqual(fine.state, "draft")
        self.assertEqual(fine.create_uid, head)
        # he reads the employees' public profiles only, as before
        self.assertFalse(self.env["hr.employee"].with_user(head).has_access("read"))
