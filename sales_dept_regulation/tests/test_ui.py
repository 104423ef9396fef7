# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .test_install import DEMO_USERS


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_each_demo_user_opens_the_app(self):
        """Each demo user logs in (password = login) and opens the app."""
        for key, xmlid in DEMO_USERS.items():
            user = self.env.ref(f"sales_dept_regulation.{xmlid}")
            with self.subTest(role=key):
                tour = (
                    "sales_dept_regulation_open_app_admin"
                    if key == "regulation_admin"
                    else "sales_dept_regulation_open_app"
                )
                self.start_tour("/odoo", tour, login=user.login)
