# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SaleWorkLogComment(models.Model):
    """A comment of the Department Head on a work log: created by the log's
    action_comment only; nobody writes or deletes it (read-only rights)."""

    _name = "sale.work.log.comment"
    _description = "Work Log Comment"
    _order = "create_date desc, id desc"

    log_id = fields.Many2one(
        "sale.work.log", string="Work Log", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="log_id.company_id", store=True, index=True)
    user_id = fields.Many2one(related="log_id.user_id", string="Salesperson", store=True)
    author_id = fields.Many2one("res.users", required=True)
    body = fields.Text(string="Comment", required=True)
