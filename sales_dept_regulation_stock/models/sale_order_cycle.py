# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.tools import SQL


class SaleOrderCycle(models.Model):
    _inherit = "sale.order.cycle"
    # flushed before the view is read, with the main addon's
    _depends = {
        "stock.picking": ["sale_id", "state", "date_done", "picking_type_id"],
        "stock.picking.type": ["code"],
    }

    @api.model
    def _cycle_delivered_sql(self):
        """With Inventory an order is delivered when its last outgoing picking
        (the last step of a multi-step delivery; returns are incoming) is done,
        none of them still open: the done date of that picking. An order
        without any delivery (services only) keeps the main addon's date."""
        return SQL(
            """(
                SELECT CASE WHEN COUNT(*) = 0 THEN so.sdr_delivered_date
                            WHEN bool_and(p.state IN ('done', 'cancel'))
                            THEN MAX(p.date_done) FILTER (WHERE p.state = 'done') END
                  FROM stock_picking p
                  JOIN stock_picking_type t ON t.id = p.picking_type_id
                 WHERE p.sale_id = so.id AND t.code = 'outgoing'
            )"""
        )
