# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo import Command

from ..common import RegulationCommon

NOW = datetime(2026, 6, 15, 10, 0)


class GradingCommon(RegulationCommon):
    """Own grades (the shipped ones archived), a customer and a product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.customer_lost_threshold_days = 365
        Grade = cls.env["sale.customer.grade"]
        Grade.search([]).active = False
        cls.formal_a, cls.formal_b, cls.formal_c = Grade.create(
            [
                {
                    "name": "FA",
                    "customer_stage": "formal",
                    "sequence": 1,
                    "min_sales_amount": 10000,
                    "min_order_count": 3,
                    "visit_interval_days": 30,
                },
                {
                    "name": "FB",
                    "customer_stage": "formal",
                    "sequence": 2,
                    "min_sales_amount": 1000,
                    "min_order_count": 1,
                    "visit_interval_days": 60,
                },
                {"name": "FC", "customer_stage": "formal", "sequence": 3, "regular_visits": False},
            ]
        )
        cls.prospect_a, cls.prospect_b, cls.prospect_c = Grade.create(
            [
                {
                    "name": "PA",
                    "customer_stage": "potential",
                    "sequence": 1,
                    "min_expected_volume": 50000,
                    "min_interest_level": "high",
                    "visit_interval_days": 14,
                },
                {
                    "name": "PB",
                    "customer_stage": "potential",
                    "sequence": 2,
                    "min_interest_level": "medium",
                    "visit_interval_days": 90,
                },
                {
                    "name": "PC",
                    "customer_stage": "potential",
                    "sequence": 3,
                    "regular_visits": False,
                },
            ]
        )
        cls.salesperson = cls.role_users["salesperson"]
        # the tests read the English messages
        for user in cls.role_users.values():
            user.lang = "en_US"
        cls.customer = cls._customer("Grading Customer Co.")
        cls.product = cls.env["product.product"].create(
            {"name": "Grading test mould", "list_price": 100.0, "taxes_id": False}
        )

    @classmethod
    def _customer(cls, name, **vals):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesperson.id,
                **vals,
            }
        )

    def _confirmed_order(self, partner, amount, when, company=None):
        with freeze_time(when):
            order = (
                self.env["sale.order"]
                .with_company(company or self.company)
                .create(
                    {
                        "partner_id": partner.id,
                        "company_id": (company or self.company).id,
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
            )
            order.action_confirm()
        return order

    def _regrade(self, partners, when=NOW):
        with freeze_time(when):
            partners._recompute_customer_grading()

    def _fold(self, when=NOW):
        """Run the job that folds the figures the confirmations appended, as the
        cron worker does after their commit."""
        fold = self.env.ref("sales_dept_regulation.ir_cron_fold_customer_order_figures")
        with freeze_time(when), self.enter_registry_test_mode():
            fold.method_direct_trigger()
        self.env.invalidate_all()
