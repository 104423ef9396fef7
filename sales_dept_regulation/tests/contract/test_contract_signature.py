# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..common import MODULE
from .contract_common import ContractCommon, new_role_user


@tagged("post_install", "-at_install")
class TestContractSignature(ContractCommon):
    def test_full_three_signature_flow(self):
        order = self._order()
        self.assertEqual(order.sdr_approval_kind, "contract")
        self.assertTrue(order.need_validation)
        with self.assertRaisesRegex(UserError, "takes effect only after all its signatures"):
            order.with_user(self.salesperson).action_confirm()

        order.with_user(self.salesperson).request_validation()
        self.assertEqual(order.validation_status, "pending")
        self.assertEqual(
            order.review_ids.sorted("sequence").mapped("reviewer_group_id"),
            self.roles["department_head"]
            | self.roles["deputy_general_manager"]
            | self.roles["general_manager"],
        )
        self.assertEqual(order.review_ids.sorted("sequence").mapped("sequence"), [10, 20, 30])
        self.assertTrue(order.with_user(self.department_head).can_review)
        self.assertFalse(order.with_user(self.deputy_gm).can_review)

        with freeze_time("2026-11-20 09:00:00"):
            self._sign(order, self.department_head, comment="Clauses checked")
        self.assertEqual(order.validation_status, "pending")
        first = order.sdr_signature_ids
        self.assertRecordValues(
            first,
            [
                {
                    "user_id": self.department_head.id,
                    "role_id": self.roles["department_head"].id,
                    "state": "signed",
                    "comment": "Clauses checked",
                    "version": 1,
                    "date": fields.Datetime.to_datetime("2026-11-20 09:00:00"),
                }
            ],
        )
        self.assertTrue(first.signature)
        self.assertTrue(order.with_user(self.deputy_gm).can_review)
        self.assertFalse(order.with_user(self.general_manager).can_review)

        self._sign(order, self.deputy_gm)
        self.assertEqual(order.validation_status, "pending")
        self.assertFalse(order.activity_ids.filtered(lambda a: a.user_id == self.clerk))
        with self.assertRaisesMessage(UserError, "takes effect only after all its signatures"):
            order.with_user(self.salesperson).action_confirm()

        self._sign(order, self.general_manager)
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(
            order.sdr_signature_ids.sorted("id").user_id,
            self.department_head | self.deputy_gm | self.general_manager,
        )
        activity = order.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref(f"{MODULE}.mail_activity_type_file_contract")
            )
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, fields.Date.context_today(order))
        self.assertIn(self.roles["sales_clerk"], activity.user_id.group_ids)
        self.assertEqual(order.state, "draft", "confirmation stays manual by default")
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_auto_confirm_on_last_signature(self):
        self.company.sdr_contract_auto_confirm = True
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        self.assertEqual(order.state, "sale")

    def test_out_of_turn_validate_and_reject_refused(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        with self.assertRaisesRegex(UserError, "not your turn"):
            order.with_user(self.deputy_gm).validate_tier()
        with self.assertRaisesRegex(UserError, "not your turn"):
            order.with_user(self.general_manager).reject_tier()
        with self.assertRaisesRegex(UserError, "not the signer"):
            order.with_user(self.salesperson).validate_tier()
        # the signing dialog cannot be used to sign another tier either: the
        # review decided is the order's current one, never one the dialog names
        wizard = (
            self.env["sale.contract.sign.wizard"]
            .with_user(self.general_manager)
            .create(
                {
                    "order_id": order.id,
                    "validate_reject": "validate",
                    "comment": "early",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "not your turn"):
            wizard.add_comment()
        self.assertEqual(set(order.review_ids.mapped("status")), {"pending", "waiting"})
        self.assertFalse(order.sdr_signature_ids)

    def test_general_manager_cannot_sign_deputy_tier(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        dgm_review = order.review_ids.filtered(lambda r: r.definition_id == self.tier_dgm)
        self.assertNotIn(self.general_manager, dgm_review.reviewer_ids)
        with self.assertRaisesRegex(UserError, "not your turn"):
            order.with_user(self.general_manager).validate_tier()
        self.assertEqual(dgm_review.status, "pending")

    def test_one_person_signs_one_tier_only(self):
        both = new_role_user(
            self.env,
            "sdr_dh_and_dgm",
            "group_role_department_head",
            "group_role_deputy_general_manager",
        )
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, both)
        with self.assertRaisesRegex(UserError, "already signed"):
            order.with_user(both).validate_tier()
        # the base engine would approve consecutive tiers of one user in one go
        self.assertEqual(
            order.review_ids.filtered(lambda r: r.status == "approved").definition_id,
            self.tier_dh,
        )
        self._sign(order, self.deputy_gm)
        self._sign(order, self.general_manager)
        self.assertEqual(order.validation_status, "validated")

    def test_order_follows_configuration(self):
        # the administrator moves the General Manager first
        self.tier_gm.sequence = 5
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        with self.assertRaisesRegex(UserError, "not your turn"):
            order.with_user(self.department_head).validate_tier()
        self._sign(order, self.general_manager)
        self._sign(order, self.department_head)
        self._sign(order, self.deputy_gm)
        self.assertEqual(order.validation_status, "validated")

    def test_gm_only_above_threshold_domain(self):
        self.tier_gm.definition_domain = "[('amount_untaxed', '>', 500000)]"
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(order.review_ids.definition_id, self.tier_dh | self.tier_dgm)
        big = self._order(qty=5000)
        big.with_user(self.salesperson).request_validation()
        self.assertEqual(len(big.review_ids), 3)

    def test_required_fields_before_submit(self):
        order = self._order(client_order_ref=False, sdr_delivery_method=False)
        with self.assertRaisesRegex(UserError, "Customer Reference") as error:
            order.with_user(self.salesperson).request_validation()
        self.assertIn("Delivery Arrangement", str(error.exception))
        self.assertFalse(order.review_ids)
        order.write({"client_order_ref": "HT-7", "sdr_delivery_method": "pickup"})
        self.company.sdr_contract_required_field_ids = self.env["ir.model.fields"]._get(
            "sale.order", "origin"
        )
        with self.assertRaisesRegex(UserError, "Source Document"):
            order.with_user(self.salesperson).request_validation()
        order.origin = "Tender 12"
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(len(order.review_ids), 3)

    def test_line_changes_after_signing_started(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        line = order.order_line
        # direct RPC-style writes on the line model
        for user in (self.salesperson, self.department_head):
            with self.assertRaisesRegex(UserError, "signatures of .* have started"):
                line.with_user(user).write({"price_unit": 5750.0})
        with self.assertRaisesRegex(UserError, "signatures of .* have started"):
            line.with_user(self.salesperson).write({"product_uom_qty": 50})
        with self.assertRaisesRegex(UserError, "signatures of .* have started"):
            line.with_user(self.salesperson).write({"discount": 50})
        with self.assertRaisesRegex(UserError, "signatures of .* have started"):
            self.env["sale.order.line"].with_user(self.salesperson).create(
                {"order_id": order.id, "product_id": self.product.id}
            )
        with self.assertRaisesRegex(UserError, "signatures of .* have started"):
            line.with_user(self.salesperson).unlink()
        with self.assertRaisesRegex(UserError, "signatures of .* have started"):
            order.with_user(self.salesperson).write(
                {"order_line": [Command.update(line.id, {"price_unit": 1.0})]}
            )
        with self.assertRaisesRegex(UserError, "signatures of .* have started"):
            order.with_user(self.salesperson).write({"payment_term_id": False})
        # the description is printed on the contract: frozen as well
        with self.assertRaisesRegex(UserError, "signatures of .* have started"):
            line.with_user(self.salesperson).write({"name": "Steel mould, polished"})
        self.assertEqual(line.price_unit, 115.0)
        self.assertEqual(line.name, "Steel Mould")
        # a harmless field of the order stays writable
        tag = self.env["crm.tag"].create({"name": "Key account"})
        order.with_user(self.salesperson).write({"tag_ids": [Command.link(tag.id)]})
        self.assertEqual(order.tag_ids, tag)

    def test_restart_only_by_department_head_and_above(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        for user in (self.salesperson, self.clerk, self.role_users["regulation_admin"]):
            with self.assertRaisesRegex(UserError, "Only the Department Head"):
                order.with_user(user).restart_validation()
        self._restart(order, self.deputy_gm)
        self.assertFalse(order.review_ids)
        # now the line may change, and the new version is signed again
        order.order_line.with_user(self.salesperson).write({"price_unit": 120.0})
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(order.sdr_contract_version, 2)
        self.assertEqual(len(order.review_ids), 3)
        self.assertEqual(order.sdr_signature_ids.version, 1, "history of version 1 kept")

    def test_restart_asks_why_posts_it_and_tells_the_salesperson(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        # the button does not restart: it opens the dialog asking why
        action = order.with_user(self.department_head).restart_validation()
        self.assertEqual(action["res_model"], "sale.contract.sign.wizard")
        self.assertEqual(len(order.review_ids), 3)
        self.assertEqual(
            order.review_ids.filtered(lambda r: r.status == "approved").done_by,
            self.department_head,
        )
        # no reason, no restart (the form requires it, the server refuses it)
        wizard_form = Form(
            self.env["sale.contract.sign.wizard"]
            .with_user(self.department_head)
            .with_context(**action["context"])
        )
        with self.assertRaisesMessage(AssertionError, "comment is a required field"):
            wizard_form.save()
        wizard = (
            self.env["sale.contract.sign.wizard"]
            .with_user(self.department_head)
            .with_context(**action["context"])
            .create({"comment": "  "})
        )
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.add_comment()
        self.assertEqual(len(order.review_ids), 3)
        # a salesperson's dialog restarts nothing either
        wizard = (
            self.env["sale.contract.sign.wizard"]
            .with_user(self.salesperson)
            .with_context(**action["context"])
            .create({"comment": "Mine"})
        )
        with self.assertRaisesRegex(UserError, "Only the Department Head"):
            wizard.add_comment()
        self._restart(order, self.department_head, "The customer wants 5 units")
        self.assertFalse(order.review_ids)
        message = order.message_ids.filtered(lambda m: "The customer wants 5 units" in str(m.body))
        self.assertEqual(len(message), 1)
        self.assertIn(self.department_head.name, str(message.body))
        self.assertIn(self.salesperson.partner_id, message.partner_ids)
        activity = order.activity_ids.filtered(lambda a: a.user_id == self.salesperson)
        self.assertEqual(len(activity), 1)
        self.assertIn("The customer wants 5 units", str(activity.note))
        # the salesperson submits again: a new version, signed from the first step
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(order.sdr_contract_version, 2)
        self.assertTrue(order.with_user(self.department_head).can_review)

    def test_chatter_names_each_signer_and_step(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        signers = (
            (self.department_head, "department_head"),
            (self.deputy_gm, "deputy_general_manager"),
            (self.general_manager, "general_manager"),
        )
        for signer, role in signers:
            self._sign(order, signer)
            expected = f"{signer.name} signed ({self.roles[role].name})."
            self.assertTrue(
                order.message_ids.filtered(lambda m, e=expected: e in str(m.body)),
                expected,
            )
        # the next steps' lines say whom they wait for, not who submitted
        waiting = order.message_ids.filtered(lambda m: "Now waiting for" in str(m.body))
        self.assertEqual(len(waiting), 2)
        self.assertNotIn(self.salesperson.name, " ".join(waiting.mapped("body")))
        # with a comment, the comment follows the step
        other = self._order()
        other.with_user(self.salesperson).request_validation()
        self._sign(other, self.department_head, comment="Clauses checked")
        self.assertTrue(
            other.message_ids.filtered(
                lambda m: (
                    (
                        f"{self.department_head.name} signed "
                        f"({self.roles['department_head'].name}): Clauses checked"
                    )
                    in str(m.body)
                )
            )
        )

    def test_rejection_needs_reason_and_notifies_salesperson(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        action = order.with_user(self.deputy_gm).reject_tier()
        self.assertEqual(action["context"]["default_validate_reject"], "reject")
        wizard_form = Form(
            self.env["sale.contract.sign.wizard"]
            .with_user(self.deputy_gm)
            .with_context(**action["context"])
        )
        with self.assertRaisesMessage(AssertionError, "comment is a required field"):
            wizard_form.save()  # the reason is required in the form
        wizard = (
            self.env["sale.contract.sign.wizard"]
            .with_user(self.deputy_gm)
            .with_context(**action["context"])
            .create({"comment": " "})
        )
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.add_comment()
        self._reject(order, self.deputy_gm, "Payment terms too long")
        self.assertEqual(order.validation_status, "rejected")
        rejection = order.sdr_signature_ids.filtered(lambda s: s.state == "rejected")
        self.assertEqual(rejection.user_id, self.deputy_gm)
        self.assertEqual(rejection.comment, "Payment terms too long")
        activity = order.activity_ids.filtered(lambda a: a.user_id == self.salesperson)
        self.assertIn("Payment terms too long", str(activity.note))
        message = order.message_ids.filtered(lambda m: self.salesperson.partner_id in m.partner_ids)
        self.assertTrue(message)
        with self.assertRaisesMessage(UserError, "not the signer"):
            order.with_user(self.general_manager).validate_tier()

    def test_amendment_signed_again_with_history(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        order.with_user(self.salesperson).action_confirm()
        with self.assertRaisesRegex(UserError, "effective contract"):
            order.order_line.with_user(self.salesperson).write({"product_uom_qty": 3})
        with self.assertRaisesRegex(UserError, "Only the Department Head"):
            order.with_user(self.salesperson).action_sdr_amend()
        self.assertFalse(order.sdr_amending)
        order.with_user(self.department_head).action_sdr_amend()
        self.assertTrue(order.sdr_amending)
        self.assertEqual(order.sdr_contract_version, 2)
        order.order_line.with_user(self.salesperson).write({"product_uom_qty": 3})
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(len(order.review_ids), 3)
        with self.assertRaisesMessage(UserError, "have started"):
            order.order_line.with_user(self.salesperson).write({"product_uom_qty": 4})
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        self.assertFalse(order.sdr_amending)
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(order.state, "sale")
        history = order.sdr_signature_ids
        self.assertEqual(len(history), 6)
        self.assertEqual(sorted(history.mapped("version")), [1, 1, 1, 2, 2, 2])
        self.assertEqual(
            history.filtered(lambda s: s.version == 1).mapped("amount_untaxed"), [115.0] * 3
        )
        self.assertEqual(
            history.filtered(lambda s: s.version == 2).mapped("amount_untaxed"), [345.0] * 3
        )
        self.assertEqual(
            len(
                order.activity_ids.filtered(
                    lambda a: (
                        a.activity_type_id.id
                        == self.env.ref(f"{MODULE}.mail_activity_type_file_contract").id
                    )
                )
            ),
            2,
        )

    def test_contract_threshold(self):
        self.company.sdr_contract_amount_threshold = 1000.0
        small = self._order(contract=False, qty=5)
        big = self._order(contract=False, qty=10)
        self.assertFalse(small.sdr_approval_kind)
        self.assertEqual(big.sdr_approval_kind, "contract")
        with self.assertRaisesMessage(UserError, "takes effect only after all its signatures"):
            big.with_user(self.salesperson).action_confirm()

    def test_phone_order_rule(self):
        order = self._order(contract=False, sdr_order_channel="phone")
        self.assertFalse(order.sdr_approval_kind, "rule off: standard behaviour")
        self.company.sdr_phone_order_rule = True
        order.invalidate_recordset(["sdr_approval_kind"])
        self.assertEqual(order.sdr_approval_kind, "department_head")
        with self.assertRaisesRegex(UserError, "Department Head's confirmation"):
            order.with_user(self.salesperson).action_confirm()
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(len(order.review_ids), 1)
        with self.assertRaisesRegex(UserError, "You are not the signer"):
            order.with_user(self.general_manager).validate_tier()
        self._sign(order, self.department_head)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        # a visit order stays standard, and a formal contract takes the full route
        self.assertFalse(self._order(contract=False, sdr_order_channel="visit").sdr_approval_kind)
        self.assertEqual(
            self._order(contract=True, sdr_order_channel="fax").sdr_approval_kind, "contract"
        )

    def test_below_pricelist_rule(self):
        self.company.sdr_below_price_rule = True
        self.assertFalse(self._order(contract=False).sdr_approval_kind)
        self.assertFalse(self._order(contract=False, price=130.0).sdr_approval_kind)
        cheaper = self._order(contract=False, price=100.0)
        self.assertEqual(cheaper.sdr_approval_kind, "department_head")
        discounted = self._order(contract=False)
        discounted.order_line.discount = 10.0
        self.assertEqual(discounted.sdr_approval_kind, "department_head")
        discounted.with_user(self.salesperson).request_validation()
        self._sign(discounted, self.department_head)
        discounted.with_user(self.salesperson).action_confirm()
        self.assertEqual(discounted.state, "sale")
        self.company.sdr_below_price_rule = False
        cheaper.invalidate_recordset(["sdr_approval_kind"])
        self.assertFalse(cheaper.sdr_approval_kind)

    def test_below_pricelist_flag_is_set_by_no_caller(self):
        self.company.sdr_below_price_rule = True
        cheaper = self._order(contract=False, price=100.0)
        line = cheaper.order_line.with_user(self.salesperson)
        with self.assertRaisesMessage(UserError, "computed from its price"):
            line.write({"sdr_below_pricelist": False})
        with self.assertRaisesMessage(UserError, "computed from its price"):
            self._order(
                contract=False,
                price=100.0,
                order_line=[
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "price_unit": 100.0,
                            "sdr_below_pricelist": False,
                        }
                    )
                ],
            )
        # nor through a default in the client's context
        Order = self.env["sale.order"].with_context(default_sdr_below_pricelist=False)
        cheap = Order.with_user(self.salesperson).create(
            {
                "partner_id": self.partner.id,
                "user_id": self.salesperson.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "price_unit": 100.0})
                ],
            }
        )
        self.assertTrue(cheap.order_line.sdr_below_pricelist)
        self.assertEqual(cheap.sdr_approval_kind, "department_head")
        self.assertEqual(cheaper.sdr_approval_kind, "department_head")

    def test_no_rule_quotation_is_standard(self):
        self.company.write({"sdr_phone_order_rule": True, "sdr_below_price_rule": True})
        order = self._order(contract=False)
        self.assertFalse(order.sdr_approval_kind)
        self.assertFalse(order.need_validation)
        self.assertFalse(order.with_user(self.salesperson).request_validation())
        self.assertEqual(order.validation_status, "no")
        order.order_line.with_user(self.salesperson).write({"product_uom_qty": 2})
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(
            self.env["tier.review"].search(
                [("model", "=", "sale.order"), ("res_id", "=", order.id)]
            )
        )
        # standard Odoo lets the salesperson add lines to a confirmed order
        order.order_line.with_user(self.salesperson).write({"product_uom_qty": 3})

    def test_signature_history_not_deleted(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self._sign(order, self.department_head)
        with self.assertRaisesMessage(AccessError, "sale\\.contract\\.signature"):
            order.sdr_signature_ids.with_user(self.department_head).unlink()
        with self.assertRaisesMessage(UserError, "sale\\.contract\\.signature"):
            order.sdr_signature_ids.unlink()
        self._restart(order, self.department_head)
        order.with_user(self.salesperson).action_cancel()
        with self.assertRaisesRegex(UserError, "cancel it instead"):
            order.sudo().unlink()
        self.assertEqual(len(order.sdr_signature_ids), 1)

    def test_contract_pdf_shows_signatures_and_copies(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(order, signer)
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                f"{MODULE}.action_report_sale_contract", order.ids
            )[0]
        )
        self.assertIn("Customer copy", html)
        self.assertIn("Company copy", html)
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self.assertEqual(html.count(signer.name), 2, signer.name)
        self.assertEqual(html.count("o_sdr_signature_block"), 6)
        self.assertEqual(html.count("o_sdr_signature_image"), 6)
