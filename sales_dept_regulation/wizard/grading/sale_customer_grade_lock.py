# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ...models.grading.sale_customer_grade import GRADE_SCALES


class SaleCustomerGradeLock(models.TransientModel):
    _name = "sale.customer.grade.lock"
    _description = "Lock a Customer Grade"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True)
    company_id = fields.Many2one("res.company", compute="_compute_company_id")
    grade_scale = fields.Selection(GRADE_SCALES, compute="_compute_company_id")
    current_grade_id = fields.Many2one(related="partner_id.customer_grade_id")
    grade_id = fields.Many2one(
        "sale.customer.grade",
        required=True,
        domain="[('company_id', '=', company_id), ('customer_stage', '=', grade_scale)]",
    )
    reason = fields.Text(required=True)

    @api.depends("partner_id")
    def _compute_company_id(self):
        for wizard in self:
            customer = wizard.partner_id.commercial_partner_id
            wizard.company_id = customer.company_id or self.env.company
            # the scale of the customer's stage; _lock_customer_grade checks it
            wizard.grade_scale = (
                "potential" if customer.customer_stage in (False, "potential") else "formal"
            )

    def action_lock(self):
        self.ensure_one()
        self.partner_id._lock_customer_grade(self.grade_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
