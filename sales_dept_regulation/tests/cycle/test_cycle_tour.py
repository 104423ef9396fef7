# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestCycleTour(HttpCase):
    """张伟 reads the month's delay analysis, in Chinese: nothing is set up
    here, the test reads afterwards."""

    browser_size = "1440x900"

    def test_department_head_reads_the_delay_analysis(self):
        order = self.env.ref(f"{MODULE}.sale_order_demo_cycle_late")
        cause = self.env.ref(f"{MODULE}.sale_delay_cause_production")
        self.assertEqual(order.sdr_delay_cause_id, cause)
        self.start_tour("/odoo", "sales_dept_regulation_cycle", login="zhangwei")
        # reading changed nothing
        self.assertEqual(order.sdr_delay_cause_id, cause)
        row = self.env["sale.order.cycle"].search([("order_id", "=", order.id)])
        self.assertTrue(row.is_late)
