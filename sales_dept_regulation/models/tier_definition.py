# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .sale_order import APPROVAL_KINDS


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    sdr_applies_to = fields.Selection(
        APPROVAL_KINDS,
        string="Regulation Rule",
        help="On sales orders, the rule of the regulations this tier signs for. The "
        "domain below may narrow it further (e.g. an amount above 500,000). Sales "
        "orders to which no rule applies are never reviewed.",
    )
