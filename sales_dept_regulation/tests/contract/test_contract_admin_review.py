# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .contract_common import ContractCommon, new_role_user


@tagged("post_install", "-at_install")
class TestContractAdministrator(ContractCommon):
    """The contract administrator reviews before the Department Head, only where
    the Regulation Administrator switched the review on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_admin = new_role_user(
            cls.env, "sdr_contract_admin", "group_role_contract_admin"
        )

    def test_off_by_default_three_signatures(self):
        self.assertFalse(self.env["res.company"].new({}).sdr_contract_admin_review)
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(
            order.review_ids.sorted("sequence").reviewer_group_id,
            self.roles["department_head"]
            | self.roles["deputy_general_manager"]
            | self.roles["general_manager"],
        )

    def test_on_the_administrator_reviews_first(self):
        # the Regulation Administrator (with Settings) switches it on in the settings
        admin = new_test_user(
            self.env,
            login="sdr_contract_settings_admin",
            groups=f"{MODULE}.group_role_regulation_admin,base.group_system",
        )
        self.env["res.config.settings"].with_user(admin).create(
            {"sdr_contract_admin_review": True}
        ).execute()
        self.assertTrue(self.company.sdr_contract_admin_review)
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        reviews = order.review_ids.sorted("sequence")
        self.assertEqual(len(reviews), 4)
        self.assertEqual(
            reviews[0].reviewer_group_id, self.env.ref(f"{MODULE}.group_role_contract_admin")
        )
        self.assertFalse(order.with_user(self.department_head).can_review)
        with self.assertRaisesMessage(UserError, "not your turn"):
            order.with_user(self.department_head).validate_tier()
        self._sign(order, self.contract_admin, comment="Clauses reviewed")
        self.assertTrue(order.with_user(self.department_head).can_review)
        self._sign(order, self.department_head)
        self._sign(order, self.deputy_gm)
        self._sign(order, self.general_manager)
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(
            order.sdr_signature_ids.sorted("id").user_id,
            self.contract_admin | self.department_head | self.deputy_gm | self.general_manager,
        )

    def test_other_company_keeps_three(self):
        self.company.sdr_contract_admin_review = True
        other = self.env["res.company"].create({"name": "Contract Review Other Co"})
        self.assertFalse(other.sdr_contract_admin_review)
