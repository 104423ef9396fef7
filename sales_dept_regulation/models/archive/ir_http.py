# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from ..roles import SCOPE_OWN


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        # who may file a mail as confidential, told once per page load (the
        # user's groups are cached): the chatter asks no query per message
        info = super().session_info()
        info["sdr_file_confidential_mail"] = bool(
            info.get("uid") and self.env.user.has_group(SCOPE_OWN)
        )
        return info
