# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .credit_common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditGate(CreditCommon):
    """A contract goes to its signers only with the customer's credit in order,
    or with the General Manager's exception."""

    def test_missing_assessment_stops_the_contract(self):
        order = self._order()
        self.assertEqual(order.sdr_credit_problem, "missing")
        with self.assertRaisesMessage(UserError, "has no approved credit assessment"):
            order.with_user(self.salesperson).request_validation()
        self.assertFalse(order.review_ids)

    def test_valid_assessment_lets_the_contract_through(self):
        assessment = self._assess(limit=1000.0, rating="a")
        self.assertEqual(assessment.state, "approved")
        self.assertEqual(assessment.assessed_by_id, self.clerk)
        self.assertEqual(assessment.approved_by_id, self.department_head)
        order = self._order()
        self.assertFalse(order.sdr_credit_problem)
        self.assertEqual(order.sdr_credit_rating, "a")
        self.assertEqual(order.sdr_credit_limit, 1000.0)
        self.assertEqual(order.sdr_credit_valid_until, assessment.valid_until)
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(len(order.review_ids), 3)
        # the approved limit is OCA's credit limit of the customer in the company
        partner = self.partner.sudo().with_company(self.company)
        self.assertEqual(partner.credit_limit, 1000.0)
        self.assertTrue(partner.risk_sale_order_include)

    def test_expired_assessment_stops_the_contract(self):
        with freeze_time("2025-01-10"):
            assessment = self._assess()
        self.assertEqual(assessment.valid_until, date(2026, 1, 10))
        self.assertTrue(assessment.is_expired)
        self.assertIn(assessment, self.Assessment.search([("is_expired", "=", True)]))
        order = self._order()
        self.assertEqual(order.sdr_credit_problem, "expired")
        with self.assertRaisesMessage(UserError, "has expired"):
            order.with_user(self.salesperson).request_validation()

    def test_validity_months_from_the_company(self):
        self.company.sdr_credit_validity_months = 3
        with freeze_time("2026-11-30"):
            assessment = self._assess()
        self.assertEqual(assessment.valid_until, date(2027, 2, 28))

    def test_over_limit_stops_the_contract(self):
        self._assess(limit=100.0)
        order = self._order()  # 115.00
        self.assertEqual(order.sdr_credit_problem, "over_limit")
        with self.assertRaisesMessage(UserError, "over its credit limit"):
            order.with_user(self.salesperson).request_validation()
        # within the limit, the same customer goes through
        small = self._order(qty=0.5)
        small.with_user(self.salesperson).request_validation()
        self.assertTrue(small.review_ids)

    def test_confirmed_orders_count_in_the_risk(self):
        self._assess(limit=200.0)
        confirmed = self._order(contract=False)
        confirmed.action_confirm()
        self.assertEqual(confirmed.state, "sale")
        order = self._order()
        self.assertEqual(order.sdr_credit_risk_total, 115.0)
        self.assertEqual(order.sdr_credit_problem, "over_limit")

    def test_new_assessment_supersedes_the_current_one(self):
        first = self._assess(limit=100.0)
        second = self._assess(limit=5000.0)
        self.assertEqual(first.state, "superseded")
        self.assertEqual(second.state, "approved")
        self.assertEqual(self.partner.sudo().with_company(self.company).credit_limit, 5000.0)
        self.assertFalse(self._order().sdr_credit_problem)

    def test_check_off_changes_nothing(self):
        self.company.sdr_credit_required = False
        order = self._order()
        self.assertFalse(order.sdr_credit_problem)
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(len(order.review_ids), 3)

    def test_general_manager_exception(self):
        order = self._order()
        exception = self._ask_exception(order)
        self.assertEqual(exception.state, "requested")
        self.assertEqual(exception.problem, "missing")
        self.assertEqual(exception.amount_total, 115.0)
        self.assertEqual(exception.review_ids.reviewer_group_id, self.roles["general_manager"])
        # still stopped while the General Manager has not decided
        with self.assertRaisesMessage(UserError, "has no approved credit assessment"):
            order.with_user(self.salesperson).request_validation()
        with self.assertRaisesMessage(UserError, "waiting for the General Manager"):
            self._ask_exception(order)
        # the Department Head is no reviewer of the exception: nothing moves
        exception.with_user(self.department_head).validate_tier()
        self.assertEqual(exception.state, "requested")
        exception.with_user(self.general_manager).validate_tier()
        self.assertEqual(exception.state, "approved")
        self.assertEqual(order.sdr_credit_exception_state, "approved")
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(len(order.review_ids), 3)
        self.assertTrue(
            any(
                "approved the credit exception" in body for body in order.message_ids.mapped("body")
            )
        )

    def test_exception_carries_the_contract_past_oca_confirmation(self):
        """Over the limit with the General Manager's exception: the last signature
        confirms the contract, where OCA's own check would stop it."""
        self.company.sdr_contract_auto_confirm = True
        self._assess(limit=100.0)
        order = self._order()
        self.assertEqual(order.sdr_credit_problem, "over_limit")
        self._ask_exception(order).with_user(self.general_manager).validate_tier()
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        self.assertEqual(order.state, "sale")
        # without an exception OCA stops a plain order over the limit with its dialog
        plain = self._order(contract=False)
        action = plain.action_confirm()
        self.assertEqual(action["res_model"], "partner.risk.exceeded.wiz")
        self.assertEqual(plain.state, "draft")

    def test_exception_covers_its_amount_only(self):
        order = self._order()
        exception = self._ask_exception(order)
        exception.with_user(self.general_manager).validate_tier()
        order.order_line.product_uom_qty = 2
        self.assertFalse(order._credit_exception_covers())
        with self.assertRaisesMessage(UserError, "has no approved credit assessment"):
            order.with_user(self.salesperson).request_validation()

    def test_refused_exception(self):
        order = self._order()
        exception = self._ask_exception(order)
        exception.with_user(self.general_manager).reject_tier()
        self.assertEqual(exception.state, "refused")
        with self.assertRaisesMessage(UserError, "has no approved credit assessment"):
            order.with_user(self.salesperson).request_validation()

    def test_nobody_decides_their_own_exception(self):
        order = self._order(user_id=self.general_manager.id, user=self.general_manager)
        exception = self._ask_exception(order, user=self.general_manager)
        with self.assertRaisesMessage(UserError, "is your own"):
            exception.with_user(self.general_manager).validate_tier()
        self.assertEqual(exception.state, "requested")

    def test_no_exception_without_a_problem(self):
        self._assess()
        order = self._order()
        with self.assertRaisesMessage(UserError, "no exception is needed"):
            order.with_user(self.salesperson).action_sdr_credit_exception()
