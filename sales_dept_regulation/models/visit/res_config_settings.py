# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sdr_work_log_due_hour = fields.Integer(
        related="company_id.sdr_work_log_due_hour", readonly=False
    )
    sdr_prospect_review_months = fields.Integer(
        related="company_id.sdr_prospect_review_months", readonly=False
    )
    sdr_new_product_months = fields.Integer(
        related="company_id.sdr_new_product_months", readonly=False
    )
    sdr_new_product_visit_days = fields.Integer(
        related="company_id.sdr_new_product_visit_days", readonly=False
    )
