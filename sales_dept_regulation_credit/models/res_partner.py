# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from odoo.addons.sales_dept_regulation.models import roles


class ResPartner(models.Model):
    _inherit = "res.partner"

    sdr_credit_assessment_ids = fields.One2many(
        "sale.credit.assessment",
        "partner_id",
        string="Credit Assessments",
        groups=roles.SCOPE_OWN,
    )

    def action_sdr_credit_assessment_new(self):
        """A new credit assessment of the customer (the company, not a contact)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit Assessment"),
            "res_model": "sale.credit.assessment",
            "view_mode": "form",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }
