# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.sales_dept_regulation.tests.common import RegulationCommon


class PhonecallCommon(RegulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.telemarketer = cls.role_users["telemarketer"]
        cls.salesperson = cls.role_users["salesperson"]
        cls.department_head = cls.role_users["department_head"]
        # the KPIs count months in the telemarketer's own time zone
        (cls.telemarketer | cls.salesperson | cls.department_head).write({"tz": cls.TIME_ZONE})
        # a second telemarketer, and a Sales user without any of the addon's roles
        cls.telemarketer_2 = new_test_user(
            cls.env,
            login="sdr_telemarketer_2",
            name="SDR telemarketer 2",
            tz=cls.TIME_ZONE,
            groups="sales_dept_regulation.group_role_telemarketer",
        )
        cls.sales_user = new_test_user(
            cls.env, login="sdr_plain_sales", groups="sales_team.group_sale_salesman"
        )
        cls.source = cls.env["utm.source"].create({"name": "SDR Trade Show"})
        cls.customer = cls.env["res.partner"].create(
            {"name": "SDR Call Customer", "user_id": cls.salesperson.id}
        )
        cls.other_customer = cls.env["res.partner"].create({"name": "SDR Other Customer"})
        cls.product = cls.env["product.product"].create(
            {"name": "SDR Call Product", "list_price": 100.0, "taxes_id": [Command.clear()]}
        )

    def _call(self, user=None, **vals):
        user = user or self.telemarketer
        values = {
            "name": "Order for tomorrow",
            "partner_id": self.customer.id,
            "source_id": self.source.id,
            "state": "done",
            "sdr_call_result": "not_interested",
            "direction": "out",
            **vals,
        }
        return self.env["crm.phonecall"].with_user(user).create(values)

    def _confirmed_order(self, partner, user, amount, date_order, call=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "price_unit": amount})
                ],
            }
        )
        if call:
            order.sudo().sdr_phonecall_id = call
        order.action_confirm()
        # confirmation stamps the order with now: place it in the month tested
        order.date_order = date_order
        return order
