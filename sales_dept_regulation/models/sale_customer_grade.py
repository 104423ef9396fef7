from odoo import api, fields, models
from odoo.exceptions import UserError

CUSTOMER_STAGES = [
    ("potential", "Prospect"),
    ("formal", "Formal Customer"),
    ("lost", "Lost Customer"),
]
GRADE_SCALES = [
    ("potential", "Prospects"),
    ("formal", "Formal Customers"),
]
INTEREST_LEVELS = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
]
INTEREST_RANK = {key: rank for rank, (key, _label) in enumerate(INTEREST_LEVELS, start=1)}


class SaleCustomerGrade(models.Model):
    _name = "sale.customer.grade"
    _description = "Customer Grade"
    _inherit = ["mail.thread"]
    _order = "customer_stage, sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10, tracking=True)
    customer_stage = fields.Selection(
        GRADE_SCALES,
        string="Applies To",
        required=True,
        default="formal",
        tracking=True,
        help="Prospects and formal customers are graded on separate scales; lost "
        "customers keep the formal scale.",
    )
    color = fields.Integer()
    visit_interval_days = fields.Integer(
        string="Visit Interval (days)",
        tracking=True,
        help="A visit is due this many days after the last one. 0: no regular visits.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    min_sales_amount = fields.Monetary(
        string="Minimum 12-Month Sales",
        tracking=True,
        help="Confirmed sales of the trailing 12 months, untaxed, in company currency.",
    )
    min_order_count = fields.Integer(
        string="Minimum 12-Month Orders",
        tracking=True,
        help="Number of orders confirmed in the trailing 12 months.",
    )
    min_expected_volume = fields.Monetary(
        string="Minimum Expected Annual Volume", tracking=True
    )
    min_interest_level = fields.Selection(INTEREST_LEVELS, tracking=True)
    partner_count = fields.Integer(compute="_compute_partner_count")

    _visit_interval_positive = models.Constraint(
        "CHECK(visit_interval_days >= 0)",
        "The visit interval cannot be negative.",
    )
    _criteria_positive = models.Constraint(
        "CHECK(min_sales_amount >= 0 AND min_order_count >= 0 AND min_expected_volume >= 0)",
        "Grade criteria cannot be negative.",
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("customer_grade_id", "in", self.ids)], ["customer_grade_id"], ["__count"]
            )
        )
        for grade in self:
            grade.partner_count = counts.get(grade, 0)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.env["res.partner"].with_context(active_test=False).search_count(
            [("customer_grade_id", "in", self.ids)], limit=1
        ):
            raise UserError(
                self.env._("A grade given to customers cannot be deleted: archive it instead.")
            )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _matches(self, sales_amount, order_count, expected_volume, interest_level):
        """Whether every criterion of this grade holds for the given figures."""
        self.ensure_one()
        if self.customer_stage == "formal":
            return (
                self.currency_id.compare_amounts(sales_amount, self.min_sales_amount) >= 0
                and order_count >= self.min_order_count
            )
        return self.currency_id.compare_amounts(
            expected_volume, self.min_expected_volume
        ) >= 0 and INTEREST_RANK.get(interest_level, 0) >= INTEREST_RANK.get(
            self.min_interest_level, 0
        )

    def _select(self, sales_amount, order_count, expected_volume, interest_level):
        """The first grade (by sequence) of self, one scale, whose criteria hold; the
        last one catches everything else."""
        for grade in self:
            if grade._matches(sales_amount, order_count, expected_volume, interest_level):
                return grade
        return self[-1:]
