# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from ..common import MODULE

CONTRACT_NUMBER = "HT-2026-031"


@tagged("post_install", "-at_install")
class TestContractTourChinese(HttpCase):
    """The contract's main path by the demo users on the demo data, in Chinese,
    from the app's menu: nothing is set up here, the test reads afterwards."""

    def _demo_user(self, login):
        return self.env["res.users"].search([("login", "=", login)])

    def _write_and_submit(self):
        self.start_tour("/odoo", "sales_dept_regulation_contract_write_zh", login="wangfang")
        order = self.env["sale.order"].search([("client_order_ref", "=", CONTRACT_NUMBER)])
        self.assertEqual(order.user_id, self._demo_user("wangfang"))
        self.assertEqual(order.company_id, self.env.ref(f"{MODULE}.company_demo_jianshi"))
        self.assertTrue(order.is_contract)
        self.assertEqual(order.validation_status, "pending")
        return order

    def test_wang_fang_submits_three_managers_sign_from_to_sign(self):
        order = self._write_and_submit()
        self.assertTrue(order.sdr_amount_in_words.startswith("人民币"))
        signers = self.env["res.users"]
        for login in ("zhangwei", "chenjing", "zhaoqiang"):
            with self.subTest(signer=login):
                self.start_tour(
                    "/odoo", f"sales_dept_regulation_contract_sign_{login}", login=login
                )
                signers |= self._demo_user(login)
                self.assertEqual(order.sdr_signature_ids.user_id, signers)
        self.assertEqual(order.validation_status, "validated")
        self.assertTrue(all(order.sdr_signature_ids.mapped("signature")))
        self.assertEqual(set(order.sdr_signature_ids.mapped("comment")), {"已核对，同意"})
        bodies = " ".join(order.message_ids.mapped("body"))
        for name, step in (("张伟", "部长"), ("陈静", "副经理"), ("赵强", "总经理")):
            self.assertIn(f"{name} 已签字（{step}）", bodies)

    def test_a_manager_restarts_with_a_confirmation_and_a_reason(self):
        order = self._write_and_submit()
        self.start_tour("/odoo", "sales_dept_regulation_contract_sign_zhangwei", login="zhangwei")
        self.start_tour("/odoo", "sales_dept_regulation_contract_restart_zh", login="chenjing")
        self.assertFalse(order.review_ids)
        self.assertEqual(order.validation_status, "no")
        self.assertEqual(len(order.sdr_signature_ids), 1, "the given signature stays in history")
        wang = self._demo_user("wangfang")
        activity = order.activity_ids.filtered(lambda a: a.user_id == wang)
        self.assertIn("客户要求把数量改为5台", str(activity.note))
        message = order.message_ids.filtered(lambda m: "客户要求把数量改为5台" in str(m.body))
        self.assertIn(wang.partner_id, message.partner_ids)

    def test_the_regulation_administrator_reads_the_signers_in_chinese(self):
        self.start_tour("/odoo", "sales_dept_regulation_contract_signers_config_zh", login="sunlei")
        # a read: nothing of the signers' configuration changed
        tier = self.env.ref(f"{MODULE}.tier_definition_contract_department_head")
        self.assertEqual(
            tier.reviewer_group_id, self.env.ref(f"{MODULE}.group_role_department_head")
        )
        self.assertEqual(tier.write_uid, tier.create_uid)
