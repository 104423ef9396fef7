# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import unittest

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.sales_dept_regulation.tests.contract.contract_common import ContractCommon


class ContractDeliveryCommon(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.write({"is_storable": True, "invoice_policy": "delivery"})
        cls.spare = cls.env["product.product"].create(
            {"name": "Spare Nozzle", "is_storable": True, "list_price": 8.0}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        for product in (cls.product, cls.spare):
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.warehouse.lot_stock_id, 100.0
            )
        # a warehouse user who also reads the orders she delivers
        cls.storekeeper = new_test_user(
            cls.env,
            login="sdr_storekeeper",
            groups="stock.group_stock_user,sales_team.group_sale_salesman_all_leads",
        )

    def _effective_contract(self, qty=5.0, **vals):
        order = self._order(qty=qty, **vals)
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual((order.state, order.validation_status), ("sale", "validated"))
        self.assertTrue(order._contract_signed_under_rules())
        return order

    def _deliver(self, picking, quantity):
        picking = picking.with_user(self.storekeeper)
        picking.move_ids.write({"quantity": quantity, "picked": True})
        action = picking.button_validate()
        if isinstance(action, dict):  # the backorder dialog
            Form.from_action(self.env(user=self.storekeeper), action).save().process()


@tagged("post_install", "-at_install")
class TestContractDelivery(ContractDeliveryCommon):
    def test_contract_delivered_with_backorder_and_return_then_invoiced(self):
        order = self._effective_contract(qty=5.0)
        line = order.order_line
        self._deliver(order.picking_ids, 3.0)
        self.assertEqual(line.qty_delivered, 3.0)
        backorder = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        self.assertEqual(len(backorder), 1)
        self._deliver(backorder, 2.0)
        self.assertEqual(line.qty_delivered, 5.0)
        self.assertEqual(order.delivery_status, "full")
        # the customer returns one, credited
        first = order.picking_ids.filtered(lambda p: p.state == "done").sorted("id")[:1]
        wizard = Form(
            self.env["stock.return.picking"]
            .with_user(self.storekeeper)
            .with_context(active_ids=first.ids, active_id=first.id, active_model="stock.picking")
        ).save()
        wizard.product_return_moves.write({"quantity": 1.0})
        returned = self.env["stock.picking"].browse(wizard.action_create_returns()["res_id"])
        self._deliver(returned, 1.0)
        self.assertEqual(line.qty_delivered, 4.0)
        self.assertEqual(len(order.order_line), 1, "nothing added to the contract")
        invoice = order.with_env(self.env)._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.invoice_line_ids.quantity, 4.0)
        self.assertEqual(line.qty_invoiced, 4.0)
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertEqual(order.validation_status, "validated", "the contract stays signed")
        self.assertEqual(len(order.sdr_signature_ids), 3)

    def test_item_added_by_the_warehouse_is_refused_before_validation(self):
        order = self._effective_contract(qty=2.0)
        picking = order.picking_ids.with_user(self.storekeeper)
        picking.move_ids.write({"quantity": 2.0, "picked": True})
        self.env["stock.move"].with_user(self.storekeeper).create(
            {
                "picking_id": picking.id,
                "product_id": self.spare.id,
                "product_uom_qty": 1.0,
                "quantity": 1.0,
                "picked": True,
                "location_id": picking.location_id.id,
                "location_dest_id": picking.location_dest_id.id,
            }
        )
        for validate in (picking.button_validate, picking._action_done):
            with self.assertRaisesMessage(
                UserError, "Spare Nozzle is not in the contract .*open an amendment"
            ):
                validate()
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(order.order_line.product_id, self.product)
        self.assertEqual(order.order_line.qty_delivered, 0.0)
        # the amendment route: the item is then part of the new version, signed again
        order.with_user(self.department_head).action_sdr_amend()
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        added = order.order_line.filtered(lambda line: line.product_id == self.spare)
        self.assertEqual(added.qty_delivered, 1.0)
        self.assertTrue(order.need_validation, "the amendment is signed again")

    def test_order_form_in_the_inventory_layout(self):
        """sale_stock replaces the delivery date's row of the order form: the
        contract's views still hide it on a contract, whatever the install order."""
        arch = self.env["sale.order"].get_view(self.env.ref("sale.view_order_form").id)["arch"]
        shipping = etree.fromstring(arch).xpath("//group[@name='sale_shipping']")[0]
        self.assertTrue(shipping.xpath(".//field[@name='warehouse_id']"), "sale_stock's layout")
        self.assertFalse(shipping.xpath(".//div[@name='commitment_date_div']"))
        row = shipping.xpath(".//field[@name='commitment_date']/..")[0]
        label = shipping.xpath(".//label[@for='commitment_date']")[0]
        for node in (row, label):
            self.assertEqual(node.get("invisible"), "sdr_approval_kind == 'contract'")

    def test_delivery_arrangement_is_not_the_carrier(self):
        labels = self.env["sale.order"].fields_get(["sdr_delivery_method"], ["string"])
        self.assertEqual(labels["sdr_delivery_method"]["string"], "Delivery Arrangement")
        if "carrier_id" in self.env["sale.order"]._fields:
            carrier = self.env["sale.order"].fields_get(["carrier_id"], ["string"])
            self.assertNotEqual(carrier["carrier_id"]["string"], "Delivery Arrangement")


@tagged("post_install", "-at_install")
class TestContractRealFreight(ContractDeliveryCommon):
    """stock_delivery writes the real cost of a carrier on the order once the
    parcel is shipped: on an effective contract, refused before validation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the bridge needs Inventory only: the real cost comes with stock_delivery
        if not cls.env["ir.module.module"].search_count(
            [("name", "=", "stock_delivery"), ("state", "=", "installed")]
        ):
            raise unittest.SkipTest("stock_delivery is not installed")
        freight = cls.env["product.product"].create(
            {"name": "Freight", "type": "service", "list_price": 0.0}
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Real-cost Express",
                "delivery_type": "fixed",
                "fixed_price": 30.0,
                "product_id": freight.id,
                "invoice_policy": "real",
                "integration_level": "rate_and_ship",
            }
        )

    def _with_carrier(self):
        order = self._order(qty=2.0)
        order.set_delivery_line(self.carrier, 30.0)
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        order.with_user(self.salesperson).action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.carrier_id, self.carrier)
        self.assertTrue(picking.picking_type_id.print_label)
        return order, picking

    def test_real_freight_refused_before_validation(self):
        order, picking = self._with_carrier()
        freight_line = order.order_line.filtered("is_delivery")
        picking = picking.with_user(self.storekeeper)
        picking.move_ids.write({"quantity": 2.0, "picked": True})
        with self.assertRaisesMessage(
            UserError, "Real-cost Express bills its real cost.*open an amendment"
        ):
            picking.button_validate()
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(freight_line.price_unit, 0.0)
        # the amendment route: the freight is written on the new version
        order.with_user(self.department_head).action_sdr_amend()
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(freight_line.price_unit, 30.0)
        self.assertTrue(order.need_validation, "the amendment is signed again")

    def test_estimated_freight_delivers_as_usual(self):
        self.carrier.invoice_policy = "estimated"
        order, picking = self._with_carrier()
        self._deliver(picking, 2.0)
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.validation_status, "validated")
