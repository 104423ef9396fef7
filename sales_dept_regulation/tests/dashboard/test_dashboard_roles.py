# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import ast

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..common import MODULE


@tagged("post_install", "-at_install")
class TestDashboardRoles(TransactionCase):
    """Every demo role user × every tile, on the demo data: a tile on the home is
    one the user may open, and its counter is what its list shows that user.

    Users are found by their role, not by login, and tiles are all the tiles
    there are, so the users and tiles other capabilities add are checked too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref(f"{MODULE}.company_demo_jianshi", raise_if_not_found=False)
        privilege = cls.env.ref(f"{MODULE}.res_groups_privilege_sales_regulation")
        cls.users = (
            cls.env["res.users"].search(
                [
                    ("group_ids.privilege_id", "=", privilege.id),
                    ("company_ids", "in", cls.company.ids),
                    ("share", "=", False),
                ]
            )
            if cls.company
            else cls.env["res.users"]
        )
        cls.roles = cls.env["res.groups"].search([("privilege_id", "=", privilege.id)])
        cls.home = cls.env.ref(f"{MODULE}.sale_regulation_dashboard_tile_action")
        cls.tiles = cls.env["sale.regulation.dashboard.tile"].search([])

    def setUp(self):
        super().setUp()
        if not self.company:
            self.skipTest("no demo data")

    def _home(self, user, context):
        Tile = self.env["sale.regulation.dashboard.tile"].with_user(user).with_context(**context)
        return Tile.search(ast.literal_eval(self.home.domain))

    def _may_open(self, user, tile):
        groups = user.all_group_ids
        action = tile.action_id
        return bool(
            (not tile.group_ids or tile.group_ids & groups)
            and (not action.group_ids or action.group_ids & groups)
            and self.env[action.res_model].with_user(user).has_access("read")
        )

    def test_each_tile_shown_opens_and_counts_what_it_opens(self):
        # the seven roles of the first demo, and whoever was added since
        self.assertGreaterEqual(len(self.users.all_group_ids & self.roles), 7)
        contexts = ({}, {"allowed_company_ids": self.company.ids})
        for user in self.users:
            for context in contexts:
                shown = self._home(user, context)
                for tile in self.tiles:
                    with self.subTest(user=user.login, tile=tile.name, context=context):
                        may_open = self._may_open(user, tile)
                        self.assertEqual(tile in shown, may_open)
                        mine = tile.with_user(user).with_context(**context)
                        if not may_open:
                            with self.assertRaises(UserError):
                                mine.action_open()
                            continue
                        action = mine.action_open()
                        self.assertEqual(action["res_model"], tile.action_id.res_model)
                        listed = (
                            self.env[action["res_model"]]
                            .with_user(user)
                            .with_context(**context, **action["context"])
                            .search_count(action["domain"])
                        )
                        self.assertEqual(mine.count, listed)

    def test_every_role_has_a_home(self):
        for user in self.users:
            with self.subTest(user=user.login):
                self.assertTrue(self._home(user, {"allowed_company_ids": self.company.ids}))
