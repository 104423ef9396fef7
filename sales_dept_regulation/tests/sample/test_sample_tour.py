# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, new_test_user, tagged

from ...models.grading.res_partner import GRADING_ENGINE_PASS
from ..common import MODULE


@tagged("post_install", "-at_install")
class TestSampleTour(HttpCase):
    def test_prospect_sample_from_request_to_statistics(self):
        self.env.ref("base.lang_zh_CN").active = True

        def user(login, role):
            return new_test_user(
                self.env, login=login, lang="zh_CN", tz="UTC", groups=f"{MODULE}.{role}"
            )

        sales = user("tour_sample_sales", "group_role_salesperson")
        rd = user("tour_sample_rd", "group_role_rd_engineer")
        head = user("tour_sample_head", "group_role_department_head")
        partner = self.env["res.partner"].create({"name": "Tour Prospect B", "user_id": sales.id})
        partner.sudo().with_context(sdr_grading_engine=GRADING_ENGINE_PASS).write(
            {
                "customer_stage": "potential",
                "customer_grade_id": self.env.ref(f"{MODULE}.sale_customer_grade_potential_b").id,
            }
        )
        self.start_tour(
            f"/odoo/action-{MODULE}.sale_sample_request_action/new",
            "sales_dept_regulation_sample_submit",
            login=sales.login,
        )
        request = self.env["sale.sample.request"].search([("partner_id", "=", partner.id)])
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.charged_amount, 500.0)
        # the fee order confirmed, the mould may start
        request.with_user(sales).action_create_fee_order()
        request.fee_order_id.action_confirm()
        self.start_tour(
            f"/odoo/action-{MODULE}.sale_sample_request_action/{request.id}",
            "sales_dept_regulation_sample_rd",
            login=rd.login,
        )
        self.assertEqual(request.state, "sent")
        self.assertTrue(request.sent_date)
        self.start_tour(
            f"/odoo/action-{MODULE}.sale_sample_request_action_statistics",
            "sales_dept_regulation_sample_statistics",
            login=head.login,
        )
