# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .archive_common import MODULE, ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveRetention(ArchiveCommon):
    def _expired(self):
        document = self._doc(filing_date=self.today - timedelta(days=800))
        document.with_user(self.clerk).write({"retention_until": self.today - timedelta(days=1)})
        return document

    def test_retention_listing_once(self):
        expired = self._expired()
        kept = self._doc()
        retention = self.env.ref(f"{MODULE}.mail_activity_type_archive_retention")
        self.Document._cron_retention()
        self.Document._cron_retention()
        self.assertEqual(
            expired.activity_ids.filtered(lambda a: a.activity_type_id == retention).user_id,
            expired._archive_clerk(),
        )
        self.assertEqual(len(expired.activity_ids), 1)
        self.assertFalse(kept.activity_ids)

    def test_destruction_needs_the_department_head(self):
        document = self._expired()
        with self.assertRaisesRegex(UserError, "reason"):
            document.with_user(self.clerk).action_request_destruction("  ")
        with self.assertRaises(AccessError):
            document.with_user(self.salesperson).action_request_destruction("Expired")
        not_yet = self._doc()
        with self.assertRaisesRegex(UserError, "not past its retention"):
            not_yet.with_user(self.clerk).action_request_destruction("Expired")
        document.with_user(self.clerk).action_request_destruction("Retention ended")
        self.assertEqual(document.review_ids.reviewer_group_id, self.roles["department_head"])
        with self.assertRaisesRegex(UserError, "not approved yet"):
            document.with_user(self.clerk).action_destroy()
        self.assertEqual(document.state, "filed")
        # the clerk asked for it: she never decides it
        with self.assertRaisesMessage(UserError, "your own request"):
            document.with_user(self.clerk).validate_tier()
        with self.assertRaisesRegex(UserError, "awaits its destruction"):
            self._loan(document)
        document.with_user(self.department_head).validate_tier()
        document.with_user(self.clerk).action_destroy()
        self.assertEqual(document.state, "destroyed")
        self.assertEqual(document.destroyed_by_id, self.clerk)
        self.assertEqual(document.destroyed_date, self.today)
        self.assertEqual(document.destroy_reason, "Retention ended")
        # still in the catalogue, frozen
        self.assertIn(
            document, self.Document.with_user(self.clerk).search([("state", "=", "destroyed")])
        )
        with self.assertRaisesRegex(UserError, "destroyed document"):
            document.with_user(self.clerk).write({"title": "Renamed"})
        with self.assertRaisesRegex(UserError, "never deleted"):
            document.with_user(self.clerk).unlink()
        with self.assertRaisesRegex(UserError, "destroyed or lost"):
            self._loan(document)

    def test_refused_destruction_keeps_the_document(self):
        document = self._expired()
        document.with_user(self.clerk).action_request_destruction("Retention ended")
        document.with_user(self.department_head).reject_tier()
        self.assertEqual(document.state, "filed")
        self.assertFalse(document.review_ids)
        self.assertFalse(document.destroy_reason)
        with self.assertRaisesRegex(UserError, "Request the destruction"):
            document.with_user(self.clerk).action_destroy()

    def test_a_document_asked_for_is_not_destroyed(self):
        document = self._expired()
        loan = self._loan(document)
        loan.with_user(self.clerk).action_approve()
        with self.assertRaisesMessage(UserError, "its loan ends before"):
            document.with_user(self.clerk).action_request_destruction("Retention ended")
        self.assertFalse(document.review_ids)
        self.assertEqual((document.state, loan.state), ("filed", "approved"))

    def test_workflow_fields_refused(self):
        document = self._doc()
        for vals in (
            {"state": "destroyed"},
            {"destroyed_by_id": self.clerk.id},
            {"name": "FAKE/1"},
            {"filing_date": "2020-01-01"},
        ):
            with self.assertRaisesRegex(UserError, "only through the archive's actions"):
                document.with_user(self.clerk).write(vals)
        self.assertEqual(document.state, "filed")
        self.assertTrue(document.name.startswith("TST/"))
        created = (
            self.Document.with_user(self.clerk)
            .with_context(default_state="destroyed", default_destroyed_by_id=self.clerk.id)
            .create({"title": "Context", "category_id": self.category.id})
        )
        self.assertEqual(created.state, "filed")
        self.assertFalse(created.destroyed_by_id)
        with self.assertRaisesRegex(UserError, "set by the archive itself"):
            self.Document.with_user(self.clerk).create(
                {"title": "x", "category_id": self.category.id, "state": "lost"}
            )
        with self.assertRaisesRegex(UserError, "title"):
            self.Document.with_user(self.clerk).create(
                {"title": "  ", "category_id": self.category.id}
            )
