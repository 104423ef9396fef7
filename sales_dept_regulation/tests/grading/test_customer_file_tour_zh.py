# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields
from odoo.tests import HttpCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestCustomerFileTourChinese(HttpCase):
    """The demo salesperson on the demo data: nothing is set up here."""

    def test_wang_fang_keeps_her_customer_file(self):
        wang = self.env.ref(f"{MODULE}.user_demo_salesperson")
        self.start_tour("/odoo", "sales_dept_regulation_customer_file_zh", login=wang.login)
        Partner = self.env["res.partner"]
        customer = Partner.search([("name", "=", "杭州明德口腔器材有限公司")])
        self.assertEqual(customer.user_id, wang)
        self.assertEqual(customer.phone, "+86 571 5555 0909")
        self.assertEqual(customer.customer_expected_volume, 600000)
        self.assertEqual(customer.customer_interest_level, "high")
        self.assertEqual(customer.customer_stage, "potential")
        self.assertEqual(customer.customer_grade_id.name, "A")
        self.assertEqual(customer.customer_grade_id.company_id, wang.company_id)
        self.assertEqual(
            customer.customer_last_visit_date,
            fields.Date.context_today(customer.with_user(wang)),
        )
        visit = customer.message_ids.filtered(
            lambda m: (
                m.mail_activity_type_id
                == self.env.ref(f"{MODULE}.mail_activity_type_customer_visit")
            )
        )
        self.assertIn("拜访采购部，对方计划五月试用样品。", visit.body)
        quoted = Partner.search([("name", "=", "温州新华医疗用品厂")])
        self.assertEqual(quoted.user_id, wang)
        self.assertEqual(quoted.customer_stage, "potential")
        order = self.env["sale.order"].search([("partner_id", "=", quoted.id)])
        self.assertEqual(order.user_id, wang)
