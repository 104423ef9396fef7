# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    after_sales_role = fields.Selection(
        [("to_confirm", "Waiting for Confirmation"), ("declined", "Declined")],
        string="After-Sales Role",
        help="Where the after-sales teams put a new request and a declined one.",
    )
