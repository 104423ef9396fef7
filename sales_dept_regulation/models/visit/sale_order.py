# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        res = super()._action_confirm()
        self._sdr_schedule_new_product_visits()
        return res

    def _sdr_schedule_new_product_visits(self):
        """After the first sale of a new product to a customer, a visit (003
        §客户满意度)."""
        first_sales = self._sdr_first_sales()
        if first_sales:
            self.env["res.partner"].sudo()._sdr_schedule_first_sale_visits(
                first_sales, fields.Date.context_today(self)
            )

    def _sdr_first_sales(self):
        """{customer: new product templates it buys for the first time} in these
        orders. One query for the whole confirmation batch: which of its
        (customer, new product) pairs were sold before in another order."""
        today = fields.Date.context_today(self)
        pairs = defaultdict(set)  # customer -> new product templates in this batch
        for order in self:
            months = order.company_id.sdr_new_product_months
            customer = order.partner_id.commercial_partner_id
            for line in order.order_line:
                launch = line.product_template_id.sdr_launch_date
                if launch and launch <= today < launch + relativedelta(months=months):
                    pairs[customer].add(line.product_template_id.id)
        if not pairs:
            return {}
        template_ids = set().union(*pairs.values())
        sold_before = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_id", "not in", self.ids),
                    ("state", "=", "sale"),
                    ("product_id.product_tmpl_id", "in", list(template_ids)),
                    (
                        "order_partner_id.commercial_partner_id",
                        "in",
                        [customer.id for customer in pairs],
                    ),
                ],
                ["order_partner_id", "product_id"],
            )
        )
        known = {
            (partner.commercial_partner_id.id, product.product_tmpl_id.id)
            for partner, product in sold_before
        }
        templates = self.env["product.template"].sudo()
        first_sales = {}
        for customer, ids in pairs.items():
            new_ids = sorted(tid for tid in ids if (customer.id, tid) not in known)
            if new_ids:
                first_sales[customer.sudo()] = templates.browse(new_ids)
        return first_sales
