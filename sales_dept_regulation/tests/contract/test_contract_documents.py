# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import html
import subprocess
import tempfile
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...models.contract.amount_words import amount_in_currency_words, amount_to_chinese
from .contract_common import BLANK_PNG, ContractCommon


@tagged("post_install", "-at_install")
class TestAmountInChinese(ContractCommon):
    def test_amount_to_chinese(self):
        cases = {
            0: "零元整",
            0.05: "伍分",
            0.5: "伍角整",
            10: "壹拾元整",
            110: "壹佰壹拾元整",
            1001: "壹仟零壹元整",
            20000: "贰万元整",
            100010: "壹拾万零壹拾元整",
            101000: "壹拾万壹仟元整",
            123456.78: "壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
            1000000.09: "壹佰万元零玖分",
            100000001: "壹亿零壹元整",
            -3.2: "负叁元贰角整",
        }
        for amount, words in cases.items():
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese(amount), words)

    def test_order_shows_its_total_in_capitals(self):
        order = self._order(qty=2.0, price=61728.39)
        self.assertEqual(order.amount_total, 123456.78)
        self.assertEqual(
            order.sdr_amount_in_words,
            amount_in_currency_words(123456.78, order.currency_id.name),
        )
        self.assertTrue(order.sdr_amount_in_words.endswith("壹拾贰万叁仟肆佰伍拾陆元柒角捌分"))

    def test_a_yuan_contract_reads_renminbi(self):
        # 人民币陆万元整, never CNY 陆万元整; a currency without a Chinese name
        # keeps its code
        self.assertEqual(amount_in_currency_words(60000, "CNY"), "人民币陆万元整")
        self.assertEqual(amount_in_currency_words(60000, "USD"), "USD 陆万元整")
        cny = self.env.ref("base.CNY")
        cny.active = True
        pricelist = self.env["product.pricelist"].create({"name": "RMB", "currency_id": cny.id})
        order = self._order(qty=1.0, price=60000.0, pricelist_id=pricelist.id)
        self.assertEqual(order.currency_id, cny)
        self.assertEqual(order.amount_total, 60000.0)
        self.assertEqual(order.sdr_amount_in_words, "人民币陆万元整")


@tagged("post_install", "-at_install")
class TestContractTemplate(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["res.partner.category"].create({"name": "Hospital"})
        cls.partner.category_id = cls.category
        cls.admin = cls.role_users["regulation_admin"]
        cls.general = cls.env["sale.contract.template"].create(
            {"name": "General", "sequence": 20, "clauses": "<p>General clauses</p>"}
        )
        cls.hospital = cls.env["sale.contract.template"].create(
            {
                "name": "Hospitals",
                "sequence": 10,
                "category_ids": [Command.set(cls.category.ids)],
                "clauses": "<p>Hospital clauses</p>",
            }
        )

    def test_contract_takes_the_clauses_of_its_customers_template(self):
        order = self._order()
        self.assertEqual(order.sdr_contract_template_id, self.hospital)
        self.assertIn("Hospital clauses", order.sdr_contract_clauses)
        other = self.env["res.partner"].create({"name": "Other Customer"})
        order2 = self._order(partner_id=other.id)
        self.assertEqual(order2.sdr_contract_template_id, self.general)
        quotation = self._order(contract=False)
        self.assertFalse(quotation.sdr_contract_template_id)
        self.assertFalse(quotation.sdr_contract_clauses)
        quotation.with_user(self.salesperson).write(
            {
                "is_contract": True,
                "client_order_ref": "HT-2",
                "payment_term_id": self.payment_term.id,
                "commitment_date": "2026-12-01 08:00:00",
                "sdr_delivery_method": "own",
            }
        )
        self.assertIn("Hospital clauses", quotation.sdr_contract_clauses)

    def test_clauses_are_frozen_under_signature(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        clauses = order.sdr_contract_clauses
        for vals in (
            {"sdr_contract_clauses": "<p>Nothing to pay</p>"},
            {"sdr_contract_template_id": self.general.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "signatures of"):
                order.with_user(self.salesperson).write(vals)
        self.assertEqual(order.sdr_contract_clauses, clauses)
        self.assertEqual(order.sdr_contract_template_id, self.hospital)
        # the template changes, the signed clauses do not
        self.hospital.clauses = "<p>Revised</p>"
        self.assertEqual(order.sdr_contract_clauses, clauses)

    def test_revision_is_half_a_year_later(self):
        self.general.revision_date = date(2026, 3, 31)
        self.assertEqual(self.general.next_revision_date, date(2026, 9, 30))

    def test_revision_reminder_fires_once_per_due_template(self):
        activity_type = self.env.ref("sales_dept_regulation.mail_activity_type_revise_template")
        templates = self.env["sale.contract.template"].search([])
        templates.activity_ids.unlink()
        today = fields.Date.context_today(self.general)
        templates.revision_date = today
        self.general.revision_date = today - relativedelta(months=7)
        Template = self.env["sale.contract.template"]
        Template._cron_revision_reminder()
        Template._cron_revision_reminder()
        self.assertEqual(len(self.general.activity_ids), 1)
        activity = self.general.activity_ids
        self.assertEqual(activity.activity_type_id, activity_type)
        self.assertTrue(
            activity.user_id.has_group("sales_dept_regulation.group_role_regulation_admin")
        )
        # the person given the role, not the install's administrator
        self.assertNotIn(
            activity.user_id, self.env.ref("base.user_admin") | self.env.ref("base.user_root")
        )
        self.assertFalse(self.hospital.activity_ids)
        # revised: the activity is done, the next revision in six months
        self.general.with_user(self.admin).action_sdr_mark_revised()
        self.assertFalse(self.general.activity_ids)
        self.assertEqual(self.general.next_revision_date, today + relativedelta(months=6))

    def test_only_the_administrator_edits_templates(self):
        with self.assertRaises(AccessError):
            self.general.with_user(self.salesperson).write({"clauses": "<p>Mine</p>"})
        with self.assertRaisesRegex(UserError, "Regulation Administrator"):
            self.general.with_user(self.salesperson).action_sdr_mark_revised()
        with self.assertRaisesRegex(UserError, "archived, not deleted"):
            self.general.with_user(self.admin).unlink()
        self.assertIn("General clauses", self.general.clauses)
        self.assertTrue(self.general.exists())


@tagged("post_install", "-at_install")
class TestDrawnSignature(ContractCommon):
    def test_blank_or_missing_signature_is_refused(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        for signature, error in (
            (BLANK_PNG, ValidationError),
            (False, UserError),
        ):
            with self.subTest(signature=bool(signature)), self.assertRaisesRegex(error, "(?i)draw"):
                self._sign(order, self.department_head, signature=signature)
        self.assertFalse(order.sdr_signature_ids)
        self.assertEqual(
            order.review_ids.filtered(lambda r: r.status == "approved"), self.env["tier.review"]
        )
        self._sign(order, self.department_head)
        self.assertEqual(len(order.sdr_signature_ids), 1)


@tagged("post_install", "-at_install")
class TestSalesClerkReadsContracts(ContractCommon):
    def test_clerk_reads_contracts_only_and_opens_her_filing_activity(self):
        contract = self._order()
        quotation = self._order(contract=False)
        contract.with_user(self.salesperson).request_validation()
        for signer in (self.department_head, self.deputy_gm, self.general_manager):
            self._sign(contract, signer)
        self.assertEqual(contract.validation_status, "validated")
        activity = contract.activity_ids.filtered(
            lambda a: a.activity_type_id.name == "File Signed Contract"
        )
        clerk = activity.user_id
        self.assertTrue(clerk.has_group("sales_dept_regulation.group_role_sales_clerk"))
        action = activity.with_user(clerk).action_open_document()
        self.assertEqual((action["res_model"], action["res_id"]), ("sale.order", contract.id))
        as_clerk = contract.with_user(clerk)
        self.assertEqual(as_clerk.read(["name"])[0]["name"], contract.name)
        self.assertTrue(as_clerk.order_line.read(["name"]))
        self.assertEqual(len(as_clerk.sdr_signature_ids), 3)
        with self.assertRaises(AccessError):
            quotation.with_user(clerk).read(["name"])
        tag = self.env["crm.tag"].create({"name": "Filed"})
        with self.assertRaises(AccessError):
            as_clerk.write({"tag_ids": [Command.link(tag.id)]})
        self.assertFalse(contract.tag_ids)


@tagged("post_install", "-at_install")
class TestSigningInChinese(ContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        (cls.salesperson | cls.department_head).lang = "zh_CN"

    def test_what_the_signers_read_is_chinese(self):
        order = self._order()
        order.with_user(self.salesperson).with_context(lang="zh_CN").request_validation()
        message = order.message_ids.filtered(lambda m: "提交" in (m.body or ""))
        self.assertTrue(message, order.message_ids.mapped("body"))
        self.assertNotIn("Review pending", "".join(order.message_ids.mapped("body")))
        as_head = order.with_user(self.department_head).with_context(lang="zh_CN")
        self.assertIn("等待", as_head.to_validate_message)
        self.assertNotIn("Pending validation", as_head.to_validate_message)
        self.assertEqual(set(as_head.review_ids.mapped("todo_by")), {"部长", "副经理", "总经理"})
        arch = as_head.get_view(view_type="form")["arch"]
        arch = html.unescape(arch.decode() if isinstance(arch, bytes) else arch)
        for english in ("Request Validation", "Restart Validation", '"Validate"'):
            self.assertNotIn(english, arch)
        self.assertIn("签字", arch)
        # OCA's banners stay for a company's own tiers, hidden on the orders the
        # regulations sign (their own banners say it in Chinese)
        self.assertIn("已全部签字", arch)
        self.assertTrue(as_head.sdr_signing)
        # OCA's own banner, which the addon carries in Chinese (i18n_oca)
        self.assertRegex(arch, r"审批已\s*<b>通过</b>")
        self.assertIn("or not review_ids or sdr_signing", arch)
        statuses = dict(
            self.env["sale.order"]
            .with_context(lang="zh_CN")
            ._fields["validation_status"]
            ._description_selection(self.env(context={"lang": "zh_CN"}))
        )
        self.assertEqual(statuses["pending"], "待审批")
        self.assertEqual(statuses["validated"], "已通过")
        reminder = self.env.ref("base_tier_validation.mail_act_tier_validation_reminder")
        self.assertEqual(reminder.with_context(lang="zh_CN").name, "审批提醒")
        action = order.with_user(self.department_head).with_context(lang="zh_CN").validate_tier()
        self.assertEqual(action["name"], "签字")

    def test_restart_is_for_managers_only(self):
        order = self._order()
        order.with_user(self.salesperson).request_validation()
        self.assertFalse(order.with_user(self.salesperson).sdr_can_manage)
        self.assertTrue(order.with_user(self.department_head).sdr_can_manage)
        with self.assertRaisesRegex(UserError, "restart"):
            order.with_user(self.salesperson).restart_validation()
        self.assertTrue(order.review_ids)


@tagged("post_install", "-at_install")
class TestContractPdf(ContractCommon):
    def test_pdf_prints_parties_capitals_and_the_three_signers(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        names = {
            self.department_head: "张伟",
            self.deputy_gm: "陈静",
            self.general_manager: "赵强",
        }
        for user, name in names.items():
            user.name = name
        bank = self.env["res.bank"].create({"name": "中国工商银行上海分行"})
        self.partner.write(
            {
                "name": "上海华信医疗器械有限公司",
                "lang": "zh_CN",
                "city": "上海",
                "vat": "91310000MA1FL0001X",
                "bank_ids": [Command.create({"acc_number": "6222020001", "bank_id": bank.id})],
            }
        )
        self.company.partner_id.write({"name": "杭州精工模具有限公司", "vat": "91330100MA2B0002Y"})
        order = self._order(qty=2.0, price=61728.39)
        order.with_user(self.salesperson).request_validation()
        for signer in names:
            self._sign(order, signer)
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.salesperson)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("sales_dept_regulation.action_report_sale_contract", order.ids)
        )
        self.assertEqual(report_type, "pdf")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
            pdf_file.write(pdf)
            pdf_file.flush()
            text = subprocess.run(
                ["pdftotext", "-layout", pdf_file.name, "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout
        for expected in (
            "上海华信医疗器械有限公司",
            "杭州精工模具有限公司",
            "91310000MA1FL0001X",
            "6222020001",
            "壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
            "HT-2026-001",
            *names.values(),
        ):
            with self.subTest(expected=expected):
                # two copies: company and customer
                self.assertGreaterEqual(text.count(expected), 2, text)
        self.assertIn("部长", text)
        self.assertNotIn("销售部规章 /", text)
        self.assertIn("\f", text.rstrip("\f"), "the customer copy starts a new page")
