# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .archive_common import SIGNATURE_PNG, ArchiveCommon

LEVELS = ("department", "confidential", "secret")


@tagged("post_install", "-at_install")
class TestArchiveAccess(ArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.docs = {}
        for level in LEVELS:
            document = cls.Document.with_user(cls.clerk).create(
                {
                    "title": f"Level {level}",
                    "category_id": cls.category.id,
                    "confidentiality": level,
                }
            )
            note = f"Note on the {level} paper"
            document.message_post(body=note)
            cls.env["ir.attachment"].create(
                {
                    "name": f"{level}.txt",
                    "datas": base64.b64encode(level.encode()),
                    "res_model": document._name,
                    "res_id": document.id,
                }
            )
            cls.docs[level] = document
        export = cls.env.ref("base.group_allow_export")
        for user in cls.role_users.values():
            user.group_ids = [(4, export.id)]
        # who sees which level without a loan
        cls.expected = {
            "sales_clerk": set(LEVELS),
            "general_manager": set(LEVELS),
            "department_head": {"department", "confidential"},
            "deputy_general_manager": {"department"},
            "salesperson": {"department"},
            "telemarketer": {"department"},
            "regulation_admin": {"department"},
        }

    def _visible_levels(self, user):
        ids = {document.id for document in self.docs.values()}
        found = self.Document.with_user(user).search([("id", "in", list(ids))])
        return {document.confidentiality for document in found.sudo()}

    def test_every_level_by_every_role(self):
        """Search, read, read_group, export, attachments, chatter and the
        catalogue: the same levels, by role."""
        all_ids = [document.id for document in self.docs.values()]
        for role, levels in self.expected.items():
            user = self.role_users[role]
            with self.subTest(role=role):
                self.assertEqual(self._visible_levels(user), levels)
                Document = self.Document.with_user(user)
                groups = Document.formatted_read_group(
                    [("id", "in", all_ids)], ["confidentiality"], ["__count"]
                )
                self.assertEqual({g["confidentiality"] for g in groups}, levels)
                exported = Document.search([("id", "in", all_ids)]).export_data(["title"])
                self.assertEqual(
                    {row[0] for row in exported["datas"]}, {f"Level {lv}" for lv in levels}
                )
                attachments = (
                    self.env["ir.attachment"]
                    .with_user(user)
                    .search(
                        [("res_model", "=", "sale.archive.document"), ("res_id", "in", all_ids)]
                    )
                )
                self.assertEqual({a.name for a in attachments}, {f"{lv}.txt" for lv in levels})
                messages = (
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("model", "=", "sale.archive.document"), ("res_id", "in", all_ids)])
                )
                self.assertEqual(
                    {m.sudo().res_id for m in messages},
                    {self.docs[lv].id for lv in levels},
                )
                html, _kind = (
                    self.env["ir.actions.report"]
                    .with_user(user)
                    ._render_qweb_html(
                        "sales_dept_regulation.action_report_archive_catalogue", self.category.ids
                    )
                )
                html = html.decode() if isinstance(html, bytes) else html
                for level in LEVELS:
                    self.assertEqual(f"Level {level}" in html, level in levels, (role, level))
                for level in set(LEVELS) - levels:
                    hidden = self.docs[level]
                    with self.assertRaises(AccessError):
                        hidden.with_user(user).read(["title"])
                    attachment = self.env["ir.attachment"].search(
                        [("res_model", "=", hidden._name), ("res_id", "=", hidden.id)]
                    )
                    with self.assertRaises(AccessError):
                        attachment.with_user(user).read(["datas"])

    def test_secret_visible_only_while_the_loan_is_held(self):
        secret = self.docs["secret"]
        self.assertNotIn("secret", self._visible_levels(self.salesperson))
        loan = self._loan(secret, self.salesperson)
        # requested: not yet approved, still hidden
        self.assertNotIn("secret", self._visible_levels(self.salesperson))
        loan.with_user(self.general_manager).validate_tier()
        self.assertEqual(loan.state, "approved")
        self.assertIn("secret", self._visible_levels(self.salesperson))
        self.assertNotIn("secret", self._visible_levels(self.other_salesperson))
        loan.with_user(self.salesperson).write({"signature": SIGNATURE_PNG})
        loan.with_user(self.clerk).action_sign_out()
        self.assertIn("secret", self._visible_levels(self.salesperson))
        loan.with_user(self.clerk).write({"return_condition": "good"})
        loan.with_user(self.clerk).action_return()
        self.assertNotIn("secret", self._visible_levels(self.salesperson))

    def test_loans_follow_the_levels(self):
        loans = {level: self._loan(self.docs[level], self.other_salesperson) for level in LEVELS}
        Loan = self.Loan.with_user(self.department_head)
        seen = Loan.search([("id", "in", [loan.id for loan in loans.values()])])
        self.assertEqual(set(seen.mapped("confidentiality")), {"department", "confidential"})
        self.assertFalse(
            self.Loan.with_user(self.salesperson).search(
                [("id", "in", [loan.id for loan in loans.values()])]
            )
        )
        self.assertEqual(
            len(
                self.Loan.with_user(self.other_salesperson).search(
                    [("id", "in", [loan.id for loan in loans.values()])]
                )
            ),
            3,
        )

    def test_other_company_is_isolated(self):
        other = self.env["res.company"].create({"name": "Archive Other Co"})
        document = self.Document.sudo().create(
            {
                "title": "Other company paper",
                "category_id": self.category.id,
                "company_id": other.id,
            }
        )
        self.assertFalse(self.Document.with_user(self.clerk).search([("id", "=", document.id)]))
        with self.assertRaises(AccessError):
            document.with_user(self.clerk).read(["title"])

    def test_only_the_clerk_catalogues(self):
        for role in ("salesperson", "department_head", "general_manager"):
            with self.assertRaises(AccessError):
                self.Document.with_user(self.role_users[role]).create(
                    {"title": "Forged", "category_id": self.category.id}
                )
            with self.assertRaises(AccessError):
                self.docs["department"].with_user(self.role_users[role]).write({"cabinet": "X"})
        self.assertFalse(self.docs["department"].cabinet)
        self.assertFalse(self.Document.search([("title", "=", "Forged")]))

    def test_regulation_admin_configures_categories(self):
        category = (
            self.env["sale.archive.category"]
            .with_user(self.regulation_admin)
            .create({"name": "Visit Reports", "code": "VR", "retention_years": 1})
        )
        self.assertTrue(category.sequence_id)
        with self.assertRaises(AccessError):
            self.category.with_user(self.clerk).write({"retention_years": 9})
        self.assertEqual(self.category.retention_years, 2)
