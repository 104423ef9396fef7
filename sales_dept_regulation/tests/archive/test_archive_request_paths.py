# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .archive_common import ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveRequestPaths(ArchiveCommon):
    """What the screens send when someone asks to borrow a paper."""

    def _request(self, document, user=None, **vals):
        user = user or self.salesperson
        values = {
            "document_id": document.id,
            "borrower_id": user.id,
            "purpose": "Prepare the visit",
            "due_date": self.today,
        }
        values.update(vals)
        return self.Loan.with_user(user).create(values)

    def test_the_form_sends_empty_server_fields(self):
        # the web form sends every editable field, the empty reason included
        loan = self._request(self._doc(), cancel_reason=False, return_note="")
        self.assertEqual(loan.state, "requested")
        self.assertFalse(loan.cancel_reason)
        # a real value of a field the server sets is still refused, named by its label
        for vals in ({"cancel_reason": "x"}, {"state": "approved"}, {"state": False}):
            with self.assertRaises(UserError) as caught:
                self._request(self._doc(), **vals)
            self.assertNotIn("cancel_reason", str(caught.exception))
            self.assertNotIn("state", str(caught.exception))
        self.assertEqual(self.Loan.search_count([("borrower_id", "=", self.salesperson.id)]), 1)

    def test_write_errors_name_the_label(self):
        loan = self._loan(self._doc())
        loan.with_user(self.clerk).action_approve()
        self.env.ref("base.lang_zh_CN").active = True
        with self.assertRaises(UserError) as caught:
            loan.with_user(self.salesperson).with_context(lang="zh_CN").write(
                {"due_date": self.today}
            )
        self.assertNotIn("due_date", str(caught.exception))
        self.assertIn("归还期限", str(caught.exception))

    def test_a_hidden_paper_is_asked_for_by_number_or_title(self):
        secret = self._doc("secret", title="SDR Hidden Paper")
        Document = self.Document.with_user(self.salesperson)
        self.assertFalse(secret.with_user(self.salesperson).has_access("read"))
        # not by a part of its number or title: no list of hidden papers
        for typed in (secret.name[:-1], "SDR Hidden", "Hidden Paper"):
            self.assertNotIn(secret.id, [i for i, _n in Document.name_search(typed)])
        # nor through a domain probing its content
        self.assertNotIn(
            secret.id,
            [i for i, _n in Document.name_search("SDR", domain=[("title", "ilike", "SDR")])],
        )
        for typed in (secret.name, "SDR Hidden Paper"):
            [(found, label)] = [r for r in Document.name_search(typed) if r[0] == secret.id]
            # shows back only what she typed
            self.assertEqual(label.split(" ")[0], typed.split(" ")[0])
            self.assertNotIn("secret", label.lower().replace("sdr hidden paper", ""))
        loan = self._request(secret)
        self.assertEqual(loan.state, "requested")
        # the General Manager decides; she still does not learn the number back
        self.assertIn(self.general_manager, loan.review_ids.reviewer_ids)
        [values] = loan.with_user(self.salesperson).web_read(
            {"document_id": {"fields": {"display_name": {}}}, "display_name": {}}
        )
        self.assertNotIn(secret.name, values["document_id"]["display_name"])
        self.assertNotIn(secret.name, values["display_name"])
        with self.assertRaises(AccessError):
            secret.with_user(self.salesperson).read(["title"])

    def test_documents_and_loans_chosen_by_number_and_title(self):
        document = self._doc(title="SDR Price Notes")
        self.assertEqual(document.display_name, f"{document.name} SDR Price Notes")
        found = self.Document.with_user(self.salesperson).name_search("Price Notes")
        self.assertIn(document.id, [i for i, _n in found])
        loan = self._loan(document)
        self.assertIn("SDR Price Notes", loan.with_user(self.salesperson).display_name)
        found = self.Loan.with_user(self.salesperson).name_search("Price Notes")
        self.assertEqual([i for i, _n in found], loan.ids)

    def test_return_dialog_only_for_the_clerk(self):
        loan = self._lend(self._doc())
        action = loan.with_user(self.clerk).action_open_return()
        self.assertEqual((action["res_id"], action["target"]), (loan.id, "new"))
        with self.assertRaises(AccessError):
            loan.with_user(self.salesperson).action_open_return()
