# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from ..common import MODULE
from .aftersales_common import AfterSalesCommon

# each after-sales tile of the landing page and the one role it waits for
TILES = {
    "dashboard_tile_after_sales_my_requests": "caller",
    "dashboard_tile_after_sales_to_confirm": "head",
    "dashboard_tile_after_sales_to_handle": "technician",
}


@tagged("post_install", "-at_install")
class TestAfterSalesTiles(AfterSalesCommon):
    def test_each_tile_shows_to_its_role_and_counts_what_it_opens(self):
        waiting = self.request()
        confirmed = self.request(name="Valve sticks")
        confirmed.with_user(self.head).action_confirm_after_sales()
        users = {
            "caller": self.caller,
            "head": self.head,
            "technician": self.technician,
            "seller": self.seller,
            "gm": self.gm,
        }
        expected = {
            "caller": waiting | confirmed,
            "head": waiting,
            "technician": confirmed,
        }
        Tile = self.env["sale.regulation.dashboard.tile"]
        for xmlid, owner in TILES.items():
            tile = self.env.ref(f"{MODULE}.{xmlid}")
            for name, user in users.items():
                with self.subTest(tile=xmlid, user=name):
                    shown = Tile.with_user(user).search([("id", "=", tile.id)])
                    self.assertEqual(bool(shown), name == owner)
                    if not shown:
                        continue
                    action = shown.action_open()
                    opened = self.env[action["res_model"]].with_user(user).search(action["domain"])
                    self.assertEqual(shown.count, len(opened))
                    self.assertEqual(opened, expected[name])
