# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError


class CommentWizard(models.TransientModel):
    _inherit = "comment.wizard"

    # a signature needs no comment; a rejection needs a reason (checked below)
    comment = fields.Char(required=False)
    sdr_is_sale_order = fields.Boolean(compute="_compute_sdr_is_sale_order")
    sdr_signature = fields.Binary(string="Signature")
    sdr_signer_name = fields.Char(default=lambda self: self.env.user.name)

    def _compute_sdr_is_sale_order(self):
        for wizard in self:
            wizard.sdr_is_sale_order = wizard.res_model == "sale.order"

    def add_comment(self):
        self.ensure_one()
        if self.validate_reject == "reject" and not (self.comment or "").strip():
            raise UserError(self.env._("Please give the reason of the rejection."))
        if self.res_model == "sale.order":
            order = self.env["sale.order"].browse(self.res_id)
            if order._sdr_is_ruled():
                # refuses out-of-turn or second signatures with a clear message
                order._sdr_review_to_sign(raise_error=True)
        return super(
            CommentWizard, self.with_context(sdr_signature=self.sdr_signature)
        ).add_comment()
