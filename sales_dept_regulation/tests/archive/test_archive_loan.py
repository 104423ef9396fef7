# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .archive_common import SIGNATURE_PNG, ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveLoan(ArchiveCommon):
    def _activities(self, loans, user=None):
        domain = [
            ("res_model", "=", "sale.archive.loan"),
            ("res_id", "in", loans.ids),
            (
                "activity_type_id",
                "=",
                self.env.ref("sales_dept_regulation.mail_activity_type_archive_overdue").id,
            ),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)

    def test_department_loan_full_route(self):
        document = self._doc()
        loan = self._loan(document, user=self.salesperson)
        self.assertEqual((loan.state, loan.borrower_id), ("requested", self.salesperson))
        self.assertFalse(loan.review_ids)
        with self.assertRaisesMessage(AccessError, "Only the Sales Clerk approves"):
            loan.with_user(self.salesperson).action_approve()
        loan.with_user(self.clerk).action_approve()
        self.assertEqual(loan.state, "approved")
        with self.assertRaisesRegex(UserError, "must sign"):
            loan.with_user(self.clerk).action_sign_out()
        self.assertEqual(loan.state, "approved")
        loan.with_user(self.salesperson).write({"signature": SIGNATURE_PNG})
        loan.with_user(self.clerk).action_sign_out()
        self.assertEqual((loan.state, document.state), ("signed_out", "on_loan"))
        self.assertEqual(loan.handover_by_id, self.clerk)
        with self.assertRaisesRegex(UserError, "condition"):
            loan.with_user(self.clerk).action_return()
        loan.with_user(self.clerk).write({"return_condition": "good"})
        loan.with_user(self.clerk).action_return()
        self.assertEqual((loan.state, document.state), ("returned", "filed"))
        self.assertEqual(loan.return_date, self.today)
        self.assertEqual(loan.returned_to_id, self.clerk)

    def test_approval_route_per_level(self):
        confidential = self._doc("confidential")
        loan = self._loan(confidential, self.salesperson)
        self.assertEqual(loan.review_ids.reviewer_group_id, self.roles["department_head"])
        with self.assertRaisesRegex(UserError, "needs the approval"):
            loan.with_user(self.clerk).action_approve()
        with self.assertRaisesRegex(UserError, "not waiting for your approval"):
            loan.with_user(self.general_manager).validate_tier()
        self.assertEqual(loan.state, "requested")
        loan.with_user(self.department_head).validate_tier()
        self.assertEqual(loan.state, "approved")
        # what was approved stays so: the borrower signs or cancels, nothing else
        due = loan.due_date
        for vals in ({"due_date": due + timedelta(days=300)}, {"purpose": "Keep it"}):
            with self.assertRaisesMessage(UserError, "cannot change now"):
                loan.with_user(self.salesperson).write(vals)
        self.assertEqual((loan.due_date, loan.purpose), (due, "Check the terms"))

        secret = self._doc("secret")
        loan = self._loan(secret, self.salesperson)
        self.assertEqual(loan.review_ids.reviewer_group_id, self.roles["general_manager"])
        with self.assertRaisesRegex(UserError, "not waiting for your approval"):
            loan.with_user(self.department_head).validate_tier()
        loan.with_user(self.general_manager).reject_tier()
        self.assertEqual(loan.state, "cancelled")
        self.assertTrue(loan.cancel_reason)

    def test_reviews_cannot_be_forged(self):
        loan = self._loan(self._doc("secret"), self.salesperson)
        review = loan.review_ids
        with self.assertRaises(AccessError):
            review.with_user(self.salesperson).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.salesperson).unlink()
        with self.assertRaises(AccessError):
            loan.with_user(self.salesperson).restart_validation()
        self.assertEqual((review.status, loan.state), ("pending", "requested"))

    def test_workflow_fields_refused(self):
        loan = self._loan(self._doc(), user=self.salesperson)
        for vals in (
            {"state": "approved"},
            {"signed_out_date": "2026-01-01 00:00:00"},
            {"handover_by_id": self.clerk.id},
            {"borrower_id": self.clerk.id},
        ):
            with self.assertRaises(UserError):
                loan.with_user(self.salesperson).write(vals)
            with self.assertRaises(UserError):
                loan.with_user(self.clerk).write(vals)
        self.assertEqual(loan.state, "requested")
        self.assertFalse(loan.signed_out_date)
        with self.assertRaisesRegex(UserError, "set by the borrowing log"):
            self.Loan.with_user(self.salesperson).create(
                {
                    "document_id": self._doc().id,
                    "purpose": "x",
                    "due_date": self.today,
                    "state": "signed_out",
                }
            )
        # a default from the context cannot set the state either
        other = (
            self.Loan.with_user(self.salesperson)
            .with_context(default_state="signed_out", default_signed_out_date="2026-01-01 00:00:00")
            .create({"document_id": self._doc().id, "purpose": "x", "due_date": self.today})
        )
        self.assertEqual(other.state, "requested")
        self.assertFalse(other.signed_out_date)
        with self.assertRaisesRegex(AccessError, "for someone else"):
            self.Loan.with_user(self.salesperson).create(
                {
                    "document_id": self._doc().id,
                    "borrower_id": self.other_salesperson.id,
                    "purpose": "x",
                    "due_date": self.today,
                }
            )
        for user in (self.clerk, self.salesperson):
            with self.assertRaisesRegex(UserError, "never deleted"):
                loan.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "Invalid values"):
            loan.with_user(self.salesperson).write(None)
        self.assertTrue(loan.exists())

    def test_bad_dates_and_documents(self):
        document = self._doc()
        with self.assertRaisesRegex(ValidationError, "due date cannot be before"):
            self._loan(document, days=-1)
        self.assertFalse(document.loan_ids)
        loan = self._lend(document)
        with self.assertRaisesRegex(ValidationError, "return cannot be before"):
            loan.with_user(self.clerk).write({"return_date": self.today - timedelta(days=3)})
        self.assertFalse(loan.return_date)
        with self.assertRaisesRegex(ValidationError, "due date cannot be before"):
            loan.with_user(self.clerk).write({"due_date": self.today - timedelta(days=3)})
        self.assertEqual(loan.due_date, self.today + timedelta(days=7))
        with self.assertRaisesRegex(ValidationError, "one loan at a time"):
            self._loan(document, self.other_salesperson)
        self.assertEqual(len(document.loan_ids), 1)
        # ids in the wrong shape, as an RPC client may send them
        with self.assertRaisesMessage(ValidationError, "choose one record for Document"):
            self._loan(document, document_id=[document.id, document.id])
        with self.assertRaisesMessage(ValidationError, "choose one record for Category"):
            self._doc(category_id=[self.category.id, self.category.id])
        with self.assertRaisesMessage(ValidationError, "needs a title"):
            self._doc(title=5)
        lost = self._doc()
        lost.with_user(self.clerk).action_report_lost("Fell behind the cabinet")
        with self.assertRaisesRegex(UserError, "destroyed or lost"):
            self._loan(lost)
        self.assertFalse(lost.loan_ids)
        # a confidential paper asked for and lost: its request leaves the approver's queue
        asked = self._doc("confidential")
        loan = self._loan(asked)
        self.assertTrue(loan.review_ids)
        asked.with_user(self.clerk).action_report_lost("Never found")
        self.assertEqual(loan.state, "cancelled")
        self.assertFalse(loan.review_ids)

    def test_overdue_job_twice_gives_one_activity_each(self):
        self.clerk_of_record = self._doc()._archive_clerk()
        loans = self.Loan
        for _i in range(3):
            loans |= self._lend(self._doc(), days=1)
        loans.invalidate_recordset()
        self.env.cr.execute(
            "UPDATE sale_archive_loan SET due_date = %s WHERE id IN %s",
            (self.today - timedelta(days=2), tuple(loans.ids)),
        )
        loans.invalidate_recordset()
        self.Loan._cron_overdue(chunk=2)
        self.assertEqual(set(loans.mapped("state")), {"overdue"})
        self.assertEqual(len(self._activities(loans, self.salesperson)), 3)
        self.assertEqual(len(self._activities(loans, self.clerk_of_record)), 3)
        self.Loan._cron_overdue(chunk=2)
        self.assertEqual(len(self._activities(loans)), 6)
        loans[0].with_user(self.clerk).write({"return_condition": "damaged"})
        loans[0].with_user(self.clerk).action_return()
        self.assertEqual(len(self._activities(loans)), 4)

    def test_reminder_before_due(self):
        self.env.company.archive_loan_reminder_days = 2
        soon = self._lend(self._doc(), days=2)
        later = self._lend(self._doc(), days=10)
        self.Loan._cron_overdue()
        self.Loan._cron_overdue()
        todo = self.env.ref("mail.mail_activity_data_todo")
        reminders = self.env["mail.activity"].search(
            [
                ("res_model", "=", "sale.archive.loan"),
                ("res_id", "in", (soon | later).ids),
                ("activity_type_id", "=", todo.id),
                ("user_id", "=", self.salesperson.id),
            ]
        )
        self.assertEqual(reminders.mapped("res_id"), soon.ids)
        self.assertTrue(soon.reminder_sent)
        self.assertFalse(later.reminder_sent)

    def test_cancel_needs_a_reason(self):
        loan = self._loan(self._doc(), user=self.salesperson)
        with self.assertRaisesRegex(UserError, "reason"):
            loan.with_user(self.salesperson).action_cancel()
        self.assertEqual(loan.state, "requested")
        with self.assertRaises(AccessError):
            loan.with_user(self.other_salesperson).action_cancel()
        loan.with_user(self.salesperson).write({"cancel_reason": "Not needed"})
        loan.with_user(self.salesperson).action_cancel()
        self.assertEqual(loan.state, "cancelled")
        # the document can be requested again
        self.assertTrue(self._loan(loan.document_id))
