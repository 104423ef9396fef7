# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        visit_type = self.env.ref(
            "sales_dept_regulation.mail_activity_type_customer_visit", raise_if_not_found=False
        )
        visits = self.filtered(
            lambda a: (
                a.res_model == "res.partner" and visit_type and a.activity_type_id == visit_type
            )
        )
        partner_ids = visits.mapped("res_id")
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if partner_ids:
            self.env["res.partner"].browse(partner_ids).sudo().write(
                {"customer_last_visit_date": fields.Date.context_today(self)}
            )
        return res
