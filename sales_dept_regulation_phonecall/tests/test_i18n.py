# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

MODULE = "sales_dept_regulation_phonecall"


@tagged("post_install", "-at_install")
class TestI18n(TransactionCase):
    def test_zh_cn_translates_every_term(self):
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
        self.assertFalse(sorted(terms - translated), "zh_CN.po lacks translations")
