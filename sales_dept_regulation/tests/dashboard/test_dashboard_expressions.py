# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..common import MODULE, RegulationCommon

# What the Regulation Administrator may try to run through a tile's domain; each
# would write the target partner (or run a shell command) if it were evaluated.
PAYLOADS = {
    "superuser write through user": "[('id', '!=', user.env['res.partner'].sudo()"
    ".browse({pid}).write({{'name': 'pwned'}}) and 0)]",
    "env": "[('id', '!=', env['res.partner'].sudo().browse({pid}).write({{'name': 'pwned'}}))]",
    "__import__": "[('id', '!=', __import__('os').system('touch /tmp/sdr_pwned'))]",
    "attribute access": "[('id', '=', user.partner_id.sudo().write({{'name': 'pwned'}}))]",
    "call on a literal": "[('name', '=', 'x'.join(['a', 'b']))]",
    "lambda": "[('id', '=', (lambda: user.env['res.partner'].browse({pid}).unlink())())]",
    "comprehension": "[('id', 'in', [p.write({{'name': 'pwned'}}) for p in "
    "user.env['res.partner'].sudo().browse([{pid}])])]",
    "generator": "[('id', 'in', list(x for x in [1]))]",
    "bare uid": "[('user_id', '=', uid)]",
    "arithmetic": "[('id', '=', 1 + 1)]",
    "not a list": "{{'id': 1}}",
    "unknown field": "[('no_such_field', '=', 1)]",
    "placeholder as field": "[('$uid', '=', 1)]",
}


@tagged("post_install", "-at_install")
class TestDashboardExpressions(RegulationCommon):
    """A tile's domain is data: a literal checked against the model's fields when
    saved, with a fixed set of placeholders, never code."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.role_users["regulation_admin"]
        cls.target = cls.env["res.partner"].create({"name": "Target"})
        cls.action = cls.env.ref(f"{MODULE}.res_partner_action_customer_visits")
        cls.Tile = cls.env["sale.regulation.dashboard.tile"].with_user(cls.admin)
        cls.tile = cls.Tile.create({"name": "Visits", "action_id": cls.action.id})

    def assertUntouched(self):
        self.target.invalidate_recordset()
        self.assertTrue(self.target.exists())
        self.assertEqual(self.target.name, "Target")
        self.assertEqual(self.tile.sudo().domain, "[]")

    def test_code_in_a_domain_is_refused_at_save_and_never_run(self):
        for label, payload in PAYLOADS.items():
            domain = payload.format(pid=self.target.id)
            with self.subTest(payload=label):
                with self.assertRaisesMessage(
                    ValidationError, "The domain of tile .* is not valid"
                ):
                    self.tile.write({"domain": domain})
                with self.assertRaisesMessage(
                    ValidationError, "The domain of tile .* is not valid"
                ):
                    self.Tile.create({"name": label, "action_id": self.action.id, "domain": domain})
                self.assertUntouched()
                self.assertFalse(self.Tile.search([("name", "=", label)]))

    def test_a_stored_payload_counts_zero_and_runs_nothing(self):
        # a domain already in the database (saved before this check): the page
        # opens, the counter is zero, nothing runs for the user who looks
        payload = PAYLOADS["superuser write through user"].format(pid=self.target.id)
        self.env.cr.execute(
            "UPDATE sale_regulation_dashboard_tile SET domain = %s WHERE id = %s",
            (payload, self.tile.id),
        )
        self.tile.invalidate_recordset()
        head = self.role_users["department_head"]
        self.assertEqual(self.tile.with_user(head).count, 0)
        with self.assertRaisesMessage(UserError, "The domain of tile .* is not valid"):
            self.tile.with_user(head).action_open()
        self.target.invalidate_recordset()
        self.assertEqual(self.target.name, "Target")

    def test_an_action_domain_reaches_no_record(self):
        # the action's own domain (written by a system administrator) is evaluated
        # with plain values only: `user` and `env` are not there
        self.action.domain = (
            f"[('id', '!=', user.env['res.partner'].sudo().browse({self.target.id})"
            ".write({'name': 'pwned'}) and 0)]"
        )
        self.tile.invalidate_recordset(["count"])
        self.assertEqual(self.tile.with_user(self.role_users["salesperson"]).count, 0)
        self.target.invalidate_recordset()
        self.assertEqual(self.target.name, "Target")
        # what shipped actions use still works: uid and today's date as values
        self.action.domain = "[('user_id', '=', uid), ('create_date', '<=', context_today())]"
        seller = self.role_users["salesperson"]
        domain = self.tile.with_user(seller)._tile_domain()
        self.assertIn(("user_id", "=", seller.id), domain)

    def test_placeholders_are_the_current_users_values(self):
        self.tile.write(
            {
                "domain": "[('user_id', '=', '$uid'), ('create_date', '<=', '$today'), "
                "('company_id', 'in', ['$company_id', False])]"
            }
        )
        seller = self.role_users["salesperson"]
        domain = self.tile.with_user(seller)._tile_domain()
        self.assertIn(("user_id", "=", seller.id), domain)
        self.assertIn(("company_id", "in", [seller.company_id.id, False]), domain)
        self.assertNotIn("$", str(domain))
        self.assertIsInstance(self.tile.with_user(seller).count, int)

    def test_placeholders_in_chinese_are_the_same_values(self):
        # what the form offers a Chinese administrator to type in the filter editor
        self.tile.write(
            {
                "domain": "[('user_id', '=', '$当前用户'), ('create_date', '<=', '$今天'), "
                "('company_id', 'in', ['$当前公司', False]), ('company_id', 'in', '$我的公司')]"
            }
        )
        seller = self.role_users["salesperson"]
        domain = self.tile.with_user(seller)._tile_domain()
        self.assertIn(("user_id", "=", seller.id), domain)
        self.assertIn(("company_id", "in", [seller.company_id.id, False]), domain)
        self.assertIn(("company_id", "in", seller.company_ids.ids), domain)
        self.assertNotIn("$", str(domain))

    def test_blank_names_are_refused(self):
        for name in ("", "   ", "\n\t", False):
            with self.subTest(name=name):
                with self.assertRaisesMessage(ValidationError, "Give the tile a name"):
                    self.Tile.create({"name": name, "action_id": self.action.id})
                with self.assertRaisesMessage(ValidationError, "Give the tile a name"):
                    self.tile.write({"name": name})
                self.tile.invalidate_recordset()
                self.assertEqual(self.tile.name, "Visits")
