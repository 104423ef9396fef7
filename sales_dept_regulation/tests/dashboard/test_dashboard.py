# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import ast

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from ..common import MODULE
from ..conduct.conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestDashboard(ConductCommon):
    """The landing page: per role, the tiles it shows and counters that equal the
    lists they open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        seller = cls.role_users["salesperson"]
        Partner = cls.env["res.partner"]
        cls.customers = Partner.create(
            [
                {
                    "name": f"Dashboard customer {i}",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": seller.id,
                    "customer_interest_level": "high",
                    "customer_expected_volume": 1_000_000,
                }
                for i in range(3)
            ]
        )
        grade = cls.customers[0].customer_grade_id
        grade.write({"regular_visits": True, "visit_interval_days": 30})
        cls.customers[0].with_user(cls.head)._lock_customer_grade(grade, "Key account")
        Fine = cls.env["sale.conduct.fine"].with_user(cls.head)
        cls.draft, cls.unpaid = Fine.create(
            [
                {"employee_id": cls.sales_employee.id, "rule_id": cls.rule_speaker.id}
                for _i in range(2)
            ]
        )
        cls.unpaid.action_confirm()
        cls.tiles = cls.env["sale.regulation.dashboard.tile"].search([])

    def _shown(self, user):
        """The tiles of the user's home: the home action's domain."""
        home = self.env.ref(f"{MODULE}.sale_regulation_dashboard_tile_action")
        Tile = self.env["sale.regulation.dashboard.tile"].with_user(user)
        return Tile.search(ast.literal_eval(home.domain))

    def test_counters_equal_the_lists_they_open(self):
        for role, user in self.role_users.items():
            for tile in self._shown(user):
                with self.subTest(role=role, tile=tile.name):
                    action = tile.action_open()
                    self.assertFalse(
                        [key for key in action["context"] if key.startswith("search_default")]
                    )
                    listed = (
                        self.env[action["res_model"]]
                        .with_user(user)
                        .with_context(**action["context"])
                        .search(action["domain"])
                    )
                    self.assertEqual(tile.count, len(listed))

    def test_an_action_broken_later_leaves_the_page_open(self):
        tile = self._shown(self.head).filtered("count")[:1]
        self.assertTrue(tile)
        # the tile was checked when saved; its action is edited afterwards
        tile.sudo().action_id.domain = "[('no_such_field', '=', 1)]"
        tile.invalidate_recordset(["count"])
        self.assertEqual(tile.with_user(self.head).count, 0)

    def test_each_role_sees_what_waits_for_it(self):
        xmlids = {
            data.res_id: data.name
            for data in self.env["ir.model.data"].search(
                [("model", "=", "sale.regulation.dashboard.tile")]
            )
        }

        def shown(role):
            return {xmlids[tile.id]: tile.count for tile in self._shown(self.role_users[role])}

        seller = shown("salesperson")
        self.assertNotIn("dashboard_tile_fines_to_confirm", seller)
        # shown to a scope (the department's records), not to a role
        self.assertNotIn("dashboard_tile_unpaid_fines", seller)
        self.assertEqual(seller["dashboard_tile_my_visits_due"], 3)
        self.assertEqual(seller["dashboard_tile_my_unpaid_fines"], 1)
        # the signers' tile is theirs alone
        self.assertNotIn("dashboard_tile_contracts_to_sign", seller)
        self.assertIn("dashboard_tile_my_visits_due", shown("telemarketer"))
        head = shown("department_head")
        self.assertGreaterEqual(head["dashboard_tile_fines_to_confirm"], 1)
        self.assertGreaterEqual(head["dashboard_tile_unpaid_fines"], 1)
        self.assertGreaterEqual(head["dashboard_tile_grades_locked"], 1)
        self.assertIn("dashboard_tile_contracts_to_sign", head)

    def test_root_menu_opens_the_landing_page(self):
        menu = self.env.ref(f"{MODULE}.menu_sales_regulation_root")
        first = menu.child_id.sorted("sequence")[:1]
        landing = self.env.ref(f"{MODULE}.sale_regulation_dashboard_tile_action")
        self.assertEqual(first.action, landing)

    def test_only_the_admin_edits_tiles_and_a_bad_domain_is_refused(self):
        tile = self.tiles[:1]
        name, domain = tile.name, tile.domain
        with self.assertRaises(AccessError):
            tile.with_user(self.head).write({"name": "Mine"})
        self.assertEqual(tile.name, name)
        admin = self.role_users["regulation_admin"]
        with self.assertRaisesRegex(ValidationError, "not valid"):
            tile.with_user(admin).write({"domain": "[('no_such_field', '=', 1)]"})
        with self.assertRaisesRegex(ValidationError, "not valid"):
            tile.with_user(admin).write({"domain": "not a domain"})
        tile.invalidate_recordset()
        self.assertEqual((tile.name, tile.domain), (name, domain))

    def test_a_tile_the_user_cannot_open_is_not_on_his_home(self):
        seller = self.role_users["salesperson"]
        admin = self.role_users["regulation_admin"]
        rd = new_test_user(self.env, login="sdr_rd", groups=f"{MODULE}.group_role_rd_engineer")
        action = self.env.ref(f"{MODULE}.sale_market_budget_action")
        tile = self.env["sale.regulation.dashboard.tile"].create(
            {"name": "Budgets", "action_id": action.id}
        )
        self.assertIn(tile, self._shown(seller))
        # R&D may read the tile (shown to all) but not the budgets it counts
        self.assertIn(tile, tile.with_user(rd).search([]))
        self.assertNotIn(tile, self._shown(rd))
        self.assertEqual(tile.with_user(rd).count, 0)
        with self.assertRaises(UserError):
            tile.with_user(rd).action_open()
        # an action kept to some groups is shown to them only
        action.group_ids = self.roles["regulation_admin"]
        self.assertNotIn(tile, self._shown(seller))
        self.assertIn(tile, self._shown(admin))
        # the administrator reads every tile, his home shows his roles' only
        tile.group_ids = self.roles["department_head"]
        self.assertIn(tile, tile.with_user(admin).search([]))
        self.assertNotIn(tile, self._shown(admin))

    def test_the_admin_adds_a_tile_by_clicking(self):
        admin = self.role_users["regulation_admin"]
        Tile = self.env["sale.regulation.dashboard.tile"].with_user(admin)
        fines = self.env.ref(f"{MODULE}.sale_conduct_fine_action")
        form = Form(Tile, view=f"{MODULE}.sale_regulation_dashboard_tile_view_form")
        form.name = "Draft fines"
        form.action_key = f"{MODULE}.sale_conduct_fine_action"
        self.assertEqual(form.res_model, "sale.conduct.fine")
        form.domain = "[('state', '=', 'draft')]"
        # another list: the filter on the fines' fields goes, a filter it can read stays
        form.action_key = f"{MODULE}.sale_conduct_rule_action"
        self.assertEqual(form.domain, "[]")
        form.domain = "[('id', '>', 0)]"
        form.action_key = f"{MODULE}.sale_conduct_fine_action"
        self.assertEqual(form.domain, "[('id', '>', 0)]")
        form.domain = "[('state', '=', 'draft')]"
        form.group_ids.add(self.roles["department_head"])
        tile = form.save()
        self.assertEqual(tile.sudo().action_id, fines)
        self.assertEqual(tile.action_key, f"{MODULE}.sale_conduct_fine_action")
        self.assertEqual(tile.with_user(self.head).count, 1)
        # the lists offered are the addon's, by their name
        offered = dict(Tile._fields["action_key"]._description_selection(Tile.env))
        self.assertEqual(offered[f"{MODULE}.sale_conduct_fine_action"], fines.name)
        self.assertNotIn(f"{MODULE}.sale_regulation_dashboard_tile_action", offered)
        # nothing else, whichever field a client writes
        users = self.env.ref("base.action_res_users")
        for vals in (
            {"action_id": users.id},
            {"action_key": "base.action_res_users"},
            {"action_key": ["x"]},
            {"action_key": False},
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(ValidationError, "Choose the tile's list"):
                    Tile.create({"name": "Users", **vals})
                with self.assertRaisesRegex(ValidationError, "Choose the tile's list"):
                    tile.write(vals)
        tile.invalidate_recordset()
        self.assertEqual(tile.sudo().action_id, fines)
