# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestPlanTour(HttpCase):
    """张伟 reads the demo plan and its achievement, in Chinese: nothing is set
    up here, the test reads afterwards."""

    browser_size = "1440x900"

    def test_department_head_reads_the_plan_and_its_achievement(self):
        plan = self.env.ref(f"{MODULE}.sale_plan_demo")
        self.assertEqual(plan.state, "approved")
        self.start_tour("/odoo", "sales_dept_regulation_plan", login="zhangwei")
        # reading changed nothing
        self.assertEqual(plan.state, "approved")
        self.assertFalse(plan.revision_ids)
