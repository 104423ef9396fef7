# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleDelayCause(models.Model):
    """A cause of a late delivery, from the list the Regulation Administrator
    keeps (003: the causes of delays are analysed every month). One list for
    every company: a cause names what happened, not who it happened to. A cause
    in use is archived, never deleted (the orders keep it)."""

    _name = "sale.delay.cause"
    _description = "Delay Cause"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
