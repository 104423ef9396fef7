# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.addons.sales_dept_regulation.tests.contract.contract_common import ContractCommon


class CreditCommon(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sdr_credit_required": True,
                "sdr_credit_validity_months": 12,
                "sdr_contract_admin_review": False,
            }
        )
        cls.partner.write({"is_company": True, "user_id": cls.salesperson.id})
        cls.Assessment = cls.env["sale.credit.assessment"]

    def _assess(self, limit=100000.0, rating="b", assessor=None, approver=None, partner=None):
        """An assessment made by the sales clerk and approved by the Department
        Head, as the regulations have it."""
        assessor = assessor or self.clerk
        assessment = self.Assessment.with_user(assessor).create(
            {
                "partner_id": (partner or self.partner).id,
                "rating": rating,
                "credit_limit": limit,
                "note": "Bank references checked",
            }
        )
        assessment.action_submit()
        assessment.with_user(approver or self.department_head).action_approve()
        return assessment

    def _ask_exception(self, order, user=None, reason="Long-standing customer, paying on time"):
        user = user or self.salesperson
        action = order.with_user(user).action_sdr_credit_exception()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        result = wizard.action_request()
        return self.env["sale.credit.exception"].browse(result["res_id"])
