# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleOrder(models.Model):
    """How grading learns of orders: a confirmation or a cancellation regrades
    the customer at once, without waiting for the nightly recount."""

    _inherit = "sale.order"

    def action_confirm(self):
        res = super().action_confirm()
        # A confirmed order makes its customer formal at once, and regrades it
        # from the customer's stored figures: no order is read again.
        confirmed = self.filtered(lambda order: order.state == "sale")
        if confirmed:
            self.env["res.partner"].sudo()._regrade_confirmed_customers(
                confirmed, fields.Date.context_today(self)
            )
        return res

    def _action_cancel(self):
        confirmed = self.filtered(lambda order: order.state == "sale")
        res = super()._action_cancel()
        # a cancelled order leaves its customer's figures at once
        confirmed.partner_id.commercial_partner_id.sudo()._recompute_customer_grading()
        return res
