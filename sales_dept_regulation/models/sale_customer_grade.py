from collections import defaultdict

from odoo import api, fields, models, tools
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

    # the grading scales are cached (grading runs on every order confirmation)
    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

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

    @api.model
    @tools.ormcache()
    def _get_grading_scales(self):
        """{(company id, scale): (criteria tuples in order)} of all active grades."""
        scales = defaultdict(list)
        grades = self.sudo().search([])
        for grade, criteria in zip(grades, grades._criteria()):
            scales[grade.company_id.id, grade.customer_stage].append(criteria)
        return {key: tuple(value) for key, value in scales.items()}

    def _criteria(self):
        """The grades of self (one scale, in order) as plain tuples, to grade many
        customers without going through the ORM for each of them."""
        return [
            (
                grade.id,
                grade.customer_stage,
                grade.min_sales_amount,
                grade.min_order_count,
                grade.min_expected_volume,
                INTEREST_RANK.get(grade.min_interest_level, 0),
                grade.currency_id.rounding,
            )
            for grade in self
        ]


def select_grade(criteria, sales_amount, order_count, expected_volume, interest_level):
    """The id of the first grade of ``criteria`` whose criteria all hold; the last
    one catches everything else (False when the scale has no grade)."""
    interest = INTEREST_RANK.get(interest_level, 0)
    for grade_id, stage, min_amount, min_count, min_volume, min_interest, rounding in criteria:
        # amounts compare at the precision of the currency
        if stage == "formal":
            if sales_amount - min_amount > -rounding / 2 and order_count >= min_count:
                return grade_id
        elif expected_volume - min_volume > -rounding / 2 and interest >= min_interest:
            return grade_id
    return criteria[-1][0] if criteria else False
