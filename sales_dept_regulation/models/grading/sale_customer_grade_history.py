# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from .sale_customer_grade import CUSTOMER_STAGES

CHANGE_TYPES = [
    ("automatic", "Automatic"),
    ("lock", "Locked"),
    ("unlock", "Unlocked"),
]


class SaleCustomerGradeHistory(models.Model):
    _name = "sale.customer.grade.history"
    _description = "Customer Grade History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    change_type = fields.Selection(CHANGE_TYPES, required=True, default="automatic")
    old_stage = fields.Selection(CUSTOMER_STAGES)
    new_stage = fields.Selection(CUSTOMER_STAGES)
    old_grade_id = fields.Many2one("sale.customer.grade")
    new_grade_id = fields.Many2one("sale.customer.grade")
    user_id = fields.Many2one("res.users", help="Empty when the change was automatic.")
    changed_by = fields.Char(compute="_compute_changed_by")
    reason = fields.Text()
    scale_changed = fields.Boolean(
        compute="_compute_scale_changed",
        help="The customer moved from one grade scale to the other (e.g. a prospect won "
        "its first order): its grade letters are on another scale.",
    )

    @api.depends("old_grade_id.customer_stage", "new_grade_id.customer_stage")
    def _compute_scale_changed(self):
        for line in self:
            line.scale_changed = bool(
                line.old_grade_id
                and line.new_grade_id
                and line.old_grade_id.customer_stage != line.new_grade_id.customer_stage
            )

    @api.depends("user_id")
    def _compute_changed_by(self):
        for line in self:
            line.changed_by = line.user_id.name or self.env._("Automatic")

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The grade history of a customer cannot be deleted."))
