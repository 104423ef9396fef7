# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from ..common import MODULE
from .contract_common import SIGNATURE_PNG, ContractCommon, new_role_user


@tagged("post_install", "-at_install")
class TestContractAccess(ContractCommon):
    def test_regulation_admin_configures_signatories_without_superuser(self):
        admin = self.role_users["regulation_admin"]
        self.assertFalse(admin._is_superuser() or admin._is_system())
        TierDefinition = self.env["tier.definition"].with_user(admin)
        self.tier_gm.with_user(admin).write(
            {"definition_domain": "[('amount_untaxed', '>', 500000)]", "sequence": 35}
        )
        extra = TierDefinition.create(
            {
                "name": "Contract: Chairman signature",
                "model_id": self.env.ref("sale.model_sale_order").id,
                "sdr_applies_to": "contract",
                "review_type": "group",
                "reviewer_group_id": self.roles["general_manager"].id,
                "approve_sequence": True,
                "sequence": 40,
            }
        )
        self.assertEqual(extra.model, "sale.order")
        with self.assertRaisesMessage(AccessError, "tier\\.definition"):
            self.tier_dh.with_user(self.salesperson).write({"sequence": 99})
        with self.assertRaisesMessage(AccessError, "tier\\.definition"):
            self.tier_dh.with_user(self.general_manager).write({"sequence": 99})

    def test_signatures_cannot_be_forged(self):
        order = self._order()
        for user in (self.salesperson, self.department_head, self.general_manager):
            with self.assertRaisesMessage(AccessError, "sale\\.contract\\.signature"):
                self.env["sale.contract.signature"].with_user(user).create(
                    {
                        "order_id": order.id,
                        "name": "forged",
                        "user_id": user.id,
                        "signature": SIGNATURE_PNG,
                    }
                )
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        with self.assertRaisesMessage(AccessError, "sale\\.contract\\.signature"):
            order.sdr_signature_ids.with_user(self.department_head).write({"comment": "x"})

    def test_reviews_cannot_be_decided_by_rpc(self):
        """OCA lets every internal user write tier.review: not for sales orders."""
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        review = order.review_ids.filtered(lambda r: r.definition_id == self.tier_dh)
        for user in (self.salesperson, self.department_head):
            with self.assertRaisesMessage(AccessError, "given only through Sign"):
                review.with_user(user).write({"status": "approved", "done_by": user.id})
            with self.assertRaisesMessage(AccessError, "given only through Sign"):
                review.with_user(user).with_context(sdr_tier_engine=True).write(
                    {"status": "approved"}
                )
            with self.assertRaisesMessage(AccessError, "given only through Sign"):
                order.review_ids.with_user(user).unlink()
            with self.assertRaisesMessage(AccessError, "given only through Sign"):
                self.env["tier.review"].with_user(user).create(
                    {"model": "sale.order", "res_id": order.id, "definition_id": self.tier_dh.id}
                )
            with self.assertRaisesMessage(AccessError, "given only through Sign"):
                review.with_user(user).write({"comment": "please hurry"})
        self.assertFalse(review.comment)
        self.assertEqual(review.status, "pending")
        self.assertEqual(len(order.review_ids), 3)
        self._sign(order, self.department_head)
        self.assertEqual(review.status, "approved")

    def test_salesperson_sees_only_own_signatures(self):
        other = new_role_user(self.env, "sdr_other_salesperson", "group_role_salesperson")
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        Signature = self.env["sale.contract.signature"]
        self.assertEqual(Signature.with_user(self.salesperson).search([]), order.sdr_signature_ids)
        self.assertFalse(Signature.with_user(other).search([]))
        self.assertEqual(
            Signature.with_user(self.deputy_gm).search([("order_id", "=", order.id)]),
            order.sdr_signature_ids,
        )

    def test_to_sign_filters(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        SaleOrder = self.env["sale.order"]
        action = self.env.ref(f"{MODULE}.sale_order_action_to_sign")
        self.assertIn("sdr_waiting_for_me", action.context)
        self.assertIn(
            order, SaleOrder.with_user(self.department_head).search([("can_review", "=", True)])
        )
        self.assertNotIn(
            order, SaleOrder.with_user(self.deputy_gm).search([("can_review", "=", True)])
        )
        self._sign(order, self.department_head)
        self.assertIn(
            order,
            SaleOrder.with_user(self.department_head).search([("sdr_signed_by_me", "=", True)]),
        )
        self.assertIn(
            order, SaleOrder.with_user(self.deputy_gm).search([("can_review", "=", True)])
        )
        self._reject(order, self.deputy_gm, "No")
        self.assertIn(
            order,
            SaleOrder.with_user(self.deputy_gm).search([("validation_status", "=", "rejected")]),
        )


@tagged("post_install", "-at_install")
class TestStandardPortalSignature(HttpCase):
    def test_portal_signature_confirms_ordinary_quotation(self):
        """A quotation under no rule is signed and confirmed online as in standard Odoo."""
        company = self.env.company
        company.write({"sdr_phone_order_rule": True, "sdr_below_price_rule": True})
        partner = self.env["res.partner"].create(
            {"name": "Portal Customer", "email": "p@example.com"}
        )
        product = self.env["product.product"].create({"name": "Bolt", "list_price": 10.0})
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "require_signature": True,
                "require_payment": False,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 3})],
            }
        )
        order.action_quotation_sent()
        self.assertFalse(order.sdr_approval_kind)
        self.assertTrue(order._has_to_be_signed())
        result = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order._portal_ensure_token(),
                "name": "Portal Customer",
                "signature": SIGNATURE_PNG,
            },
        )
        self.assertNotIn("error", result)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.signed_by, "Portal Customer")
        self.assertEqual(order.validation_status, "no")
        self.assertFalse(order.review_ids)

    def test_portal_does_not_confirm_unsigned_contract(self):
        partner = self.env["res.partner"].create({"name": "Portal Contract Customer"})
        product = self.env["product.product"].create({"name": "Bolt", "list_price": 10.0})
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "is_contract": True,
                "require_signature": True,
                "order_line": [(0, 0, {"product_id": product.id})],
            }
        )
        order.action_quotation_sent()
        result = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {"access_token": order._portal_ensure_token(), "name": "X", "signature": SIGNATURE_PNG},
        )
        self.assertIn("error", result)
        self.assertEqual(order.state, "sent")
