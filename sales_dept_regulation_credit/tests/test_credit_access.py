# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .credit_common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditAccess(CreditCommon):
    """Who assesses, who approves, and what no route changes."""

    def _draft(self, user=None, **vals):
        return self.Assessment.with_user(user or self.clerk).create(
            {"partner_id": self.partner.id, "rating": "c", "credit_limit": 500.0, **vals}
        )

    def test_who_assesses(self):
        for key in ("salesperson", "telemarketer", "regulation_admin"):
            with self.subTest(role=key), self.assertRaises(AccessError):
                self._draft(user=self.role_users[key])
        for key in ("sales_clerk", "department_head", "deputy_general_manager", "general_manager"):
            with self.subTest(role=key):
                self.assertEqual(self._draft(user=self.role_users[key]).state, "draft")

    def test_nobody_approves_their_own(self):
        assessment = self._draft(user=self.department_head)
        assessment.with_user(self.department_head).action_submit()
        with self.assertRaisesMessage(UserError, "another manager approves it"):
            assessment.with_user(self.department_head).action_approve()
        with self.assertRaisesMessage(UserError, "Only the Department Head or a General Manager"):
            assessment.with_user(self.clerk).action_approve()
        assessment.with_user(self.general_manager).action_approve()
        self.assertEqual(assessment.state, "approved")

    def test_workflow_fields_only_through_actions(self):
        with self.assertRaisesMessage(UserError, "change only through its buttons"):
            self._draft(state="approved")
        with self.assertRaisesMessage(UserError, "change only through its buttons"):
            self._draft(valid_until="2099-01-01")
        assessment = self._draft()
        with self.assertRaisesMessage(UserError, "change only through its buttons"):
            assessment.with_user(self.department_head).write({"state": "approved"})
        assessment.action_submit()
        # submitted: the figures are frozen, for the assessor and the approver alike
        for user in (self.clerk, self.department_head):
            with self.subTest(user=user.login), self.assertRaisesMessage(UserError, "Credit Limit"):
                assessment.with_user(user).write({"credit_limit": 10**9})
        self.assertEqual(assessment.credit_limit, 500.0)

    def test_refuse_and_cancel_need_a_reason(self):
        assessment = self._draft()
        assessment.action_submit()
        with self.assertRaisesMessage(UserError, "Give the reason first"):
            assessment.with_user(self.department_head).action_refuse()
        assessment.with_user(self.department_head).write({"decision_note": "No bank reference"})
        assessment.with_user(self.department_head).action_refuse()
        self.assertEqual(assessment.state, "refused")
        with self.assertRaisesMessage(UserError, "was decided"):
            assessment.with_user(self.clerk).action_cancel()

    def test_no_hard_delete(self):
        draft = self._draft()
        draft.unlink()
        self.assertFalse(draft.exists())
        assessment = self._assess()
        with self.assertRaisesMessage(UserError, "Only a draft credit assessment can be deleted"):
            assessment.with_user(self.department_head).unlink()
        with self.assertRaises(AccessError):
            assessment.with_user(self.salesperson).unlink()

    def test_salesperson_sees_own_customers_only(self):
        mine = self._assess()
        other_partner = self.env["res.partner"].create(
            {"name": "Other Credit Co", "is_company": True}
        )
        other = self._assess(partner=other_partner)
        self.salesperson.group_ids += self.env.ref("base.group_allow_export")
        Assessment = self.Assessment.with_user(self.salesperson)
        self.assertEqual(Assessment.search([("id", "in", (mine | other).ids)]), mine)
        groups = Assessment._read_group([("id", "in", (mine | other).ids)], ["rating"], ["__count"])
        self.assertEqual(sum(count for _rating, count in groups), 1)
        exported = (
            Assessment.browse((mine | other).ids)
            ._filtered_access("read")
            .export_data(["partner_id", "credit_limit"])
        )
        self.assertEqual(len(exported["datas"]), 1)
        with self.assertRaises(AccessError):
            Assessment.browse(other.id).read(["credit_limit"])
        # the Department Head sees the whole department
        self.assertEqual(
            self.Assessment.with_user(self.department_head).search(
                [("id", "in", (mine | other).ids)]
            ),
            mine | other,
        )

    def test_exception_routes(self):
        order = self._order()
        Exception_ = self.env["sale.credit.exception"]
        with self.assertRaises(UserError):
            Exception_.with_user(self.salesperson).create({"order_id": order.id, "reason": "x"})
        with self.assertRaises(UserError):
            Exception_.with_user(self.general_manager).create({"order_id": order.id, "reason": "x"})
        exception = self._ask_exception(order)
        for user in (self.salesperson, self.general_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                exception.with_user(user).write({"amount_total": 10**9})
            with self.subTest(user=user.login), self.assertRaises(UserError):
                exception.with_user(user).unlink()
        with self.assertRaisesMessage(UserError, "Ask for a credit exception from the contract"):
            exception.with_user(self.general_manager).request_validation()
        # the reviews are the engine's: nobody approves by writing one
        with self.assertRaises(UserError):
            exception.review_ids.with_user(self.general_manager).write({"status": "approved"})
        self.assertEqual(exception.state, "requested")
        # another salesperson does not see it
        self.assertFalse(
            Exception_.with_user(self.role_users["telemarketer"]).search(
                [("id", "=", exception.id)]
            )
        )
        self.assertEqual(
            Exception_.with_user(self.general_manager).search([("id", "=", exception.id)]),
            exception,
        )
