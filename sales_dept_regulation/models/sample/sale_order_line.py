# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

# what changes the amount a line charges
PRICE_FIELDS = frozenset(
    {
        "price_unit",
        "technical_price_unit",
        "discount",
        "product_uom_qty",
        "product_uom_id",
        "product_id",
        "tax_ids",
        "display_type",
        "order_id",
    }
)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._sample_check_fee_price()
        return lines

    def write(self, vals):
        orders = self.order_id
        res = super().write(vals)
        if isinstance(vals, dict) and vals.keys() & PRICE_FIELDS:
            (orders | self.order_id)._sample_check_fee_price()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_sample_fee_below_decision(self):
        self.order_id._sample_check_fee_price(removed_lines=self)
