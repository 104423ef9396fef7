# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        # said before the backorder and other dialogs of the validation
        self._sdr_check_contract_delivery()
        return super().button_validate()

    def _action_done(self):
        # every route to a done picking (button, backorder dialog, RPC)
        self._sdr_check_contract_delivery()
        return super()._action_done()

    def _sdr_check_contract_delivery(self):
        """Refuse, before anything is validated, a delivery that would change an
        effective contract: Inventory adds to the order a line for an item the
        warehouse added, and stock_delivery the real freight of the carrier. Once
        the Department Head has opened an amendment, both are part of the new
        version, which is signed again."""
        for picking in self:
            for move in picking.move_ids:
                order = move._sdr_new_contract_line_order()
                if order:
                    raise UserError(
                        self.env._(
                            "%(product)s is not in the contract %(order)s: validating "
                            "%(picking)s would add it to the signed contract. Remove it from "
                            "the delivery, or ask the Department Head to open an amendment of "
                            "the contract first.",
                            product=move.product_id.display_name,
                            order=order.name,
                            picking=picking.name,
                        )
                    )
            order = picking._sdr_real_freight_contract()
            if order:
                raise UserError(
                    self.env._(
                        "%(carrier)s bills its real cost: validating %(picking)s would add its "
                        "freight to the signed contract %(order)s. Choose a carrier billed at "
                        "the contract's price, or ask the Department Head to open an amendment "
                        "of the contract first.",
                        carrier=picking.carrier_id.name,
                        picking=picking.name,
                        order=order.name,
                    )
                )

    def _sdr_effective_contract(self):
        """The effective contract (signed, not being amended) this picking delivers."""
        self.ensure_one()
        order = self.sudo().sale_id
        return order if order and order._contract_signed_under_rules() else order.browse()

    def _sdr_real_freight_contract(self):
        """The effective contract on which stock_delivery writes the real freight of
        this picking's carrier once the parcel is shipped (its conditions)."""
        self.ensure_one()
        carrier = self.carrier_id if "carrier_id" in self._fields else None
        if not (
            carrier
            and carrier.invoice_policy == "real"
            and carrier.integration_level == "rate_and_ship"
            and self.picking_type_code != "incoming"
            and not self.carrier_tracking_ref
            and self.picking_type_id.print_label
        ):
            return self.env["sale.order"]
        return self._sdr_effective_contract()


class StockMove(models.Model):
    _inherit = "stock.move"

    def _sdr_new_contract_line_order(self):
        """The effective contract on which sale_stock adds a line for this move
        when its picking is done (the conditions of sale_stock's _action_done)."""
        self.ensure_one()
        if self.state == "cancel" or self.sale_line_id or not (self.picked or self.quantity):
            return self.env["sale.order"]
        if not (
            (self.location_dest_id.usage in ("customer", "transit") and not self.move_dest_ids)
            or (self.location_id.usage == "customer" and self.to_refund)
        ):
            return self.env["sale.order"]
        orders = self.sudo().picking_id.reference_ids.sale_ids
        order = orders[:1]
        return order if order and order._contract_signed_under_rules() else order.browse()
