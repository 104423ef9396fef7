# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    is_after_sales = fields.Boolean(
        string="After-Sales Team",
        help="New tickets of this team wait for the Department Head's confirmation "
        "before the technical team sees them.",
    )
    technical_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        domain="[('is_after_sales', '=', False), ('id', '!=', id)]",
        help="The team a confirmed after-sales request is handed to.",
    )

    @api.model
    def _after_sales_technical_teams(self):
        """The teams a ticket enters only through the Department Head's confirmation."""
        return self.sudo().search([("is_after_sales", "=", True)]).technical_team_id
