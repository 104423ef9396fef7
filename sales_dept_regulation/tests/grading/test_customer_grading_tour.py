# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustomerGradingTour(HttpCase):
    def test_department_head_locks_a_grade(self):
        head = new_test_user(
            self.env,
            login="sdr_tour_head",
            name="Tour Department Head",
            groups="sales_dept_regulation.group_role_department_head",
        )
        grade = self.env["sale.customer.grade"].create(
            {
                "name": "TourGrade",
                "customer_stage": "potential",
                "sequence": 0,
                "regular_visits": False,
            }
        )
        customer = self.env["res.partner"].create(
            {"name": "Tour Customer Ltd.", "is_company": True, "customer_rank": 1}
        )
        customer._recompute_customer_grading()
        self.start_tour(
            f"/odoo/res.partner/{customer.id}",
            "sales_dept_regulation_lock_grade",
            login=head.login,
        )
        self.assertTrue(customer.customer_grade_locked)
        self.assertEqual(customer.customer_grade_id, grade)
        history = customer.customer_grade_history_ids.filtered(lambda h: h.change_type == "lock")
        self.assertEqual(history.reason, "Strategic key account")
        self.assertEqual(history.user_id, head)
