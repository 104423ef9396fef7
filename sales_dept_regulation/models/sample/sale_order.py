# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import UserError

from .. import roles


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def write(self, vals):
        if isinstance(vals, dict) and "state" in vals:
            self._sample_check_confirmed_fee_order_kept(vals["state"])
        return super().write(vals)

    def _sample_check_confirmed_fee_order_kept(self, state):
        """A confirmed fee order charges the fee decided: cancelling it (or
        setting it back to a quotation) charges nothing, a lowering only the
        Department Head makes."""
        if self.env.su or self.env.user.has_groups(roles.MANAGERS):
            return
        leaving = self.filtered(lambda order: order.state == "sale" and state != "sale")
        if leaving and self.env["sale.sample.request"].sudo().search_count(
            [("fee_order_id", "in", leaving.ids)], limit=1
        ):
            raise UserError(
                self.env._(
                    "A confirmed fee order charges the fee decided for a sample: only the "
                    "Department Head cancels it."
                )
            )

    def _confirmation_error_message(self):
        # the last guard before the order charges the customer
        error = super()._confirmation_error_message()
        if error:
            return error
        request = (
            self.env["sale.sample.request"].sudo().search([("fee_order_id", "=", self.id)], limit=1)
        )
        if request and (
            self.currency_id.compare_amounts(self._sample_fee_charged(), request._sample_fee_due())
            < 0
        ):
            return self.env._(
                "The fee order %(order)s charges less than the fee decided for the sample "
                "request %(request)s (%(fee)s): only the Department Head lowers it.",
                order=self.name,
                request=request.name,
                fee=self.currency_id.format(request._sample_fee_due()),
            )
        return False

    def _recompute_prices(self):
        # prices recomputed from the pricelist are written without write()
        res = super()._recompute_prices()
        self._sample_check_fee_price()
        return res

    def _sample_fee_charged(self, removed_lines=None):
        """What the order charges at the prices written on its lines (before
        taxes, whether they are included in the price or not)."""
        self.ensure_one()
        lines = self.order_line - (removed_lines or self.env["sale.order.line"])
        return sum(
            line.price_unit * line.product_uom_qty * (1.0 - (line.discount or 0.0) / 100.0)
            for line in lines
            if not line.display_type
        )

    def _sample_check_fee_price(self, removed_lines=None):
        """A fee order charges what the fee decision says: lower prices on its
        lines (a price, a discount, a quantity, a line removed) need the
        Department Head, and the lowering is recorded on the request and in the
        order's chatter. Orders that are no sample's fee order are left alone.
        The server's own writes (sudo, inside a user's call) are checked by
        that call when it ends."""
        if not self.ids or self.env.su:
            return
        requests = self.env["sale.sample.request"].sudo().search([("fee_order_id", "in", self.ids)])
        for request in requests:
            order = request.fee_order_id
            if order.state == "cancel":
                continue
            currency = order.currency_id
            amount = order._sample_fee_charged(removed_lines)
            if currency.compare_amounts(amount, request.charged_amount) >= 0 or (
                request.fee_lowered_by_id
                and currency.compare_amounts(amount, request.fee_lowered_amount) >= 0
            ):
                continue
            if not self.env.user.has_groups(roles.MANAGERS):
                raise UserError(
                    self.env._(
                        "The fee order %(order)s charges the fee decided for the sample "
                        "request %(request)s (%(fee)s): only the Department Head lowers it.",
                        order=order.name,
                        request=request.name,
                        fee=currency.format(request._sample_fee_due()),
                    )
                )
            amount = currency.round(amount)
            request.write({"fee_lowered_amount": amount, "fee_lowered_by_id": self.env.uid})
            order.sudo().message_post(
                body=self.env._(
                    "Fee of %(request)s lowered from %(fee)s to %(amount)s by %(user)s.",
                    request=request.name,
                    fee=currency.format(request.charged_amount),
                    amount=currency.format(amount),
                    user=self.env.user.name,
                )
            )
