# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleArchiveReasonWizard(models.TransientModel):
    _name = "sale.archive.reason.wizard"
    _description = "Archive: Reason of a Destruction or a Loss"

    kind = fields.Selection(
        [("destroy", "Request Destruction"), ("lost", "Report Lost")],
        required=True,
        default="destroy",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        documents = self.env["sale.archive.document"].browse(
            self.env.context.get("active_ids") or []
        )
        if self.kind == "lost":
            documents.action_report_lost(self.reason)
        else:
            documents.action_request_destruction(self.reason)
        return {"type": "ir.actions.act_window_close"}
