# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
import os

from odoo import models
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationImporter

_logger = logging.getLogger(__name__)

MODULE = "sales_dept_regulation"
# The OCA addons whose zh_CN lacks what the department sees on the addon's
# screens: this addon ships the missing terms in i18n_oca/<addon>/, loaded
# after theirs each time either is loaded. One folder per addon completed.
COMPLETED_MODULES = tuple(
    sorted(
        entry.name
        for entry in os.scandir(os.path.join(os.path.dirname(__file__), "..", "i18n_oca"))
        if entry.is_dir()
    )
)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False):
        res = super()._load_module_terms(modules, langs, overwrite=overwrite)
        if MODULE not in modules and not set(COMPLETED_MODULES).intersection(modules):
            return res
        installed = set(
            self.sudo()
            .search([("name", "in", COMPLETED_MODULES), ("state", "=", "installed")])
            .mapped("name")
        )
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for module_name in COMPLETED_MODULES:
            if module_name not in installed and module_name not in modules:
                continue
            for lang in langs:
                try:
                    path = file_path(f"{MODULE}/i18n_oca/{module_name}/{lang}.po")
                except FileNotFoundError:
                    continue
                _logger.info("%s: loading %s for %s", MODULE, path, module_name)
                importer.load_file(path, lang)
                loaded = True
        if loaded:
            importer.save(overwrite=overwrite)
        return res
