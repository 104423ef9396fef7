# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from odoo.addons.sales_dept_regulation.models.contract.tier_review import as_engine

# the module, not the class: a test class imported by name would run here twice
from odoo.addons.sales_dept_regulation.tests import test_access_inventory as inventory

CREDIT_MODELS = ("sale.credit.assessment", "sale.credit.exception")


@tagged("post_install", "-at_install")
class TestCreditAccessInventory(inventory.TestAccessInventory):
    """The credit rows of the addon's access inventory (its readme/ACCESS.md), walked
    for every role with the bridge installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inventory = {
            key: cells for key, cells in cls.inventory.items() if key[0] in CREDIT_MODELS
        }
        assert len(cls.inventory) == 4 * len(CREDIT_MODELS), "the credit rows of ACCESS.md"

    def make_records(self, model, user):
        env = self.env
        if model == "sale.credit.assessment":
            return self.owned(
                lambda u: env[model].create(
                    {"partner_id": self.customer(u).id, "rating": "b", "credit_limit": 1000}
                ),
                user,
            )
        if model == "sale.credit.exception":
            return self.owned(
                lambda u: (
                    as_engine(env[model])
                    .sudo()
                    .create({"order_id": self.order(u).id, "reason": "Inventory"})
                ),
                user,
            )
        return super().make_records(model, user)
