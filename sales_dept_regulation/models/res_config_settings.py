from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    customer_lost_threshold_days = fields.Integer(
        related="company_id.customer_lost_threshold_days", readonly=False
    )
