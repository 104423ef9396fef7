# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.sql import column_exists, create_column

from ..values import check_values
from .tier_review import is_engine

# What delivery and invoicing may still write on a line of a signed order:
# the delivered quantity (entered by hand for services) and the analytics.
WRITABLE_LINE_FIELDS_WHEN_SIGNED = {"qty_delivered", "analytic_distribution"}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # Stored: the price the pricelist gives is computed once, when the line's
    # price is (its product, quantity and price are in the cache then), not on
    # every read of the order's rules (a form's read, a save, a confirmation).
    # The pricelist's rule as it was then, as the line's own price is.
    sdr_below_pricelist = fields.Boolean(
        string="Below the Pricelist",
        compute="_compute_sdr_below_pricelist",
        store=True,
    )

    def _auto_init(self):
        # On an existing database, only the lines of quotations can still be
        # submitted: theirs are computed, the others' column starts empty
        # (no pricelist computation per line of every past order).
        cr = self.env.cr
        if not column_exists(cr, self._table, "sdr_below_pricelist"):
            create_column(cr, self._table, "sdr_below_pricelist", "boolean")
            cr.execute(
                """SELECT line.id FROM sale_order_line line
                     JOIN sale_order ON sale_order.id = line.order_id
                    WHERE sale_order.state IN ('draft', 'sent')"""
            )
            quotation_lines = self.browse(row[0] for row in cr.fetchall())
            self.env.add_to_compute(self._fields["sdr_below_pricelist"], quotation_lines)
        return super()._auto_init()

    @api.depends(
        "product_id",
        "product_uom_id",
        "product_uom_qty",
        "price_unit",
        "discount",
        "order_id.pricelist_id",
    )
    def _compute_sdr_below_pricelist(self):
        for line in self:
            line.sdr_below_pricelist = line._contract_is_below_pricelist()

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        self._contract_refuse_below_pricelist_flag(vals_list)
        # nor through a client's context: the flag is always computed (a key is
        # removed, which keyword arguments cannot do)
        self = self.with_context(  # pylint: disable=context-overridden
            {k: v for k, v in self.env.context.items() if k != "default_sdr_below_pricelist"}
        )
        lines = super().create(vals_list)
        if not is_engine(self.env):
            # down payment lines come from the invoicing wizard, as the engine
            frozen = lines.order_id._contract_signed_under_rules()
            if frozen:
                frozen._contract_refuse_signed_change()
        return lines

    def write(self, vals):
        check_values(self.env, [vals])
        self._contract_refuse_below_pricelist_flag([vals])
        if not is_engine(self.env):
            orders = self.order_id
            target = vals.get("order_id")
            if isinstance(target, int) and not isinstance(target, bool):
                orders |= self.env["sale.order"].browse(target).exists()
            if not vals.keys() <= WRITABLE_LINE_FIELDS_WHEN_SIGNED or "order_id" in vals:
                frozen = orders._contract_signed_under_rules()
                if frozen:
                    frozen._contract_refuse_signed_change()
        return super().write(vals)

    def _contract_refuse_below_pricelist_flag(self, vals_list):
        """The flag decides whether the Department Head confirms the order: no
        caller sets it, whatever the values it sends."""
        if any("sdr_below_pricelist" in vals for vals in vals_list):
            raise UserError(
                self.env._("Whether a line is below the pricelist is computed from its price.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed_contract(self):
        if is_engine(self.env):
            return
        # a down payment line that was never invoiced goes with its invoice (sale)
        # and changes no amount of the contract
        signed = self.filtered(
            lambda line: (
                not (line.is_downpayment and not line.invoice_lines and not line.product_uom_qty)
            )
        )
        frozen = signed.order_id._contract_signed_under_rules()
        if frozen:
            frozen._contract_refuse_signed_change()

    def _contract_is_below_pricelist(self):
        """Whether the line sells below the price the pricelist gives."""
        self.ensure_one()
        if not self.product_id or self.display_type or self.is_downpayment:
            return False
        pricelist_price = self._get_pricelist_price()
        net_price = self.price_unit * (1.0 - (self.discount or 0.0) / 100.0)
        currency = self.currency_id or self.order_id.company_id.currency_id
        return currency.compare_amounts(net_price, pricelist_price) < 0
