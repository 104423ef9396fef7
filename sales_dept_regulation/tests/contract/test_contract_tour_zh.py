# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from ..common import MODULE
from .contract_common import ContractCommon


@tagged("post_install", "-at_install")
class TestContractTourChinese(HttpCase, ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

        def user(login, name, role):
            return new_test_user(
                cls.env,
                login=login,
                name=name,
                lang="zh_CN",
                tz="Asia/Shanghai",
                groups=f"{MODULE}.{role}",
            )

        cls.wang = user("zh_wangfang", "王芳", "group_role_salesperson")
        cls.signers = (
            user("zh_zhangwei", "张伟", "group_role_department_head"),
            user("zh_chenjing", "陈静", "group_role_deputy_general_manager"),
            user("zh_zhaoqiang", "赵强", "group_role_general_manager"),
        )
        cls.liu = user("zh_liuyang", "刘洋", "group_role_sales_clerk")
        # she is the clerk who files the contracts
        clerks = cls.env.ref(f"{MODULE}.group_role_sales_clerk")
        clerks.user_ids = [Command.unlink(u.id) for u in clerks.user_ids - cls.liu]
        cls.env["res.partner"].create(
            {"name": "宁波瑞丰塑料制品有限公司", "user_id": cls.wang.id, "lang": "zh_CN"}
        )
        cls.env["account.payment.term"].create({"name": "月结三十天"})

    def test_wang_fang_submits_three_managers_sign_the_clerk_files(self):
        self.start_tour("/odoo", "sales_dept_regulation_contract_create_zh", login=self.wang.login)
        order = self.env["sale.order"].search([("client_order_ref", "=", "HT-ZH-001")])
        self.assertEqual(order.user_id, self.wang)
        self.assertTrue(order.is_contract)
        self.assertEqual(order.validation_status, "pending")
        for signer in self.signers:
            with self.subTest(signer=signer.name):
                self.start_tour(
                    f"/odoo/sales/{order.id}",
                    "sales_dept_regulation_contract_sign",
                    login=signer.login,
                )
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(
            order.sdr_signature_ids.user_id, self.signers[0] | self.signers[1] | self.signers[2]
        )
        activity = order.activity_ids.filtered(lambda a: a.user_id == self.liu)
        self.assertTrue(activity, "the clerk has her filing activity")
        action = activity.with_user(self.liu).action_open_document()
        self.assertEqual(action["res_id"], order.id)
        self.start_tour(
            f"/odoo/sales/{order.id}",
            "sales_dept_regulation_contract_clerk_zh",
            login=self.liu.login,
        )
