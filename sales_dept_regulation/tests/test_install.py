# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import tagged

from .common import MODULE, ROLE_XMLIDS, RegulationCommon

DEMO_USERS = {
    "salesperson": "user_demo_salesperson",
    "telemarketer": "user_demo_telemarketer",
    "sales_clerk": "user_demo_sales_clerk",
    "department_head": "user_demo_department_head",
    "deputy_general_manager": "user_demo_deputy_general_manager",
    "general_manager": "user_demo_general_manager",
    "regulation_admin": "user_demo_regulation_admin",
}
SIGNING_ROLES = ["department_head", "deputy_general_manager", "general_manager"]


@tagged("post_install", "-at_install")
class TestInstall(RegulationCommon):
    def test_module_installed_as_application(self):
        module = self.env["ir.module.module"].search([("name", "=", MODULE)])
        self.assertEqual(module.state, "installed")
        self.assertTrue(module.application)
        self.assertEqual(module.latest_version, "19.0.1.0.0")
        root = self.env.ref(f"{MODULE}.menu_sales_regulation_root")
        self.assertFalse(root.parent_id)
        self.assertTrue(root.web_icon)

    def test_roles_share_one_privilege_in_sales(self):
        privilege = self.env.ref(f"{MODULE}.res_groups_privilege_sales_regulation")
        self.assertEqual(privilege.category_id, self.env.ref("base.module_category_sales"))
        # R&D's, the technical department's and the contract administrator's roles
        # have no test user of RegulationCommon: see tests/sample, tests/aftersales
        # and tests/credit
        rd_engineer = self.env.ref(f"{MODULE}.group_role_rd_engineer")
        technical_staff = self.env.ref(f"{MODULE}.group_role_technical_staff")
        contract_admin = self.env.ref(f"{MODULE}.group_role_contract_admin")
        self.assertEqual(
            set(privilege.group_ids),
            {*self.roles.values(), rd_engineer, technical_staff, contract_admin},
        )
        self.assertEqual(len(self.roles), 7)

    def test_no_role_implies_another_role(self):
        all_roles = self.env["res.groups"].union(*self.roles.values())
        for key, role in self.roles.items():
            with self.subTest(role=key):
                self.assertEqual(role.all_implied_ids & all_roles, role)

    def test_higher_role_never_holds_a_lower_signing_role(self):
        gm = self.role_users["general_manager"]
        deputy = self.role_users["deputy_general_manager"]
        self.assertFalse(gm.has_group(ROLE_XMLIDS["deputy_general_manager"]))
        self.assertFalse(gm.has_group(ROLE_XMLIDS["department_head"]))
        self.assertFalse(deputy.has_group(ROLE_XMLIDS["department_head"]))
        head_role = self.roles["department_head"]
        self.assertNotIn(gm, head_role.all_user_ids)
        test_users = self.env["res.users"].union(*self.role_users.values())
        self.assertEqual(head_role.all_user_ids & test_users, self.role_users["department_head"])

    def test_visibility_accumulates_upward(self):
        gm = self.role_users["general_manager"]
        head = self.role_users["department_head"]
        salesperson = self.role_users["salesperson"]
        for user in (gm, head, salesperson):
            self.assertTrue(user.has_group(f"{MODULE}.group_scope_own"))
        self.assertTrue(gm.has_group(f"{MODULE}.group_scope_department"))
        self.assertTrue(gm.has_group(f"{MODULE}.group_scope_all"))
        self.assertTrue(head.has_group(f"{MODULE}.group_scope_department"))
        self.assertFalse(head.has_group(f"{MODULE}.group_scope_all"))
        self.assertFalse(salesperson.has_group(f"{MODULE}.group_scope_department"))

    def test_configuration_menu_only_for_admin(self):
        config = self.env.ref(f"{MODULE}.menu_sales_regulation_config")
        root = self.env.ref(f"{MODULE}.menu_sales_regulation_root")
        for key, user in self.role_users.items():
            with self.subTest(role=key):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertIn(root.id, visible)
                self.assertEqual(config.id in visible, key == "regulation_admin")

    def test_demo_users_hold_exactly_their_role(self):
        # the roles outside the sales department too: R&D and the technical department
        others = {
            "user_demo_rd_engineer": self.env.ref(f"{MODULE}.group_role_rd_engineer"),
            "user_demo_technical_staff": self.env.ref(f"{MODULE}.group_role_technical_staff"),
        }
        all_roles = self.env["res.groups"].union(*self.roles.values(), *others.values())
        roles = {xmlid: self.roles[key] for key, xmlid in DEMO_USERS.items()} | others
        self.assertEqual(len(roles), 9, "one demo user per role")
        for xmlid, role in roles.items():
            with self.subTest(user=xmlid):
                user = self.env.ref(f"{MODULE}.{xmlid}")
                self.assertEqual(user.all_group_ids & all_roles, role)
                self.assertEqual(user.lang, "zh_CN")
                self.assertTrue(user.login)

    def test_app_menus_and_roles_in_chinese(self):
        env_zh = self.env(context={"lang": "zh_CN"})
        root = env_zh.ref(f"{MODULE}.menu_sales_regulation_root")
        self.assertEqual(root.name, "销售部规章")
        self.assertEqual(env_zh.ref(ROLE_XMLIDS["department_head"]).name, "部长")
        self.assertEqual(env_zh.ref(ROLE_XMLIDS["deputy_general_manager"]).name, "副经理")
        self.assertEqual(env_zh.ref(ROLE_XMLIDS["general_manager"]).name, "总经理")
        config = env_zh.ref(f"{MODULE}.menu_sales_regulation_config")
        self.assertEqual(config.name, "配置")

    def test_standard_quotation_unchanged(self):
        """A plain quotation confirms as in standard Odoo."""
        partner = self.env["res.partner"].create({"name": "Plain customer"})
        product = self.env["product.product"].create({"name": "Plain product", "list_price": 10})
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 2})],
            }
        )
        self.assertEqual(order.amount_untaxed, 20)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
