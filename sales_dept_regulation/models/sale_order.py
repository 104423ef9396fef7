from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        res = super()._action_confirm()
        # a confirmed order makes its customer formal at once (and regrades it)
        self.partner_id.commercial_partner_id.sudo()._recompute_customer_grading()
        return res
