# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class SaleCustomerGradeRecompute(models.TransientModel):
    """Asks before every customer is regraded, which may change many grades."""

    _name = "sale.customer.grade.recompute"
    _description = "Regrade All Customers"

    def action_recompute(self):
        return self.env["res.partner"].action_recompute_customer_grades()
