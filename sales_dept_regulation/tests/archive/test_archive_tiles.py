# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged

MODULE = "sales_dept_regulation"
# tile: the demo user whose work it is (the demo data gives each one record)
ARCHIVE_TILES = {
    "dashboard_tile_contracts_to_file": "user_demo_sales_clerk",
    "dashboard_tile_loans_to_hand_over": "user_demo_sales_clerk",
    "dashboard_tile_loans_to_take_back": "user_demo_sales_clerk",
    "dashboard_tile_secret_loans_to_decide": "user_demo_general_manager",
    "dashboard_tile_confidential_loans_to_decide": "user_demo_department_head",
    # no demo request waits for the clerk: checked for visibility and count
    "dashboard_tile_loans_to_approve": None,
}


@tagged("post_install", "-at_install")
class TestArchiveTiles(TransactionCase):
    """Each archive tile: shown to the roles that may open it, and it counts
    what it opens for them."""

    def test_visible_opens_and_counts_what_it_opens(self):
        if not self.env.ref(f"{MODULE}.archive_loan_demo_requested", raise_if_not_found=False):
            self.skipTest("the archive's demo data is not installed")
        admin_role = self.env.ref(f"{MODULE}.group_role_regulation_admin")
        users = self.env["res.users"].search(
            [("login", "in", ["wangfang", "lina", "liuyang", "zhangwei", "chenjing", "zhaoqiang"])]
        )
        self.assertEqual(len(users), 6)
        for xmlid, owner in ARCHIVE_TILES.items():
            tile = self.env.ref(f"{MODULE}.{xmlid}")
            for user in users - admin_role.all_user_ids:
                with self.subTest(tile=xmlid, user=user.login):
                    visible = bool(
                        self.env[tile._name].with_user(user).search([("id", "=", tile.id)])
                    )
                    self.assertEqual(visible, bool(tile.group_ids & user.all_group_ids))
                    if not visible:
                        continue
                    action = tile.with_user(user).action_open()
                    opened = self.env[action["res_model"]].with_user(user).search(action["domain"])
                    opened.check_access("read")
                    self.assertEqual(tile.with_user(user).count, len(opened))
                    if owner and user == self.env.ref(f"{MODULE}.{owner}"):
                        self.assertTrue(opened, f"{xmlid} shows {user.login} no work")
