# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .sample_common import SampleCommon

# the shipped matrix: cell -> (policy, charged of a 1,000 fee)
MATRIX = {
    ("formal", "formal_a"): ("waive", 0.0),
    ("formal", "formal_b"): ("waive_budget", 0.0),
    ("formal", "formal_c"): ("percent", 500.0),
    ("formal", "formal_d"): ("charge", 1000.0),
    ("potential", "potential_a"): ("waive_budget", 0.0),
    ("potential", "potential_b"): ("percent", 500.0),
    ("potential", "potential_c"): ("charge", 1000.0),
    ("potential", "potential_d"): ("charge", 1000.0),
    ("lost", None): ("charge", 1000.0),
}


@tagged("post_install", "-at_install")
class TestSampleFee(SampleCommon):
    def _money(self, request):
        return request.sudo()

    def test_every_cell_of_the_shipped_matrix(self):
        budget = self._budget(100000)
        for (stage, cell), (policy, charged) in MATRIX.items():
            with self.subTest(stage=stage, cell=cell):
                grade = self._grade(cell) if cell else None
                partner = self._customer(f"Customer {cell or stage}", stage, grade)
                request = self._request(partner)
                request.with_user(self.salesperson).action_submit()
                money = self._money(request)
                self.assertEqual(money.state, "submitted")
                self.assertEqual(money.fee_policy, policy)
                self.assertEqual(
                    money.fee_rule_id.grade_id, grade or self.env["sale.customer.grade"]
                )
                self.assertEqual(money.fee_amount, 1000.0)
                self.assertEqual(money.charged_amount, charged)
                self.assertEqual(money.waived_amount, 1000.0 - charged)
                self.assertEqual(money.budget_amount, 1000.0 - charged)
                self.assertEqual(money.budget_id, budget if charged < 1000 else budget.browse())
                self.assertEqual(money.customer_stage, stage)
        # 1,000 waived for A/A, formal B, potential A; 500 for formal C and potential B
        self.assertEqual(budget.consumed_amount, 4000.0)
        self.assertEqual(budget.remaining_amount, 96000.0)

    def test_budget_consumed_exactly_to_its_limit(self):
        budget = self._budget(1000)
        partner = self._customer("Formal B", "formal", self._grade("formal_b"))
        fits_1 = self._request(partner, mould_cost=600)
        fits_2 = self._request(partner, mould_cost=400)
        too_much = self._request(partner, mould_cost=0.01)
        for request in (fits_1, fits_2, too_much):
            request.with_user(self.salesperson).action_submit()
        self.assertEqual(self._money(fits_1).charged_amount, 0.0)
        self.assertEqual(self._money(fits_2).charged_amount, 0.0)
        self.assertEqual(self._money(fits_2).budget_id, budget)
        self.assertEqual(budget.consumed_amount, 1000.0)
        self.assertEqual(budget.remaining_amount, 0.0)
        money = self._money(too_much)
        self.assertEqual(money.charged_amount, 0.01)
        self.assertFalse(money.budget_id)
        self.assertIn("exception", money.decision_note)
        # what requests drew from stays
        with self.assertRaisesRegex(ValidationError, "can no longer change"):
            budget.write({"date_from": budget.date_from.replace(year=2031)})
        with self.assertRaises(ValidationError) as caught:
            budget.write({"amount": 999})
        self.assertIn("cannot be lower", str(caught.exception))
        self.assertEqual(budget.amount, 1000.0)
        # a request cancelled before its sample is made gives its draw back
        fits_1.with_user(self.salesperson).action_cancel("Customer withdrew")
        self.assertEqual(budget.remaining_amount, 600.0)

    def test_exception_approved_and_refused(self):
        partner = self._customer("Formal B, no budget", "formal", self._grade("formal_b"))
        approved = self._request(partner)
        refused = self._request(partner)
        (approved | refused).with_user(self.salesperson).action_submit()
        self.assertEqual(self._money(approved).charged_amount, 1000.0)
        with self.assertRaisesRegex(UserError, "reason"):
            approved.with_user(self.salesperson).action_request_exception("  ")
        self.assertEqual(approved.exception_state, "none")
        for request in (approved, refused):
            request.with_user(self.salesperson).action_request_exception("Strategic prospect")
        self.assertEqual(approved.exception_state, "requested")
        self.assertEqual(approved.review_ids.status, "pending")
        # neither the salesperson nor a plain write decides the review
        with self.assertRaisesMessage(UserError, "your own"):
            approved.with_user(self.salesperson).validate_tier()
        self.assertEqual(approved.review_ids.status, "pending")
        with self.assertRaises(AccessError):
            approved.review_ids.with_user(self.salesperson).write({"status": "approved"})
        with self.assertRaisesRegex(UserError, "buttons"):
            approved.with_user(self.salesperson).write({"exception_state": "approved"})
        self.assertEqual(approved.exception_state, "requested")
        # the Department Head decides
        approved.with_user(self.head).validate_tier()
        money = self._money(approved)
        self.assertEqual(money.exception_state, "approved")
        self.assertEqual(money.charged_amount, 0.0)
        self.assertEqual(money.waived_amount, 1000.0)
        refused.with_user(self.head).reject_tier()
        money = self._money(refused)
        self.assertEqual(money.exception_state, "refused")
        self.assertEqual(money.charged_amount, 1000.0)

    def test_no_waiver_once_the_fee_order_is_confirmed(self):
        partner = self._customer("Formal B, no budget", "formal", self._grade("formal_b"))
        request = self._request(partner)
        request.with_user(self.salesperson).action_submit()
        request.with_user(self.salesperson).action_create_fee_order()
        request.with_user(self.salesperson).action_request_exception("Strategic prospect")
        order = self._money(request).fee_order_id
        order.action_confirm()
        with self.assertRaisesMessage(UserError, "confirmed meanwhile"):
            request.with_user(self.head).validate_tier()
        money = self._money(request)
        self.assertEqual((money.exception_state, money.charged_amount), ("requested", 1000.0))
        self.assertEqual(request.review_ids.status, "pending")
        order._action_cancel()
        request.with_user(self.head).validate_tier()
        self.assertEqual(self._money(request).exception_state, "approved")

    def test_cancelled_request_leaves_no_exception_to_decide(self):
        partner = self._customer("Formal B, no budget", "formal", self._grade("formal_b"))
        request = self._request(partner)
        request.with_user(self.salesperson).action_submit()
        request.with_user(self.salesperson).action_request_exception("Strategic prospect")
        self.assertEqual(request.review_ids.status, "pending")
        request.with_user(self.salesperson).action_cancel("Customer withdrew")
        self.assertFalse(request.review_ids)
        money = self._money(request)
        self.assertEqual(money.exception_state, "none")

    def test_fee_order_payment_and_mould_gate(self):
        partner = self._customer("Prospect C", "potential", self._grade("potential_c"))
        request = self._request(partner, mould_cost=800, sample_fee=200)
        request.with_user(self.salesperson).action_submit()
        request.with_user(self.salesperson).action_create_fee_order()
        money = self._money(request)
        order = money.fee_order_id
        self.assertEqual(order.partner_id, partner)
        self.assertEqual(order.amount_untaxed, 1000.0)
        self.assertEqual(
            sorted(order.order_line.mapped("product_id.default_code")),
            ["SDR-MOULD-FEE", "SDR-SAMPLE-FEE"],
        )
        self.assertEqual(money.fee_order_state, "draft")
        self.assertEqual(money.fee_payment_state, "not_paid")
        with self.assertRaisesRegex(UserError, "already has a fee order"):
            request.with_user(self.salesperson).action_create_fee_order()
        # the mould waits for the confirmed fee order
        with self.assertRaisesRegex(UserError, "fee order is confirmed"):
            request.with_user(self.rd_user).action_accept()
        self.assertEqual(request.state, "submitted")
        order.action_confirm()
        self.assertEqual(money.fee_order_state, "sale")
        request.with_user(self.rd_user).action_accept()
        self.assertEqual(request.state, "accepted")
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(money.fee_invoice_status, "invoiced")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        money.invalidate_recordset(["fee_payment_state"])
        self.assertIn(money.fee_payment_state, ("paid",))

    def test_mould_override_by_the_department_head(self):
        partner = self._customer("Formal D", "formal", self._grade("formal_d"))
        request = self._request(partner)
        request.with_user(self.salesperson).action_submit()
        with self.assertRaises(AccessError):
            request.with_user(self.salesperson).action_override_mould_gate("Urgent")
        self.assertFalse(request.mould_override_reason)
        request.with_user(self.head).action_override_mould_gate("Trade fair next week")
        request.with_user(self.rd_user).action_accept()
        self.assertEqual(request.state, "accepted")
