# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, new_test_user, tagged


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
