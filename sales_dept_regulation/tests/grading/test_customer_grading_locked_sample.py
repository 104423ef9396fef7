# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import tagged

from ..sample.sample_common import SampleCommon


@tagged("post_install", "-at_install")
class TestLockedProspectSampleFee(SampleCommon):
    """On the shipped grades and fee rules: a prospect whose grade was locked
    becomes a formal customer at its first order, its locked grade follows to
    the same rank of the formal scale, and a sample request for it then finds
    the rule of its cell (not "No fee rule for this customer")."""

    def test_locked_prospect_becomes_formal_and_its_sample_finds_its_rule(self):
        prospect_a, formal_a = self._grade("potential_a"), self._grade("formal_a")
        customer = self.env["res.partner"].create(
            {
                "name": "Locked Prospect Sample Co.",
                "is_company": True,
                "customer_rank": 1,
                "user_id": self.salesperson.id,
            }
        )
        self.assertEqual(customer.customer_stage, "potential")
        customer.with_user(self.head)._lock_customer_grade(prospect_a, "Strategic prospect")
        self.assertEqual(customer.customer_grade_id, prospect_a)

        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 1, "price_unit": 500}
                    )
                ],
            }
        )
        order.action_confirm()
        self.assertEqual(customer.customer_stage, "formal")
        self.assertEqual(customer.customer_grade_id, formal_a)
        self.assertTrue(customer.customer_grade_locked)
        # the nightly regrade agrees: nothing moves back to the prospect grade
        customer._recompute_customer_grading()
        self.assertEqual(
            (customer.customer_stage, customer.customer_grade_id), ("formal", formal_a)
        )

        self._budget(100000)
        request = self._request(customer)
        request.with_user(self.salesperson).action_submit()
        money = request.sudo()
        self.assertEqual(money.customer_stage, "formal")
        self.assertEqual(money.customer_grade_id, formal_a)
        self.assertEqual(money.fee_rule_id.customer_stage, "formal")
        self.assertEqual(money.fee_rule_id.grade_id, formal_a)
        # the shipped rule of a formal A waives the mould fee
        self.assertEqual(money.fee_policy, "waive")
        self.assertEqual(money.charged_amount, 0.0)
        self.assertNotIn("No fee rule", money.decision_note or "")
