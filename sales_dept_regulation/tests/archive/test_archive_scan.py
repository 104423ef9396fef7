# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .archive_common import ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveScan(ArchiveCommon):
    """A scanned label opens its document, among those the user may see."""

    def _open(self, user, code):
        return self.Document.with_user(user).action_open_by_archive_number(code)

    def test_found_opens_the_form(self):
        document = self._doc()
        for user in (self.clerk, self.salesperson):
            action = self._open(user, f"  {document.name}\n")
            self.assertEqual(action["type"], "ir.actions.act_window")
            self.assertEqual(action["res_model"], "sale.archive.document")
            self.assertEqual(action["res_id"], document.id)
            self.assertEqual(action["views"], [(False, "form")])

    def test_only_the_exact_number(self):
        document = self._doc()
        other = self._doc(title="Paper two")
        self.assertEqual(self._open(self.clerk, other.name)["res_id"], other.id)
        for code in (document.name[:-1], document.name.lower(), "TST/%", "Paper department"):
            with self.assertRaisesRegex(UserError, "No document with archive number"):
                self._open(self.clerk, code)

    def test_not_found(self):
        self._doc()
        with self.assertRaisesRegex(
            UserError, "^No document with archive number NOPE/0001 that you may see$"
        ):
            self._open(self.clerk, "NOPE/0001")

    def test_quiet_when_asked(self):
        """A search typed by hand that is no archive number opens nothing."""
        document = self._doc("secret")
        for code in ("Paper", document.name, "", None):
            self.assertIs(self._quiet(self.salesperson, code), False)
        self.assertEqual(self._quiet(self.clerk, document.name)["res_id"], document.id)

    def _quiet(self, user, code):
        return self.Document.with_user(user).action_open_by_archive_number(code, False)

    def test_bad_input(self):
        for code in (None, "", "   ", 42, ["TST"], {"name": "TST"}):
            with self.assertRaisesRegex(UserError, "Scan or type an archive number"):
                self._open(self.salesperson, code)

    def test_category_codes_a_scanner_can_type(self):
        Category = self.env["sale.archive.category"].with_user(self.regulation_admin)
        for code in ("合同", "A&B", "A B", "A#1"):
            with self.assertRaisesMessage(ValidationError, "letters, digits"):
                Category.create({"name": code, "code": code, "retention_years": 1})
        with self.assertRaisesMessage(ValidationError, "letters, digits"):
            self.category.with_user(self.regulation_admin).write({"code": "T+1"})
        self.assertEqual(self.category.code, "TST")
        self.assertTrue(Category.create({"name": "Plans", "code": "PLAN-2", "retention_years": 1}))

    def test_confidential_reads_as_missing(self):
        """A salesperson gets the very message of a number that does not exist:
        nothing tells that the confidential or secret document is there."""
        for level in ("confidential", "secret"):
            document = self._doc(level)
            before = document.read(["state", "holder_id", "message_ids"])
            with self.assertRaises(UserError) as hidden:
                self._open(self.salesperson, document.name)
            missing = document.name.rsplit("/", 1)[0] + "/9999"
            with self.assertRaises(UserError) as nonexistent:
                self._open(self.salesperson, missing)
            self.assertEqual(
                str(hidden.exception), str(nonexistent.exception).replace(missing, document.name)
            )
            self.assertEqual(document.read(["state", "holder_id", "message_ids"]), before)
            # the clerk finds it; the Department Head up to confidential only
            self.assertEqual(self._open(self.clerk, document.name)["res_id"], document.id)
            if level == "confidential":
                action = self._open(self.department_head, document.name)
                self.assertEqual(action["res_id"], document.id)
            else:
                with self.assertRaisesRegex(UserError, "No document with archive number"):
                    self._open(self.department_head, document.name)

    def test_secret_while_holding_the_loan(self):
        document = self._doc("secret")
        with self.assertRaisesRegex(UserError, "No document with archive number"):
            self._open(self.salesperson, document.name)
        self._lend(document, self.salesperson)
        self.assertEqual(self._open(self.salesperson, document.name)["res_id"], document.id)

    def test_other_company_reads_as_missing(self):
        other_company = self.env["res.company"].create({"name": "SDR Scan Other Co"})
        document = self.Document.sudo().create(
            {"title": "Elsewhere", "category_id": self.category.id, "company_id": other_company.id}
        )
        with self.assertRaisesRegex(UserError, "No document with archive number"):
            self._open(self.clerk, document.name)
