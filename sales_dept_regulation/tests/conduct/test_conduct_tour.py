# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestConductTour(HttpCase):
    def test_department_head_records_an_11_minute_lateness(self):
        head = new_test_user(
            self.env,
            login="tour_head",
            password="tour_head",
            name="Tour Head",
            lang="en_US",
            groups="sales_dept_regulation.group_role_department_head",
        )
        Employee = self.env["hr.employee"]
        head_employee = Employee.create({"name": "Tour Head", "user_id": head.id})
        department = self.env["hr.department"].create(
            {"name": "Tour Sales", "manager_id": head_employee.id}
        )
        seller = Employee.create(
            {
                "name": "Tour Seller",
                "department_id": department.id,
                "parent_id": head_employee.id,
            }
        )
        self.start_tour("/odoo", "sales_dept_regulation_conduct_fine_late", login="tour_head")
        fine = self.env["sale.conduct.fine"].search([("employee_id", "=", seller.id)])
        self.assertEqual(len(fine), 1)
        self.assertEqual(fine.minutes_late, 11)
        self.assertEqual(fine.amount, 50)
        self.assertEqual(fine.create_uid, head)
