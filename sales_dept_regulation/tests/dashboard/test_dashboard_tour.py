# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, new_test_user, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_department_head_opens_the_fines_to_confirm_from_the_landing_page(self):
        self.env.ref("base.lang_zh_CN").active = True
        head = new_test_user(
            self.env,
            login="tile_head",
            password="tile_head",
            name="Tile Head",
            lang="zh_CN",
            groups="sales_dept_regulation.group_role_department_head",
        )
        Employee = self.env["hr.employee"]
        head_employee = Employee.create({"name": "Tile Head", "user_id": head.id})
        department = self.env["hr.department"].create(
            {"name": "Tile Sales", "manager_id": head_employee.id}
        )
        seller = Employee.create(
            {
                "name": "Tile Seller",
                "department_id": department.id,
                "parent_id": head_employee.id,
            }
        )
        # only this draft fine waits for the head
        Fine = self.env["sale.conduct.fine"]
        Fine.search([("state", "=", "draft")]).sudo().action_cancel("Not part of the tour")
        Fine.create(
            {
                "employee_id": seller.id,
                "rule_id": self.env.ref("sales_dept_regulation.conduct_rule_speakerphone").id,
            }
        )
        self.start_tour("/odoo", "sales_dept_regulation_dashboard", login="tile_head")


@tagged("post_install", "-at_install")
class TestDashboardHomeTours(HttpCase):
    """On the demo data, as the demo users (whose password is their login): no
    set-up here, the tests only read what the tours did."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref(f"{MODULE}.company_demo_jianshi", raise_if_not_found=False)
        privilege = cls.env.ref(f"{MODULE}.res_groups_privilege_sales_regulation")
        cls.users = cls.env["res.users"].search(
            [
                ("group_ids.privilege_id", "=", privilege.id),
                ("company_id", "=", cls.company.id),
                ("share", "=", False),
            ]
        )

    def setUp(self):
        super().setUp()
        if not self.company:
            self.skipTest("no demo data")

    def test_every_role_opens_its_home_and_a_tile(self):
        # one demo user per role, found by role: users added to the demo later count
        for user in self.users:
            with self.subTest(login=user.login):
                self.start_tour("/odoo", "sales_dept_regulation_dashboard_home", login=user.login)

    def test_regulation_admin_adds_a_tile_by_clicking(self):
        admin = self.env.ref(f"{MODULE}.group_role_regulation_admin")
        user = (self.users & admin.all_user_ids)[:1]
        self.start_tour("/odoo", "sales_dept_regulation_dashboard_add_tile", login=user.login)
        tile = self.env["sale.regulation.dashboard.tile"].search(
            [("name", "=", "设累计上限的规范")]
        )
        self.assertEqual(tile.action_id, self.env.ref(f"{MODULE}.sale_conduct_rule_action"))
        self.assertEqual(tile.domain, '[("has_repeat_limit", "!=", False)]')
        self.assertEqual(tile.group_ids, admin)
        self.assertTrue(tile.with_user(user).with_company(self.company).count)


@tagged("post_install", "-at_install")
class TestDashboardHomePhoneTour(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_department_head_opens_a_tile_on_a_phone(self):
        head = self.env.ref(f"{MODULE}.user_demo_department_head", raise_if_not_found=False)
        if not head:
            self.skipTest("no demo data")
        self.start_tour("/odoo", "sales_dept_regulation_dashboard_home", login=head.login)
