# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..contract.contract_common import new_role_user
from .archive_common import ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveFourEyes(ArchiveCommon):
    """Nobody decides a loan or a destruction of their own: the next level does,
    whatever route (the buttons, OCA's engine, its comment wizard)."""

    def _review_unchanged(self, loan, status="pending"):
        loan.invalidate_recordset()
        self.assertEqual(loan.state, "requested")
        self.assertEqual(set(loan.review_ids.mapped("status")), {status})
        self.assertFalse(loan.document_id.holder_id)

    def test_department_head_own_confidential_loan(self):
        loan = self._loan(
            self._doc("confidential"), self.department_head, user=self.department_head
        )
        review = loan.review_ids
        self.assertEqual(review.reviewer_group_id, self.roles["department_head"])
        # the next level: the Deputy General Manager or the General Manager
        self.assertNotIn(self.department_head, review.reviewer_ids)
        self.assertIn(self.deputy_gm, review.reviewer_ids)
        self.assertIn(self.general_manager, review.reviewer_ids)
        self.assertIn(self.deputy_gm.name, review.todo_by)
        Loan = loan.with_user(self.department_head)
        for method in ("validate_tier", "reject_tier", "_validate_tier", "_rejected_tier"):
            with self.subTest(method=method), self.assertRaisesMessage(UserError, "your own"):
                getattr(Loan, method)()
            self._review_unchanged(loan)
        # OCA's comment wizard, with the review ids a client sends
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.department_head)
            .create(
                {
                    "res_model": loan._name,
                    "res_id": loan.id,
                    "review_ids": [(6, 0, review.ids)],
                    "validate_reject": "validate",
                    "comment": "Mine",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.add_comment()
        self._review_unchanged(loan)
        # nor the review itself, nor a review of his making
        with self.assertRaises(AccessError):
            review.with_user(self.department_head).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.department_head).write(
                {"reviewer_ids": [(4, self.department_head.id)]}
            )
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.department_head).create(
                {
                    "model": loan._name,
                    "res_id": loan.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        with self.assertRaises(AccessError):
            review.with_user(self.department_head).unlink()
        self.assertEqual(loan.review_ids, review)
        self._review_unchanged(loan)
        # the Deputy General Manager finds the request in her queue and decides it
        queue = self.env["res.users"].with_user(self.deputy_gm).review_user_count()
        self.assertIn(loan._name, [entry["model"] for entry in queue])
        self.assertIn(loan, self.Loan.with_user(self.deputy_gm).search([("can_review", "=", True)]))
        self.assertFalse(
            self.Loan.with_user(self.department_head).search(
                [("id", "=", loan.id), ("can_review", "=", True)]
            )
        )
        self.assertTrue(loan.with_user(self.deputy_gm).can_review)
        loan.with_user(self.deputy_gm).validate_tier()
        self.assertEqual(loan.state, "approved")
        self.assertEqual(review.done_by, self.deputy_gm)
        self.assertEqual(loan.document_id.holder_id, self.department_head)

    def test_general_manager_own_secret_loan(self):
        # the only General Manager: the Deputy General Manager countersigns
        loan = self._loan(self._doc("secret"), self.general_manager, user=self.general_manager)
        self.assertEqual(loan.review_ids.reviewer_ids, self.deputy_gm)
        with self.assertRaisesMessage(UserError, "your own"):
            loan.with_user(self.general_manager).validate_tier()
        self._review_unchanged(loan)
        # the Regulation Administrator configures, and decides nothing
        with self.assertRaises(AccessError):
            loan.with_user(self.regulation_admin).validate_tier()
        self._review_unchanged(loan)
        loan.with_user(self.deputy_gm).validate_tier()
        self.assertEqual(loan.state, "approved")

        # with a second General Manager, that one decides
        other_gm = new_role_user(self.env, "sdr_archive_gm2", "group_role_general_manager")
        loan = self._loan(self._doc("secret"), self.general_manager, user=self.general_manager)
        self.assertEqual(loan.review_ids.reviewer_ids, other_gm)
        with self.assertRaisesMessage(UserError, "not waiting for your approval"):
            loan.with_user(self.deputy_gm).validate_tier()
        self._review_unchanged(loan)
        loan.with_user(other_gm).validate_tier()
        self.assertEqual(loan.state, "approved")

    def test_others_loans_keep_their_approver(self):
        loan = self._loan(self._doc("confidential"), self.salesperson)
        self.assertIn(self.department_head, loan.review_ids.reviewer_ids)
        self.assertNotIn(self.general_manager, loan.review_ids.reviewer_ids)
        loan = self._loan(self._doc("secret"), self.department_head)
        self.assertIn(self.general_manager, loan.review_ids.reviewer_ids)

    def test_clerk_own_loan_goes_to_the_department_head(self):
        other_clerk = new_role_user(self.env, "sdr_archive_clerk2", "group_role_sales_clerk")
        loan = self._loan(self._doc(), self.clerk, user=self.clerk)
        self.assertFalse(loan.with_user(self.clerk).archive_can_approve)
        for clerk in (self.clerk, other_clerk):
            with self.assertRaisesMessage(AccessError, "own loan is approved by the Department"):
                loan.with_user(clerk).action_approve()
            self.assertEqual(loan.state, "requested")
            self.assertFalse(loan.document_id.holder_id)
        self.assertTrue(loan.with_user(self.department_head).archive_can_approve)
        loan.with_user(self.department_head).action_approve()
        self.assertEqual(loan.state, "approved")
        # a Department Head who is also a clerk does not approve her own
        both = new_role_user(
            self.env, "sdr_archive_both", "group_role_sales_clerk", "group_role_department_head"
        )
        loan = self._loan(self._doc(), both, user=both)
        with self.assertRaisesMessage(UserError, "your own"):
            loan.with_user(both).action_approve()
        self.assertEqual(loan.state, "requested")

    def test_own_destruction_request(self):
        both = new_role_user(
            self.env, "sdr_archive_both2", "group_role_sales_clerk", "group_role_department_head"
        )
        document = self._doc(filing_date=self.today - timedelta(days=800))
        document.with_user(self.clerk).write({"retention_until": self.today - timedelta(days=1)})
        document.with_user(both).action_request_destruction("Retention ended")
        review = document.review_ids
        # she holds the deciding role: the next level decides
        self.assertEqual(review.reviewer_ids, self.deputy_gm | self.general_manager)
        with self.assertRaisesMessage(UserError, "your own"):
            document.with_user(both).validate_tier()
        self.assertEqual(review.status, "pending")
        with self.assertRaisesMessage(UserError, "not waiting for your approval"):
            document.with_user(self.department_head).validate_tier()
        document.with_user(self.general_manager).validate_tier()
        self.assertEqual(document.validation_status, "validated")
