# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import Command

from ..accounting_common import AccountingCommon
from ..common import MODULE


class CycleCommon(AccountingCommon):
    """Two salespeople, a Department Head, a Regulation Administrator and a
    product, in the company that has a chart of accounts (the orders are
    invoiced and paid)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls.company_user
        cls.seller = user("sdr_cyc_seller", "group_role_salesperson")
        cls.seller_2 = user("sdr_cyc_seller_2", "group_role_salesperson")
        cls.head = user("sdr_cyc_head", "group_role_department_head")
        cls.admin = user("sdr_cyc_admin", "group_role_regulation_admin")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Cycle Customer", "is_company": True, "user_id": cls.seller.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Cycle Bottle", "type": "consu", "list_price": 10.0, "invoice_policy": "order"}
        )
        cls.cause = cls.env.ref(f"{MODULE}.sale_delay_cause_production")
        cls.Cycle = cls.env["sale.order.cycle"]

    @classmethod
    def order(cls, at, committed=None, seller=None, qty=2.0, lead=0.0):
        """An order of ``seller`` confirmed at ``at`` (UTC), committed for
        ``committed`` (UTC) if given."""
        with freeze_time(at):
            order = cls.env["sale.order"].create(
                {
                    "company_id": cls.company.id,
                    "partner_id": cls.customer.id,
                    "user_id": (seller or cls.seller).id,
                    "sdr_order_channel": "visit",
                    "commitment_date": committed or False,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": qty,
                                "customer_lead": lead,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            order.action_confirm()
        return order

    @classmethod
    def deliver(cls, order, at, qty=None):
        """Record the delivered quantity at ``at``: all of it by default."""
        with freeze_time(at):
            for line in order.order_line:
                line.qty_delivered = line.product_uom_qty if qty is None else qty
            order.env.flush_all()

    def cycle(self, order, user=None):
        """The view's row of ``order``, read afresh."""
        self.env.invalidate_all()
        Cycle = self.Cycle.with_user(user) if user else self.Cycle
        return Cycle.search([("order_id", "=", order.id)])
