# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

import polib
from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

MODULE = "sales_dept_regulation_phonecall"
# the telemarketer's screens: the call log, a call, OCA's "Schedule Other Call"
VIEWS = [
    ("crm.phonecall", f"{MODULE}.crm_phonecall_view_form", "form"),
    ("crm.phonecall", f"{MODULE}.crm_phonecall_view_list", "list"),
    ("crm.phonecall", f"{MODULE}.crm_phonecall_view_search", "search"),
    ("crm.phonecall2phonecall", "crm_phonecall.phonecall_to_phonecall_view", "form"),
]


@tagged("post_install", "-at_install")
class TestI18n(TransactionCase):
    LANG = "zh_CN"

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

    def test_telemarketer_screens_in_chinese(self):
        """crm_phonecall's own terms on the bridge's screens (i18n_extra): labels,
        selections, the views' texts and the menus, all in Chinese."""
        english = re.compile(r"\b[A-Za-z]*[a-z][A-Za-z]{2,}\b")
        env = self.env(context={"lang": self.LANG})
        found = []
        for model, xmlid, view_type in VIEWS:
            arch = etree.fromstring(env[model].get_view(env.ref(xmlid).id, view_type)["arch"])
            names = set()
            for node in arch.iter():
                if node.tag == "field":
                    names.add(node.get("name"))
                texts = [node.text, *(node.get(attr) for attr in ("string", "placeholder", "help"))]
                found += [text for text in texts if text and english.search(text)]
            labels = env[model].fields_get(sorted(names), ["string", "selection"])
            for name, description in labels.items():
                found += [f"{name}: {description['string']}"] * bool(
                    english.search(description["string"])
                )
                found += [
                    label
                    for _key, label in description.get("selection", ())
                    if english.search(label)
                ]
        menus = env["ir.ui.menu"].search(
            [("id", "child_of", env.ref(f"{MODULE}.menu_telemarketing").id)]
        )
        found += [menu.name for menu in menus if english.search(menu.name)]
        self.assertFalse(found, "English left on the telemarketer's screens")
