# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from ..res_company import RULES_PREFETCH


class ResCompany(models.Model):
    _inherit = "res.company"

    customer_lost_threshold_days = fields.Integer(
        string="Customer Lost After (days)",
        default=365,
        help="A customer whose last confirmed order is older than this becomes lost.",
        prefetch=RULES_PREFETCH,
    )

    _customer_lost_threshold_positive = models.Constraint(
        "CHECK(customer_lost_threshold_days > 0)",
        "The number of days after which a customer is lost must be positive.",
    )

    def _regulation_setup_defaults(self):
        res = super()._regulation_setup_defaults()
        grades = self._regulation_shipped("sale.customer.grade", "sale_customer_grade_")
        # copy() keeps the grades' translated names; no chatter line for a copy
        grades = grades.with_context(tracking_disable=True, mail_create_nolog=True)
        for company in self:
            grades.copy({"company_id": company.id})
        return res
