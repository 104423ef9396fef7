# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields

from ..common import MODULE
from ..contract.contract_common import SIGNATURE_PNG, ContractCommon, new_role_user

__all__ = ["MODULE", "SIGNATURE_PNG", "ArchiveCommon"]


class ArchiveCommon(ContractCommon):
    """The contract users and data, plus archive categories and a second
    salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = new_role_user(cls.env, "sdr_archive_sp2", "group_role_salesperson")
        cls.regulation_admin = cls.role_users["regulation_admin"]
        cls.regulation_admin.lang = "en_US"
        cls.Document = cls.env["sale.archive.document"]
        cls.Loan = cls.env["sale.archive.loan"]
        cls.category = cls.env["sale.archive.category"].create(
            {"name": "Test Papers", "code": "TST", "retention_years": 2}
        )
        cls.today = fields.Date.context_today(cls.Document)

    def _doc(self, confidentiality="department", **vals):
        values = {
            "title": f"Paper {confidentiality}",
            "category_id": self.category.id,
            "confidentiality": confidentiality,
        }
        values.update(vals)
        return self.Document.with_user(self.clerk).create(values)

    def _loan(self, document, borrower=None, user=None, days=7, **vals):
        borrower = borrower or self.salesperson
        values = {
            "document_id": document.id,
            "borrower_id": borrower.id,
            "purpose": "Check the terms",
            "due_date": self.today + timedelta(days=days),
        }
        values.update(vals)
        return self.Loan.with_user(user or self.clerk).create(values)

    def _lend(self, document, borrower=None, days=7):
        """A loan approved, signed by the borrower and handed over."""
        borrower = borrower or self.salesperson
        loan = self._loan(document, borrower, days=days)
        approver = {
            "department": self.clerk,
            "confidential": self.department_head,
            "secret": self.general_manager,
        }[document.confidentiality]
        if approver == self.clerk:
            loan.with_user(self.clerk).action_approve()
        else:
            loan.with_user(approver).validate_tier()
        loan.with_user(borrower).write({"signature": SIGNATURE_PNG})
        loan.with_user(self.clerk).action_sign_out()
        return loan
