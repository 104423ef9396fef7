# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sdr_work_log_due_hour = fields.Integer(
        string="Work Log Due Hour",
        default=10,
        help="A day's work log is due at this hour (salesperson's time) of the next working day.",
    )
    sdr_prospect_review_months = fields.Integer(
        string="Prospect Review Interval (months)",
        default=6,
        help="Each potential customer's characteristics are reviewed this often.",
    )
    sdr_new_product_months = fields.Integer(
        string="New Product Period (months)",
        default=12,
        help="A product is new for this many months after its launch date: its first "
        "sale to a customer schedules a visit.",
    )
    sdr_new_product_visit_days = fields.Integer(
        string="Visit After First Sale (days)",
        default=14,
        help="Deadline of the visit after a first sale of a new product, for a customer "
        "whose grade has no regular visits.",
    )

    _sdr_work_log_due_hour_range = models.Constraint(
        "CHECK(sdr_work_log_due_hour >= 0 AND sdr_work_log_due_hour <= 23)",
        "The work log's due hour must be between 0 and 23.",
    )
    _sdr_visit_periods_range = models.Constraint(
        "CHECK(sdr_prospect_review_months BETWEEN 1 AND 120 "
        "AND sdr_new_product_months BETWEEN 1 AND 120 "
        "AND sdr_new_product_visit_days BETWEEN 1 AND 3650)",
        "The prospect review interval and the new product period must be between 1 and 120 "
        "months, the days to the visit between 1 and 3650.",
    )
