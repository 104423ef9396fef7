# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .archive_common import SIGNATURE_PNG, ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveCompany(ArchiveCommon):
    """Records moved into a company the editor does not work in are refused,
    and an archive record never links another company's records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Archive Elsewhere Co"})

    def test_category_moved_to_another_company(self):
        category = (
            self.env["sale.archive.category"]
            .with_user(self.regulation_admin)
            .create({"name": "Minutes", "code": "MIN"})
        )
        with self.assertRaises(AccessError):
            category.with_user(self.regulation_admin).write({"company_id": self.other_company.id})
        self.assertFalse(category.company_id)
        self.assertFalse(category.sequence_id.company_id)
        with self.assertRaises(AccessError):
            self.env["sale.archive.category"].with_user(self.regulation_admin).create(
                {"name": "Elsewhere", "code": "ELS", "company_id": self.other_company.id}
            )
        self.assertFalse(self.env["sale.archive.category"].search([("code", "=", "ELS")]))

    def test_document_in_another_company(self):
        with self.assertRaises(AccessError):
            self.Document.with_user(self.clerk).create(
                {
                    "title": "Moved",
                    "category_id": self.category.id,
                    "company_id": self.other_company.id,
                }
            )
        self.assertFalse(self.Document.search([("title", "=", "Moved")]))
        document = self._doc()
        # named by its label, not its technical name
        with self.assertRaisesMessage(UserError, "Company"):
            document.with_user(self.clerk).write({"company_id": self.other_company.id})
        # another company's category or customer
        elsewhere = self.env["sale.archive.category"].create(
            {"name": "Elsewhere", "code": "ELS", "company_id": self.other_company.id}
        )
        customer = self.env["res.partner"].create(
            {"name": "Elsewhere Customer", "company_id": self.other_company.id}
        )
        with self.assertRaises(UserError):
            self._doc(title="Cross", category_id=elsewhere.id)
        with self.assertRaises(UserError):
            document.with_user(self.clerk).write({"partner_id": customer.id})
        self.assertEqual(document.company_id, self.env.company)
        self.assertFalse(document.partner_id)
        self.assertFalse(self.Document.search([("title", "=", "Cross")]))

    def test_loan_for_a_user_of_another_company(self):
        stranger = self.env["res.users"].create(
            {
                "name": "Stranger",
                "login": "sdr_archive_stranger",
                "company_id": self.other_company.id,
                "company_ids": [(6, 0, self.other_company.ids)],
            }
        )
        document = self._doc()
        with self.assertRaises(UserError):
            self._loan(document, stranger)
        self.assertFalse(document.loan_ids)


@tagged("post_install", "-at_install")
class TestArchiveLeaks(ArchiveCommon):
    """What one may not open stays hidden behind every door: the loan's
    fields, groups and exports, the followers and the tier reviews."""

    def setUp(self):
        super().setUp()
        self.secret = self._doc("secret", title="The secret paper")
        self.secret.message_subscribe(partner_ids=self.general_manager.partner_id.ids)
        # asked for by the clerk on the salesperson's behalf: not approved yet
        self.loan = self._loan(self.secret, self.salesperson)
        self.open_doc = self._doc()
        self.open_doc.message_subscribe(partner_ids=self.general_manager.partner_id.ids)

    def test_borrower_does_not_learn_number_or_level(self):
        self.salesperson.group_ids = [(4, self.env.ref("base.group_allow_export").id)]
        Loan = self.Loan.with_user(self.salesperson)
        number = self.secret.name
        [values] = self.loan.with_user(self.salesperson).read(["document_id", "confidentiality"])
        self.assertFalse(values["confidentiality"])
        self.assertNotIn(number, values["document_id"][1])
        [values] = self.loan.with_user(self.salesperson).web_read(
            {"document_id": {"fields": {"display_name": {}}}, "confidentiality": {}}
        )
        self.assertNotIn(number, values["document_id"]["display_name"])
        self.assertFalse(values["confidentiality"])
        exported = Loan.browse(self.loan.ids).export_data(["name", "confidentiality"])
        self.assertEqual(exported["datas"], [[self.loan.name, ""]])
        # the export reads the document itself as her: refused, as its form
        with self.assertRaises(AccessError):
            Loan.browse(self.loan.ids).export_data(["document_id"])
        groups = Loan.web_read_group([("id", "=", self.loan.id)], ["document_id"])
        self.assertNotIn(number, str(groups))
        for level in ("secret", "confidential", "department"):
            self.assertFalse(
                Loan.search([("id", "=", self.loan.id), ("confidentiality", "=", level)])
            )
        with self.assertRaises(AccessError):
            self.secret.with_user(self.salesperson).read(["name"])
        # her loan's chatter does not name it either
        messages = self.env["mail.message"].search(
            [("model", "=", self.loan._name), ("res_id", "=", self.loan.id)]
        )
        trackings = messages.sudo().tracking_value_ids
        texts = [str(m.body) for m in messages] + [
            str(value)
            for value in trackings.mapped("old_value_char") + trackings.mapped("new_value_char")
        ]
        self.assertFalse([text for text in texts if number in text])
        # the approver sees what she decides; once approved the borrower holds it
        self.assertEqual(self.loan.with_user(self.general_manager).confidentiality, "secret")
        self.loan.with_user(self.general_manager).validate_tier()
        self.loan.invalidate_recordset()
        [values] = self.loan.with_user(self.salesperson).read(["document_id", "confidentiality"])
        self.assertEqual(values["confidentiality"], "secret")
        self.assertEqual(values["document_id"][1], f"{number} The secret paper")

    def test_followers_of_hidden_records(self):
        Followers = self.env["mail.followers"].with_user(self.salesperson)
        hidden = Followers.search(
            [("res_model", "=", self.secret._name), ("res_id", "=", self.secret.id)]
        )
        self.assertFalse(hidden)
        follower = self.env["mail.followers"].search(
            [("res_model", "=", self.secret._name), ("res_id", "=", self.secret.id)], limit=1
        )
        with self.assertRaises(AccessError):
            follower.with_user(self.salesperson).read(["partner_id"])
        groups = Followers.formatted_read_group(
            [("res_model", "=", self.secret._name)], ["res_id"], ["__count"]
        )
        self.assertNotIn(self.secret.id, [group["res_id"] for group in groups])
        # what she may read keeps its followers, and other models are untouched
        self.assertTrue(
            Followers.search(
                [("res_model", "=", self.open_doc._name), ("res_id", "=", self.open_doc.id)]
            )
        )
        partner = self.env["res.partner"].create({"name": "Followed"})
        partner.message_subscribe(partner_ids=self.general_manager.partner_id.ids)
        self.assertTrue(
            Followers.search([("res_model", "=", "res.partner"), ("res_id", "=", partner.id)])
        )
        # nor a message or an attachment of the hidden document
        note = "Kept in cabinet 3"
        self.secret.message_post(body=note)
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.salesperson)
            .search([("model", "=", self.secret._name), ("res_id", "=", self.secret.id)])
        )

    def test_tier_reviews_of_hidden_records(self):
        hidden = self._loan(self._doc("secret"), self.other_salesperson)
        Review = self.env["tier.review"].with_user(self.salesperson)
        self.assertFalse(Review.search([("model", "=", hidden._name), ("res_id", "=", hidden.id)]))
        with self.assertRaises(AccessError):
            hidden.review_ids.with_user(self.salesperson).read(["name", "res_id"])
        groups = Review.formatted_read_group(
            [("model", "=", hidden._name)], ["res_id"], ["__count"]
        )
        self.assertNotIn(hidden.id, [group["res_id"] for group in groups])
        # her own loan's review, and the approver's, remain readable
        self.assertEqual(
            Review.search([("model", "=", self.loan._name), ("res_id", "=", self.loan.id)]),
            self.loan.review_ids,
        )
        self.assertTrue(hidden.review_ids.with_user(self.general_manager).read(["name"]))
        # reviews of other models are left as they are
        other = self.env["tier.review"].create(
            {
                "model": "res.partner",
                "res_id": self.env.user.partner_id.id,
                "definition_id": self.loan.review_ids.definition_id.id,
            }
        )
        self.assertEqual(Review.search([("id", "=", other.id)]), other)


@tagged("post_install", "-at_install")
class TestArchiveBadInput(ArchiveCommon):
    """Bad values get a clear message, and nothing is written."""

    def _no_new(self, model, domain):
        self.assertFalse(self.env[model].search(domain))

    def test_filing_date(self):
        for value in ("9999-12-31", self.today + timedelta(days=1)):
            with self.assertRaisesMessage(ValidationError, "filing date cannot be in the future"):
                self._doc(title="Future", filing_date=value)
        with self.assertRaisesMessage(ValidationError, "give the filing date"):
            self._doc(title="Future", filing_date=False)
        for value in ("2026-13-45", "not a date", 12):
            with self.assertRaisesMessage(ValidationError, "not a valid date"):
                self._doc(title="Future", filing_date=value)
        self._no_new("sale.archive.document", [("title", "=", "Future")])

    def test_ids_out_of_range(self):
        document = self._doc()
        with self.assertRaisesMessage(ValidationError, "Category"):
            self._doc(title="Huge", category_id=2**31)
        with self.assertRaisesMessage(ValidationError, "Customer"):
            self._doc(title="Huge", partner_id=2**40)
        with self.assertRaisesMessage(ValidationError, "does not exist"):
            self._doc(title="Huge", sale_order_id=2**31 - 1)
        self._no_new("sale.archive.document", [("title", "=", "Huge")])
        with self.assertRaisesMessage(ValidationError, "Document"):
            self._loan(document, document_id=2**40)
        with self.assertRaisesMessage(ValidationError, "one record for Sale Order"):
            document.with_user(self.clerk).write({"sale_order_id": 2**33})
        self.assertFalse(document.sale_order_id)
        self.assertFalse(document.loan_ids)
        with self.assertRaisesMessage(ValidationError, "Pages is out of range"):
            document.with_user(self.clerk).write({"pages": 2**31})
        self.assertEqual(document.pages, 1)
        with self.assertRaisesMessage(ValidationError, "Sequence is out of range"):
            self.category.with_user(self.regulation_admin).write({"sequence": -(2**40)})
        self.assertEqual(self.category.sequence, 10)
        Document = self.Document.with_user(self.clerk)
        with self.assertRaisesMessage(UserError, "Scan or type"):
            Document.action_open_by_archive_number(2**40)

    def test_nul_characters(self):
        document = self._doc()
        Document = self.Document.with_user(self.clerk)
        with self.assertRaisesMessage(UserError, "not an archive number"):
            Document.action_open_by_archive_number(f"{document.name}\x00")
        self.assertFalse(Document.action_open_by_archive_number("HT\x00", raise_if_not_found=False))
        with self.assertRaisesMessage(ValidationError, "cannot be stored"):
            self._doc(title="Nul\x00paper")
        with self.assertRaisesMessage(ValidationError, "cannot be stored"):
            document.with_user(self.clerk).write({"cabinet": "A\x00"})
        self.assertFalse(document.cabinet)
        self._no_new("sale.archive.document", [("title", "like", "Nul")])

    def test_signature_not_an_image(self):
        loan = self._loan(self._doc())
        loan.with_user(self.clerk).action_approve()
        for value, message in (
            (base64.b64encode(b"not an image at all").decode(), "not an image"),
            ("%%% not base64", "not an image"),
            ("A" * 200_000, "too large"),
            (base64.b64encode(b"\x89PNG" + b"0" * 150_000).decode(), "too large"),
        ):
            with self.assertRaisesMessage(ValidationError, message):
                loan.with_user(self.salesperson).write({"signature": value})
            self.assertFalse(loan.signature)
        loan.with_user(self.salesperson).write({"signature": SIGNATURE_PNG})
        self.assertTrue(loan.signature)

    def test_due_date_in_the_past(self):
        loan = self._loan(self._doc(), user=self.salesperson)
        due = loan.due_date
        for user in (self.salesperson, self.clerk):
            with self.assertRaisesMessage(ValidationError, "cannot be in the past"):
                loan.with_user(user).write({"due_date": self.today - timedelta(days=1)})
            self.assertEqual(loan.due_date, due)
        loan.with_user(self.salesperson).write({"due_date": self.today})
        self.assertEqual(loan.due_date, self.today)

    def test_retention_before_filing(self):
        document = self._doc(filing_date=self.today - timedelta(days=10))
        retention = document.retention_until
        with self.assertRaisesMessage(ValidationError, "retention cannot end before"):
            document.with_user(self.clerk).write(
                {"retention_until": self.today - timedelta(days=11)}
            )
        self.assertEqual(document.retention_until, retention)
        with self.assertRaisesMessage(ValidationError, "retention cannot end before"):
            self._doc(title="Backwards", retention_until=self.today - timedelta(days=1))
        self._no_new("sale.archive.document", [("title", "=", "Backwards")])

    def test_blank_category_names(self):
        Category = self.env["sale.archive.category"].with_user(self.regulation_admin)
        for name in ("", "   ", "\t\n", False, 5):
            with self.assertRaisesMessage(ValidationError, "needs a name"):
                Category.create({"name": name, "code": "BLK"})
            with self.assertRaisesMessage(ValidationError, "needs a name"):
                self.category.with_user(self.regulation_admin).write({"name": name})
        with self.assertRaisesMessage(ValidationError, "needs a name"):
            Category.create({"code": "BLK"})
        self.assertEqual(self.category.name, "Test Papers")
        self._no_new("sale.archive.category", [("code", "=", "BLK")])
        with self.assertRaisesMessage(ValidationError, "more than 100 years"):
            self.category.with_user(self.regulation_admin).write({"retention_years": 10_000})
        self.assertEqual(self.category.retention_years, 2)
