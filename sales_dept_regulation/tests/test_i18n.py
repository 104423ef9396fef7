# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

MODULE = "sales_dept_regulation"


@tagged("post_install", "-at_install")
class TestI18n(TransactionCase):
    def test_zh_cn_translates_every_term(self):
        """Every user-facing term of the addon has a Chinese translation in zh_CN.po."""
        terms = {
            source
            for module, _type, _name, _res_id, source, _value, _comments in TranslationModuleReader(
                self.env.cr, modules=[MODULE]
            )
            if module == MODULE and source
        }
        self.assertTrue(terms)
        po = polib.pofile(file_path(f"{MODULE}/i18n/zh_CN.po"))
        translated = {entry.msgid for entry in po if entry.msgstr and not entry.obsolete}
        missing = sorted(terms - translated)
        self.assertFalse(missing, f"zh_CN.po lacks translations for: {missing}")
        self.assertFalse([e.msgid for e in po.fuzzy_entries()], "fuzzy entries in zh_CN.po")

    def test_oca_tier_words_on_the_addons_requests_are_chinese(self):
        """What OCA's tier engine shows on a sample request, a loan or a
        document (its status, its chatter lines, its banner) is the addon's
        Chinese, not base_tier_validation's English."""
        self.env["res.lang"]._activate_lang("zh_CN")
        env = self.env(context={"lang": "zh_CN"})
        for model in ("sale.sample.request", "sale.archive.loan", "sale.archive.document"):
            with self.subTest(model=model):
                records = env[model]
                statuses = dict(records._fields["validation_status"]._description_selection(env))
                self.assertEqual(statuses["pending"], "待审批")
                self.assertEqual(statuses["validated"], "已通过")
                self.assertEqual(
                    records._notify_created_review_body(), f"{env.user.display_name} 已提交审批。"
                )
                self.assertEqual(
                    records._notify_restarted_review_body(), f"{env.user.name} 重新发起了审批。"
                )
                self.assertIn("此申请需要审批", records._get_to_validate_message())

    def test_the_user_form_offers_no_role_in_chinese(self):
        env = self.env(context={"lang": "zh_CN"})
        self.env["res.lang"]._activate_lang("zh_CN")
        privilege = env.ref(f"{MODULE}.res_groups_privilege_sales_regulation")
        hierarchy = env["res.groups"]._get_view_group_hierarchy()
        self.assertEqual(hierarchy["privileges"][privilege.id]["placeholder"], "无角色")
        # the hierarchy Odoo caches for every user is left as it was
        english = self.env(context={"lang": "en_US"})["res.groups"]._get_view_group_hierarchy()
        self.assertEqual(english["privileges"][privilege.id]["placeholder"], "No role")
