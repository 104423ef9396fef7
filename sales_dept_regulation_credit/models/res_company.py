# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # off by default: a company that signs contracts today keeps signing them
    # until it has assessed its customers and switched the check on
    sdr_credit_required = fields.Boolean(
        string="Credit Assessment Before Contracts",
        help="A contract is submitted for signatures only when its customer has a valid "
        "credit assessment and the order stays within the approved credit limit, unless "
        "the General Manager approves an exception.",
    )
    sdr_credit_validity_months = fields.Integer(
        string="Credit Assessment Valid For (Months)",
        default=12,
    )

    _sdr_credit_validity_months_positive = models.Constraint(
        "CHECK(sdr_credit_validity_months > 0)",
        "A credit assessment must be valid for at least one month.",
    )
