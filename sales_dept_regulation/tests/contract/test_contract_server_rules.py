# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""What signing froze stays frozen for every caller: each test makes the calls an
RPC client makes (plain create / write / unlink, any values, any context) as an
ordinary user, and checks the refusal and that nothing changed."""

import base64

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .contract_common import SIGNATURE_PNG, ContractCommon

# what a client can put in the context to try to open a lock
CLIENT_CONTEXTS = [
    {},
    {"skip_validation_check": True},
    {"sdr_tier_engine": True},
    {"skip_check_state_condition": True, "tracking_disable": True},
]


@tagged("post_install", "-at_install")
class TestContractServerRules(ContractCommon):
    def _under_signature(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        return order

    def _effective(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        return order

    def _quotation(self, qty=1.0):
        return self._order(contract=False, qty=qty)

    def _snapshot(self, order):
        return {
            "amount": order.amount_total,
            "lines": order.order_line.mapped(
                lambda line: (
                    line.id,
                    line.product_uom_qty,
                    line.price_unit,
                    line.is_downpayment,
                )
            ),
            "partner": order.partner_id,
            "payment_term": order.payment_term_id,
            "commitment_date": order.commitment_date,
            "delivery": order.sdr_delivery_method,
            "version": order.sdr_contract_version,
            "amending": order.sdr_amending,
            "state": order.state,
            "validation": order.validation_status,
        }

    def assertUnchanged(self, order, snapshot):
        order.invalidate_recordset()
        order.order_line.invalidate_recordset()
        self.assertEqual(self._snapshot(order), snapshot)

    # ------------------------------------------------------------
    # lines
    # ------------------------------------------------------------

    def test_line_of_another_quotation_cannot_move_into_a_signed_contract(self):
        for order in (self._under_signature(), self._effective()):
            other = self._quotation(qty=30)
            before, other_before = self._snapshot(order), self._snapshot(other)
            for context in CLIENT_CONTEXTS:
                with self.assertRaisesMessage(UserError, "is an effective contract|have started"):
                    other.order_line.with_user(self.salesperson).with_context(**context).write(
                        {"order_id": order.id}
                    )
            self.assertUnchanged(order, before)
            self.assertUnchanged(other, other_before)

    def test_signed_line_cannot_move_out(self):
        for order in (self._under_signature(), self._effective()):
            other = self._quotation()
            before = self._snapshot(order)
            with self.assertRaisesMessage(UserError, "is an effective contract|have started"):
                order.order_line.with_user(self.salesperson).write({"order_id": other.id})
            with self.assertRaisesMessage(UserError, "is an effective contract|have started"):
                other.with_user(self.salesperson).write(
                    {"order_line": [Command.link(order.order_line.id)]}
                )
            self.assertUnchanged(order, before)
            self.assertEqual(len(other.order_line), 1)

    def test_down_payment_flag_opens_nothing(self):
        for order in (self._under_signature(), self._effective()):
            line = order.order_line
            before = self._snapshot(order)
            with self.assertRaisesMessage(UserError, "is an effective contract|have started"):
                line.with_user(self.salesperson).write({"is_downpayment": True})
            with self.assertRaisesMessage(UserError, "is an effective contract|have started"):
                line.with_user(self.salesperson).write({"is_downpayment": True, "price_unit": 1.0})
            with self.assertRaisesMessage(UserError, "is an effective contract|have started"):
                self.env["sale.order.line"].with_user(self.salesperson).create(
                    {
                        "order_id": order.id,
                        "name": "Down payment",
                        "is_downpayment": True,
                        "product_uom_qty": 1.0,
                        "price_unit": -100.0,
                    }
                )
            with self.assertRaisesMessage(
                UserError, "have started|销售订单一旦确认|Once a sales order is confirmed"
            ):
                line.with_user(self.salesperson).unlink()
            self.assertUnchanged(order, before)

    def test_sections_and_notes_are_part_of_the_contract(self):
        order = self._under_signature()
        before = self._snapshot(order)
        with self.assertRaisesMessage(UserError, "have started"):
            self.env["sale.order.line"].with_user(self.salesperson).create(
                {
                    "order_id": order.id,
                    "display_type": "line_note",
                    "name": "Free shipping",
                }
            )
        self.assertUnchanged(order, before)
        self.assertEqual(len(order.order_line), 1)

    # ------------------------------------------------------------
    # the order
    # ------------------------------------------------------------

    def test_client_context_does_not_open_the_lock(self):
        other_partner = self.env["res.partner"].create({"name": "Another Customer"})
        other_terms = self.env["account.payment.term"].create({"name": "90 days"})
        for order in (self._under_signature(), self._effective()):
            before = self._snapshot(order)
            changes = [
                {"partner_id": other_partner.id},
                {"payment_term_id": other_terms.id},
                {"commitment_date": "2030-01-01 08:00:00"},
                {"sdr_delivery_method": "carrier"},
                {"is_contract": False},
                {"note": "<p>No warranty</p>"},
                {"state": "draft"},
            ]
            for vals in changes:
                for context in CLIENT_CONTEXTS:
                    for user in (self.salesperson, self.department_head):
                        with self.assertRaisesMessage(
                            UserError,
                            "is an effective contract|have started",
                            msg=f"{vals} {context}",
                        ):
                            order.with_user(user).with_context(**context).write(vals)
            self.assertUnchanged(order, before)

    def test_effective_contract_keeps_its_customer_and_terms(self):
        order = self._effective()
        before = self._snapshot(order)
        other_partner = self.env["res.partner"].create({"name": "Another Customer"})
        with self.assertRaisesRegex(UserError, "effective contract"):
            order.with_user(self.salesperson).write({"partner_id": other_partner.id})
        self.assertUnchanged(order, before)
        self.assertEqual(order.payment_term_id, self.payment_term)

    def test_engine_fields_are_not_writable(self):
        for order in (self._order(), self._under_signature(), self._effective()):
            before = self._snapshot(order)
            for vals in (
                {"sdr_contract_version": 7},
                {"sdr_amending": True},
                {"validation_status": "validated"},
            ):
                for user in (
                    self.salesperson,
                    self.department_head,
                    self.general_manager,
                ):
                    # refused as an engine field, or as a change of what was signed
                    with self.assertRaisesMessage(
                        UserError, "is an effective contract|only through its signing actions"
                    ):
                        order.with_user(user).write(vals)
            self.assertUnchanged(order, before)
        with self.assertRaisesRegex(UserError, "only through its signing actions"):
            self._order(sdr_contract_version=5, sdr_amending=True)
        with self.assertRaisesRegex(UserError, "only through its signing actions"):
            self._order().with_user(self.salesperson).write({"sdr_contract_version": 2})

    def test_amendment_only_through_its_actions(self):
        order = self._effective()
        before = self._snapshot(order)
        for user in (self.salesperson, self.clerk, self.role_users["regulation_admin"]):
            with self.assertRaisesRegex(UserError, "Only the Department Head"):
                order.with_user(user).action_sdr_amend()
        self.assertUnchanged(order, before)
        order.with_user(self.department_head).action_sdr_amend()
        self.assertTrue(order.sdr_amending)
        order.order_line.with_user(self.salesperson).write({"product_uom_qty": 2})
        # closing the amendment needs its signatures
        with self.assertRaisesRegex(UserError, "only through its signing actions"):
            order.with_user(self.department_head).write({"sdr_amending": False})
        self.assertTrue(order.sdr_amending)
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        self.assertFalse(order.sdr_amending)
        self.assertEqual(order.sdr_contract_version, 2)

    def test_harmless_fields_stay_writable(self):
        order = self._effective()
        tag = self.env["crm.tag"].create({"name": "Key account"})
        order.with_user(self.salesperson).write({"tag_ids": [Command.link(tag.id)]})
        self.assertEqual(order.tag_ids, tag)
        note = "Customer called"  # what a user types: not a term to translate
        order.with_user(self.salesperson).message_post(body=note)
        order.with_user(self.department_head).message_subscribe(
            partner_ids=self.clerk.partner_id.ids
        )
        self.assertIn(self.clerk.partner_id, order.message_partner_ids)

    def test_delivered_quantity_is_recorded_through_the_signed_order(self):
        """The order form saves a line's delivered quantity as a write of the
        order: on an effective contract that alone passes, nothing else with it."""
        order = self._effective()
        line = order.order_line
        order.with_user(self.salesperson).write(
            {"order_line": [Command.update(line.id, {"qty_delivered": 1.0})]}
        )
        self.assertEqual(line.qty_delivered, 1.0)
        self.assertTrue(order.sdr_delivered_date)
        before = self._snapshot(order)
        other_terms = self.env["account.payment.term"].create({"name": "90 days"})
        delivered = Command.update(line.id, {"qty_delivered": 0.0})
        for vals in (
            {"order_line": [Command.update(line.id, {"qty_delivered": 0.0, "price_unit": 1.0})]},
            {"order_line": [Command.update(line.id, {"product_uom_qty": 5.0})]},
            {"order_line": [delivered, Command.create({"product_id": self.product.id})]},
            {"order_line": [delivered, Command.delete(line.id)]},
            {"order_line": [delivered], "payment_term_id": other_terms.id},
            {"order_line": [(1, line.id, [("qty_delivered", 0.0)])]},
        ):
            for user in (self.salesperson, self.department_head):
                with self.assertRaisesMessage(UserError, "is an effective contract", msg=f"{vals}"):
                    order.with_user(user).write(vals)
        self.assertUnchanged(order, before)
        self.assertEqual(line.qty_delivered, 1.0)

    def test_signed_order_form_opens_the_delivered_quantity_only(self):
        """OCA's read-only lines of an order under signatures open on a confirmed
        order for the delivered quantity alone: no line added or removed."""
        arch = etree.fromstring(
            self.env["sale.order"].with_user(self.salesperson).get_view(view_type="form")["arch"]
        )
        lines = arch.xpath("//field[@name='order_line'][not(ancestor::field)]")[0]
        self.assertIn(
            "validation_status not in ('no', False) and (state != 'sale' or not sdr_approval_kind)",
            lines.get("readonly"),
        )
        self.assertIn(
            "'create': [('validation_status', 'in', ['no', False])]", lines.get("options")
        )
        self.assertIn(
            "'delete': [('validation_status', 'in', ['no', False])]", lines.get("options")
        )
        frozen = "parent.validation_status not in ('no', False)"
        for field in lines.xpath("./list/field"):
            with self.subTest(field=field.get("name")):
                if field.get("name") == "qty_delivered":
                    self.assertNotIn(frozen, field.get("readonly") or "")
                elif field.get("name") in ("product_uom_qty", "price_unit", "product_id"):
                    self.assertIn(frozen, field.get("readonly"))

    def test_company_exception_extends_what_may_change(self):
        """A company that allows a field with OCA's tier validation exceptions may
        change it under signature; the lock holds for the rest."""
        order = self._under_signature()
        self.env["tier.validation.exception"].create(
            {
                "name": "Customer reference may change",
                "model_id": self.env.ref("sale.model_sale_order").id,
                "field_ids": [
                    Command.link(self.env.ref("sale.field_sale_order__client_order_ref").id)
                ],
            }
        )
        order.with_user(self.salesperson).write({"client_order_ref": "HT-2026-001-A"})
        self.assertEqual(order.client_order_ref, "HT-2026-001-A")
        with self.assertRaisesMessage(UserError, "have started"):
            order.with_user(self.salesperson).write({"sdr_delivery_method": "carrier"})

    # ------------------------------------------------------------
    # reviews
    # ------------------------------------------------------------

    def test_reviewers_cannot_be_added_by_users(self):
        order = self._under_signature()
        review_dgm = order.review_ids.filtered(lambda r: r.definition_id == self.tier_dgm)
        reviewers = review_dgm.reviewer_ids
        for user in (self.salesperson, self.general_manager):
            for context in CLIENT_CONTEXTS:
                with self.assertRaisesMessage(AccessError, "given only through Sign"):
                    review_dgm.with_user(user).with_context(**context).write(
                        {"reviewer_ids": [Command.link(user.id)]}
                    )
        self.assertEqual(review_dgm.reviewer_ids, reviewers)
        with self.assertRaisesRegex(UserError, "not your turn"):
            order.with_user(self.general_manager).validate_tier()
        self.assertEqual(review_dgm.status, "pending")

    def test_forged_approvals_are_refused(self):
        order = self._order()
        for user in (self.salesperson, self.general_manager):
            # an approved review of another model, then moved onto the order (the
            # same id, or the model only)
            review = (
                self.env["tier.review"]
                .with_user(user)
                .create(
                    {
                        "model": "res.partner",
                        "res_id": order.id,
                        "status": "approved",
                    }
                )
            )
            for vals in (
                {"model": "sale.order", "res_id": order.id},
                {"model": "sale.order"},
                {"model": "sale.order", "res_id": order.id, "definition_id": False},
            ):
                with self.assertRaisesMessage(AccessError, "given only through Sign"):
                    review.with_user(user).write(vals)
            with self.assertRaisesMessage(AccessError, "given only through Sign"):
                self.env["tier.review"].with_user(user).create(
                    {
                        "model": "sale.order",
                        "res_id": order.id,
                        "status": "approved",
                        "definition_id": self.tier_dh.id,
                    }
                )
            with self.assertRaisesMessage(UserError, "only through its signing actions"):
                order.with_user(user).write(
                    {
                        "review_ids": [
                            Command.create({"status": "approved", "definition_id": self.tier_dh.id})
                        ]
                    }
                )
        self.assertFalse(order.review_ids)
        self.assertEqual(order.validation_status, "no")
        with self.assertRaisesRegex(UserError, "is a contract"):
            order.with_user(self.salesperson).action_confirm()
        # the same on a contract under signature
        signing = self._under_signature()
        with self.assertRaisesMessage(AccessError, "given only through Sign"):
            self.env["tier.review"].with_user(self.general_manager).create(
                {
                    "model": "sale.order",
                    "res_id": signing.id,
                    "status": "approved",
                    "definition_id": self.tier_dgm.id,
                }
            )
        self.assertEqual(len(signing.review_ids), 3)
        self.assertEqual(signing.validation_status, "pending")

    def test_decided_review_comment_is_kept(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head, comment="Credit checked")
        review = order.review_ids.filtered(lambda r: r.definition_id == self.tier_dh)
        for user in (self.salesperson, self.department_head, self.general_manager):
            with self.assertRaisesMessage(AccessError, "given only through Sign"):
                review.with_user(user).write({"comment": "Replaced"})
            # nor through the signing dialog with the review of somebody else
            wizard = (
                self.env["sale.contract.sign.wizard"]
                .with_user(user)
                .create(
                    {
                        "order_id": order.id,
                        "validate_reject": "validate",
                        "comment": "Replaced",
                    }
                )
            )
            with self.assertRaisesMessage(UserError, "not your turn|not the signer"):
                wizard.add_comment()
        self.assertEqual(review.comment, "Credit checked")
        self.assertEqual(review.status, "approved")
        self.assertEqual(len(order.sdr_signature_ids), 1)

    def test_signature_must_be_an_image(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        for value, message in (
            (base64.b64encode(b"not an image at all").decode(), "not an image"),
            ("%%% not base64 %%%", "not an image"),
            # Odoo itself refuses SVG uploads from non-admins
            (base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>").decode(), "SVG"),
        ):
            with self.assertRaisesRegex(UserError, message):
                self.env["sale.contract.sign.wizard"].with_user(self.department_head).create(
                    {
                        "order_id": order.id,
                        "validate_reject": "validate",
                        "sdr_signature": value,
                    }
                )
        self.assertFalse(order.sdr_signature_ids)
        self.assertEqual(order.validation_status, "pending")
        self._sign(order, self.department_head, signature=SIGNATURE_PNG)
        self.assertTrue(order.sdr_signature_ids.signature)

    # ------------------------------------------------------------
    # standard Sales and the company's own tiers
    # ------------------------------------------------------------

    def test_sales_user_without_role_works_as_in_standard_sales(self):
        user = new_test_user(
            self.env, login="plain_sales_user", groups="sales_team.group_sale_salesman"
        )
        self.assertFalse(user.has_group("sales_dept_regulation.group_scope_own"))
        Order = self.env["sale.order"].with_user(user)
        with Form(Order) as form:
            form.partner_id = self.partner
            with form.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = 2
        order = form.record
        self.assertEqual(order.amount_untaxed, 230.0)
        with Form(order) as form, form.order_line.edit(0) as line:
            line.product_uom_qty = 3
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.validation_status, "no")
        fields = Order.fields_get()
        self.assertNotIn("sdr_signature_ids", fields)
        self.assertNotIn("sdr_partner_credit", fields)
        arch = Order.get_view(self.env.ref("sale.view_order_form").id, "form")["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch  # OCA returns bytes
        self.assertNotIn("is_contract", arch)
        self.assertNotIn("action_sdr_amend", arch)
        order.read()
        with self.assertRaisesMessage(AccessError, "enough rights to access the field"):
            order.read(["sdr_signature_ids"])

    def test_company_tier_definition_applies_as_oca_intends(self):
        approver = new_test_user(
            self.env,
            login="company_approver",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        definition = self.env["tier.definition"].create(
            {
                "name": "Company: big quotation",
                "model_id": self.env.ref("sale.model_sale_order").id,
                "review_type": "individual",
                "reviewer_id": approver.id,
                "definition_domain": "[('amount_untaxed', '>', 500.0)]",
            }
        )
        small, big = self._quotation(qty=1), self._quotation(qty=10)
        self.assertFalse(big.sdr_approval_kind)
        self.assertFalse(small.need_validation)
        self.assertTrue(big.need_validation)
        with self.assertRaisesMessage(ValidationError, "needs to be validated"):
            big.with_user(self.salesperson).action_confirm()
        big.with_user(self.salesperson).request_validation()
        self.assertEqual(big.review_ids.definition_id, definition)
        self.assertEqual(big.review_ids.sequence, 1, "OCA's own numbering")
        big.with_user(approver).validate_tier()
        self.assertEqual(big.validation_status, "validated")
        self.assertFalse(big.sdr_signature_ids)
        big.with_user(self.salesperson).action_confirm()
        self.assertEqual(big.state, "sale")
        small.with_user(self.salesperson).action_confirm()
        self.assertEqual(small.state, "sale")
        # beside the regulations' tiers on a contract
        contract = self._order(qty=10)
        contract.with_user(self.salesperson).request_validation()
        self.assertEqual(
            contract.review_ids.definition_id,
            definition | self.tier_dh | self.tier_dgm | self.tier_gm,
        )
        # an archived company tier is forgotten at once (the cache follows)
        definition.active = False
        other = self._quotation(qty=10)
        self.assertFalse(other.need_validation)

    def test_refused_tier_definition_write_keeps_the_cache(self):
        registry = self.env.registry
        self.env["tier.definition"]._companies_with_own_definitions("sale.order")
        registry.cache_invalidated.clear()
        with self.assertRaisesMessage(AccessError, "tier\\.definition"):
            self.tier_dh.with_user(self.salesperson).write({"active": False})
        self.assertFalse(registry.cache_invalidated)
        self.tier_dh.write({"name": "Contract: Department Head"})
        self.assertFalse(registry.cache_invalidated, "a rename does not touch the cache")
