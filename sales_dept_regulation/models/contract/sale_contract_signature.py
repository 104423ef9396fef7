# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

SIGNATURE_STATES = [
    ("signed", "Signed"),
    ("rejected", "Rejected"),
]


class SaleContractSignature(models.Model):
    """One signature (or rejection) given to one version of a contract.

    Kept for ever: the tier reviews of OCA are deleted when signatures restart,
    this is the history of every version's signatures.
    """

    _name = "sale.contract.signature"
    _description = "Contract Signature"
    _order = "order_id, version desc, date, id"
    _check_company_auto = True

    order_id = fields.Many2one("sale.order", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    version = fields.Integer(required=True, default=1)
    name = fields.Char(string="Tier", required=True)
    role_id = fields.Many2one("res.groups")
    user_id = fields.Many2one("res.users", string="Signed By", required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    state = fields.Selection(SIGNATURE_STATES, required=True, default="signed")
    comment = fields.Char()
    signature = fields.Image(max_width=1024, max_height=1024, attachment=True)
    currency_id = fields.Many2one(related="order_id.currency_id")
    amount_untaxed = fields.Monetary(string="Signed Amount", currency_field="currency_id")
    is_current = fields.Boolean(string="Current Version", compute="_compute_is_current")

    @api.depends("version", "order_id.sdr_contract_version")
    def _compute_is_current(self):
        for signature in self:
            signature.is_current = signature.version == signature.order_id.sdr_contract_version

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("Contract signatures are kept: they cannot be deleted."))
