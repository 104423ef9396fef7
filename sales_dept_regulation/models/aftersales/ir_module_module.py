# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

MODULE = "sales_dept_regulation"


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False):
        res = super()._load_module_terms(modules, langs, overwrite=overwrite)
        if MODULE in modules:
            # the companies' copies of the teams and SLA rules were made (demo
            # company, update) before the shipped ones got their translations
            self.env["res.company"]._aftersales_translate_copies()
        return res
