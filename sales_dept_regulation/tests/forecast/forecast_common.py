# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from ..common import MODULE, RegulationCommon


class ForecastCommon(RegulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write({"sdr_forecast_due_day": 25, "sdr_forecast_reminder_days": 3})
        for user in cls.role_users.values():
            user.tz = cls.TIME_ZONE
        cls.salesperson = cls.role_users["salesperson"]
        cls.head = cls.role_users["department_head"]
        cls.other_salesperson = new_test_user(
            cls.env,
            login="sdr_forecast_sales_2",
            name="SDR second salesperson",
            groups=f"{MODULE}.group_role_salesperson",
            tz=cls.TIME_ZONE,
        )
        cls.Forecast = cls.env["sale.forecast"]
        cls.Accuracy = cls.env["sale.forecast.accuracy"]
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create({"name": "Forecast Customer A", "is_company": True})
        cls.customer_b = Partner.create({"name": "Forecast Customer B", "is_company": True})
        cls.contact_a = Partner.create({"name": "Buyer of A", "parent_id": cls.customer_a.id})
        cls.product = cls.env["product.product"].create(
            {"name": "Forecast Mould", "type": "service", "list_price": 1000}
        )

    def _forecast(self, month, lines, user=None, **vals):
        """A draft forecast of ``user`` for ``month``: lines as [(partner, amount)]."""
        return self.Forecast.with_user(user or self.salesperson).create(
            {
                "month": month,
                "line_ids": [
                    Command.create({"partner_id": partner.id, "amount": amount})
                    for partner, amount in lines
                ],
                **vals,
            }
        )

    def _order(self, partner, amount, when, user=None):
        """A confirmed order of ``user`` dated ``when`` (UTC)."""
        with freeze_time(when):
            order = self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "user_id": (user or self.salesperson).id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_ids": False,
                            }
                        )
                    ],
                }
            )
            order.action_confirm()
        order.date_order = when
        return order
