# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestOrderCycleWithInventory(BaseCommon):
    """With Inventory the order cycle's delivery is the done date of the
    order's last outgoing picking, not the day its quantities were delivered."""

    @classmethod
    def default_env_context(cls):
        return {**super().default_env_context(), "tz": "Asia/Shanghai"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(
            cls.env,
            login="sdr_stock_cycle_seller",
            groups="sales_dept_regulation.group_role_salesperson",
            tz="Asia/Shanghai",
        )
        cls.customer = cls.env["res.partner"].create({"name": "Cycle Stock Customer"})
        cls.product = cls.env["product.product"].create(
            {"name": "Cycle Stock Bottle", "is_storable": True, "list_price": 10.0}
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(cls.product, warehouse.lot_stock_id, 50)

    def deliver(self, picking, quantity, at):
        with freeze_time(at):
            picking.move_ids.write({"quantity": quantity, "picked": True})
            action = picking.button_validate()
            if isinstance(action, dict):  # the backorder dialog
                Form.from_action(self.env, action).save().process()

    def cycle(self, order):
        self.env.invalidate_all()
        return self.env["sale.order.cycle"].search([("order_id", "=", order.id)])

    def test_delivered_when_the_last_picking_is_done(self):
        with freeze_time("2026-03-02 02:00:00"):
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.customer.id,
                    "user_id": self.seller.id,
                    "commitment_date": "2026-03-10 02:00:00",
                    "order_line": [
                        Command.create({"product_id": self.product.id, "product_uom_qty": 2})
                    ],
                }
            )
            order.action_confirm()
        self.deliver(order.picking_ids, 1, "2026-03-05 02:00:00")
        backorder = order.picking_ids.filtered(lambda picking: picking.state != "done")
        self.assertTrue(backorder)
        with freeze_time("2026-03-06 02:00:00"):
            self.assertFalse(self.cycle(order).delivered_on)
            self.assertFalse(self.cycle(order).is_late)
        # the rest delivered at 00:30 on 11 March in Shanghai
        self.deliver(backorder, 1, "2026-03-10 16:30:00")
        row = self.cycle(order)
        self.assertEqual((row.delivered_on, row.days_to_delivery), (date(2026, 3, 11), 9))
        self.assertTrue(row.is_late)
        # the warehouse corrects the done date: the pickings decide, not the
        # moment the quantities were recorded
        backorder.date_done = "2026-03-09 02:00:00"
        row = self.cycle(order)
        self.assertEqual(row.delivered_on, date(2026, 3, 9))
        self.assertFalse(row.is_late)
        self.assertEqual(
            self.env["sale.order.cycle"]
            .with_user(self.seller)
            .search([("order_id", "=", order.id)]),
            row,
        )
