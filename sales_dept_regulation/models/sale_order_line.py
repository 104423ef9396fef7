# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

# Line fields that change what was signed.
SIGNED_LINE_FIELDS = {
    "product_id",
    "product_template_id",
    "product_uom_qty",
    "product_uom_id",
    "price_unit",
    "discount",
    "tax_ids",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        ).order_id._sdr_check_contract_terms_editable()
        return lines

    def write(self, vals):
        if SIGNED_LINE_FIELDS.intersection(vals):
            self.filtered(lambda line: not line.is_downpayment).order_id._sdr_check_contract_terms_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed_contract(self):
        self.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        ).order_id._sdr_check_contract_terms_editable()

    def _sdr_is_below_pricelist(self):
        """Whether the line sells below the price the pricelist gives."""
        self.ensure_one()
        if not self.product_id or self.display_type or self.is_downpayment:
            return False
        pricelist_price = self._get_pricelist_price()
        net_price = self.price_unit * (1.0 - (self.discount or 0.0) / 100.0)
        currency = self.currency_id or self.order_id.company_id.currency_id
        return currency.compare_amounts(net_price, pricelist_price) < 0
