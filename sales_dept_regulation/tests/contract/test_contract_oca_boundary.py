# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Outside the regulations' signing, OCA's tier validation behaves as OCA made it:
a company's own tiers on sales orders keep OCA's comment rule, words, dialog,
review rules and hooks; the Regulation Administrator manages the regulations'
tier definitions only; the contract templates stay in the editor's companies."""

import ast
from unittest.mock import patch

from psycopg2.errors import NotNullViolation

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.misc import file_open

from ..common import MODULE
from .contract_common import ContractCommon


@tagged("post_install", "-at_install")
class TestOcaOutsideTheSigning(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approver = new_test_user(
            cls.env,
            login="company_comment_approver",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        # a company's own tier on sales orders, with OCA's Comment ticked
        cls.company_tier = cls.env["tier.definition"].create(
            {
                "name": "Company: big quotation",
                "model_id": cls.env.ref("sale.model_sale_order").id,
                "review_type": "individual",
                "reviewer_id": cls.approver.id,
                "has_comment": True,
                "notify_on_accepted": True,
                "notify_on_rejected": True,
                "definition_domain": "[('amount_untaxed', '>', 500.0)]",
            }
        )

    def _company_order_under_review(self):
        order = self._order(contract=False, qty=10)
        self.assertFalse(order.sdr_approval_kind)
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(order.review_ids.definition_id, self.company_tier)
        return order

    def test_company_tier_requires_the_comment_with_oca_words(self):
        self.assertTrue(self.env["comment.wizard"]._fields["comment"].required)
        order = self._company_order_under_review()
        self.assertFalse(order.sdr_signing)
        self.assertIn("Pending validation by", order.to_validate_message)
        action = order.with_user(self.approver).validate_tier()
        self.assertEqual((action["res_model"], action["name"]), ("comment.wizard", "Comment"))
        # the web client counts OCA's default "" as blank
        context = dict(action["context"], default_comment=False)
        form = Form(self.env["comment.wizard"].with_user(self.approver).with_context(**context))
        with self.assertRaisesMessage(AssertionError, "comment is a required field"):
            form.save()
        # the same through RPC: OCA's column keeps its NOT NULL
        with mute_logger("odoo.sql_db"), self.assertRaises(NotNullViolation), self.cr.savepoint():
            self.env["comment.wizard"].with_user(self.approver).with_context(**context).create(
                {"comment": False}
            )
        self.assertEqual(order.review_ids.status, "pending")
        form.comment = "Margin checked"
        form.save().add_comment()
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(order.review_ids.comment, "Margin checked")
        self.assertIn("A review was accepted", order.message_ids[:1].body)
        self.assertIn("validated", order.validated_message)
        self.assertFalse(order.sdr_signature_ids, "no signature of the regulations")

    def test_company_tier_rejection_keeps_oca_words(self):
        order = self._company_order_under_review()
        action = order.with_user(self.approver).reject_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.approver)
            .with_context(**action["context"])
            .create({"comment": "Too cheap"})
        )
        wizard.add_comment()
        self.assertEqual(order.validation_status, "rejected")
        self.assertIn("A review was rejected by", order.message_ids[:1].body)
        self.assertIn("rejected", order.rejected_message)

    def test_company_reviews_follow_oca_rules(self):
        """The engine's guard is for the regulations' reviews: OCA lets an
        internal user write the reviews of a company's own tier."""
        order = self._company_order_under_review()
        review = order.review_ids
        review.with_user(self.salesperson).write({"comment": "Customer called"})
        self.assertEqual(review.comment, "Customer called")
        self.assertEqual(review.todo_by, self.approver.name, "OCA's own todo_by")
        # while the regulations' reviews stay the engine's
        contract = self._order()
        contract.with_user(self.salesperson).request_validation()
        ours = contract.review_ids.filtered(lambda r: r.definition_id == self.tier_dh)
        with self.assertRaisesMessage(AccessError, "given only through Sign"):
            ours.with_user(self.salesperson).write({"comment": "x"})
        # a company's review cannot be moved onto a contract, nor given our tier
        with self.assertRaisesMessage(AccessError, "given only through Sign"):
            review.with_user(self.salesperson).write({"res_id": contract.id})
        with self.assertRaisesMessage(AccessError, "given only through Sign"):
            review.with_user(self.salesperson).write({"definition_id": self.tier_dh.id})
        self.assertEqual((review.res_id, review.definition_id), (order.id, self.company_tier))
        self.assertFalse(ours.comment)

    def test_allow_to_remove_reviews_hook_is_asked(self):
        """OCA's hook decides whether a write removes the reviews, also on a
        sales order (a company module overriding it keeps its say)."""
        order = self._company_order_under_review()
        order_class = type(self.env["sale.order"])
        calls = []

        def hook(record, values):
            calls.append(dict(values))
            return values.get("access_token") == "remove"

        # a field OCA lets change under validation
        with patch.object(order_class, "_allow_to_remove_reviews", hook):
            order.with_user(self.salesperson).write({"access_token": "keep"})
            self.assertTrue(order.review_ids)
            order.with_user(self.salesperson).write({"access_token": "remove"})
        self.assertIn({"access_token": "remove"}, calls)
        self.assertFalse(order.review_ids, "the company's hook removed the reviews")

    def test_form_keeps_oca_elements_and_adds_the_signing(self):
        qweb = self.env["ir.qweb"]
        # another module adds to OCA's banner: its part shows on the sales order too
        self.env["ir.ui.view"].create(
            {
                "name": "test: a module adding to OCA's banner",
                "type": "qweb",
                "inherit_id": self.env.ref("base_tier_validation.tier_validation_label").id,
                "arch": """<xpath expr="//button[@name='reject_tier']" position="after">
                    <span class="o_test_forward_part">Forward</span>
                </xpath>""",
            }
        )
        oca = qweb._render("base_tier_validation.tier_validation_label", {})
        self.assertIn("o_test_forward_part", oca)
        self.assertNotIn("sdr_signing", oca, "OCA's template unchanged for other models")
        self.assertNotIn(
            "sdr_signing", qweb._render("base_tier_validation.tier_validation_buttons", {})
        )
        arch = self.env["sale.order"].get_view(view_type="form")["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch
        self.assertIn("o_test_forward_part", arch)
        for oca_words, ours in (
            ("Request Validation", "Submit for Signature"),
            ("Restart Validation", "Restart Signatures"),
            ('string="Validate"', 'string="Sign"'),
            ("Operation has been", "All signatures are given."),
        ):
            self.assertIn(oca_words, arch)
            self.assertIn(ours, arch)

    def test_reviews_table_headings_only_on_the_signing(self):
        with file_open(f"{MODULE}/static/src/contract/tier_review_widget.xml") as f:
            owl = f.read()
        # every heading of ours is paired with OCA's, shown on the other records
        self.assertEqual(owl.count("!props.record.data.sdr_signing"), 9)
        self.assertEqual(owl.count('t-if="props.record.data.sdr_signing"'), 9)
        self.assertNotIn('position="replace"', owl)
        # every model's steps read 1, 2, 3, not the tiers' sequences 10/20/30
        self.assertIn('<attribute name="t-out">review_index + 1</attribute>', owl)


@tagged("post_install", "-at_install")
class TestRegulationAdminTiers(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reg_admin = cls.role_users["regulation_admin"]
        cls.company_tier = cls.env["tier.definition"].create(
            {
                "name": "Company: big quotation",
                "model_id": cls.env.ref("sale.model_sale_order").id,
                "review_type": "individual",
                "reviewer_id": cls.department_head.id,
                "definition_domain": "[('amount_untaxed', '>', 500.0)]",
            }
        )

    def test_rule_lists_every_model_of_the_addon_under_tiers(self):
        rule = self.env.ref(f"{MODULE}.tier_definition_rule_regulation_admin")
        listed = set(ast.literal_eval(rule.domain_force)[-1][2])
        ours = {
            name
            for name, model in self.env.registry.items()
            if model._original_module == MODULE
            and not model._abstract
            and getattr(model._fields.get("review_ids"), "comodel_name", None) == "tier.review"
        }
        self.assertEqual(listed, ours)

    def test_regulation_admin_leaves_the_company_tiers_alone(self):
        admin_env = self.env(user=self.reg_admin)
        definition = self.company_tier.with_env(admin_env)
        for vals in ({"name": "Renamed"}, {"active": False}, {"sdr_applies_to": "contract"}):
            with self.assertRaisesMessage(AccessError, "tier\\.definition"):
                definition.write(vals)
        with self.assertRaisesMessage(AccessError, "tier\\.definition"):
            definition.unlink()
        with self.assertRaisesMessage(AccessError, "tier\\.definition"):
            admin_env["tier.definition"].create(
                {
                    "name": "Company: all quotations",
                    "model_id": self.env.ref("sale.model_sale_order").id,
                    "review_type": "individual",
                    "reviewer_id": self.reg_admin.id,
                }
            )
        # nor makes one of the regulations' into a company's own
        with self.assertRaisesMessage(AccessError, "tier\\.definition"):
            self.tier_gm.with_env(admin_env).write({"sdr_applies_to": False})
        self.assertEqual(self.tier_gm.sdr_applies_to, "contract")
        self.assertEqual(self.company_tier.name, "Company: big quotation")
        self.assertTrue(self.company_tier.active)
        self.assertFalse(self.company_tier.sdr_applies_to)
        # the regulations' own stay his, listed in his Signatories menu
        action = self.env.ref(f"{MODULE}.tier_definition_action_sale")
        listed = admin_env["tier.definition"].search(ast.literal_eval(action.domain))
        self.assertIn(self.tier_gm, listed)
        self.assertNotIn(self.company_tier, listed)
        self.tier_gm.with_env(admin_env).write({"sequence": 35})
        self.assertEqual(self.tier_gm.sequence, 35)
        # a Settings administrator keeps every tier definition
        settings_admin = new_test_user(
            self.env, login="sdr_settings_admin", groups="base.group_erp_manager"
        )
        self.company_tier.with_user(settings_admin).write({"name": "Company: large"})
        self.assertEqual(self.company_tier.name, "Company: large")

    def test_regulation_rule_on_sales_orders_only(self):
        with self.assertRaisesMessage(ValidationError, "sales orders only"):
            self.env["tier.definition"].create(
                {
                    "name": "Archive loans",
                    "model_id": self.env.ref(f"{MODULE}.model_sale_archive_loan").id,
                    "sdr_applies_to": "contract",
                    "review_type": "individual",
                    "reviewer_id": self.department_head.id,
                }
            )


@tagged("post_install", "-at_install")
class TestContractTemplateBoundary(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reg_admin = cls.role_users["regulation_admin"]
        cls.other_company = cls.env["res.company"].create({"name": "Other Company Ltd"})
        cls.template = cls.env["sale.contract.template"].create(
            {"name": "Hospital clauses", "company_id": cls.reg_admin.company_id.id}
        )

    def test_template_not_moved_into_a_company_of_others(self):
        self.assertNotIn(self.other_company, self.reg_admin.company_ids)
        with self.assertRaisesMessage(AccessError, "sale\\.contract\\.template"):
            self.template.with_user(self.reg_admin).write({"company_id": self.other_company.id})
        self.assertEqual(self.template.company_id, self.reg_admin.company_id)

    def test_template_revision_date_and_bad_values(self):
        template = self.template.with_user(self.reg_admin)
        revised = template.revision_date
        with self.assertRaisesMessage(ValidationError, "needs the date of its last revision"):
            template.write({"revision_date": False})
        template.write({})
        self.assertEqual(self.template.revision_date, revised)
        with self.assertRaisesMessage(ValidationError, "needs a name"):
            template.create({"name": " "})
        grade = self.env["sale.customer.grade"].search(
            [("company_id", "=", self.reg_admin.company_id.id)], limit=1
        )
        self.assertTrue(grade, "every company has the shipped grades")
        other_grade = grade.sudo().copy({"company_id": self.other_company.id})
        with self.assertRaisesMessage(UserError, "[Cc]ompan"):
            self.template.write({"grade_ids": [Command.link(other_grade.id)]})
        self.assertFalse(self.template.grade_ids)

    def test_delivery_arrangement_has_its_own_label(self):
        described = self.env["sale.order"].fields_get(attributes=["string"])
        labels = {name: description["string"] for name, description in described.items()}
        self.assertEqual(labels["sdr_delivery_method"], "Delivery Arrangement")
        same = [name for name, label in labels.items() if label == "Delivery Arrangement"]
        self.assertEqual(same, ["sdr_delivery_method"])
