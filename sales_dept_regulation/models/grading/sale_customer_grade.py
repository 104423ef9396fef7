# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import sql

from ..values import check_values

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
# beyond this, a float no longer holds an amount to the cent
MAX_AMOUNT = 10**13
# What a grade's numbers may be (checked on the values written rather than by CHECK
# constraints, to refuse create and write alike, naming the field and its bounds):
# the visit priority of its customers is twice the sequence (an int4 column), and
# a visit is planned at most ten years ahead.
GRADE_BOUNDS = {
    "sequence": (-(2**29), 2**29),
    "color": (0, 11),
    "visit_interval_days": (0, 3650),
    "min_sales_amount": (0, MAX_AMOUNT),
    "min_order_count": (0, 2**31 - 1),
    "min_expected_volume": (0, MAX_AMOUNT),
}
# what the cached grading scales read of a grade: other writes keep the cache
SCALE_FIELDS = {
    "active",
    "company_id",
    "customer_stage",
    "sequence",
    "min_sales_amount",
    "min_order_count",
    "min_expected_volume",
    "min_interest_level",
}


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
    regular_visits = fields.Boolean(
        default=True,
        tracking=True,
        help="Customers of this grade are visited every Visit Interval days.",
    )
    visit_interval_days = fields.Integer(
        string="Visit Interval (days)",
        tracking=True,
        help="With regular visits, a visit is due this many days after the last one.",
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
    min_expected_volume = fields.Monetary(string="Minimum Expected Annual Volume", tracking=True)
    min_interest_level = fields.Selection(INTEREST_LEVELS, tracking=True)
    partner_count = fields.Integer(compute="_compute_partner_count")

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("name", "customer_stage")
    def _compute_display_name(self):
        # the two scales use the same letters: the name says which scale it is on
        for grade in self:
            if grade.customer_stage == "potential":
                grade.display_name = self.env._("Prospect %(grade)s", grade=grade.name)
            elif grade.customer_stage == "formal":
                grade.display_name = self.env._("Formal %(grade)s", grade=grade.name)
            else:
                grade.display_name = grade.name

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("customer_grade_id", "in", self.ids)], ["customer_grade_id"], ["__count"]
            )
        )
        for grade in self:
            grade.partner_count = counts.get(grade, 0)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    # The database's own guard behind _check_bounds (which names the field for
    # the user): no negative criterion reaches a table the engine aggregates over.
    _criteria_not_negative = models.Constraint(
        "CHECK(COALESCE(min_sales_amount, 0) >= 0 AND COALESCE(min_order_count, 0) >= 0 "
        "AND COALESCE(min_expected_volume, 0) >= 0 AND COALESCE(visit_interval_days, 0) >= 0)",
        "The criteria and the visit interval of a grade cannot be negative.",
    )

    @api.constrains("name")
    def _check_name(self):
        for grade in self:
            if not (grade.name or "").strip():
                raise ValidationError(self.env._("A grade needs a name."))

    def _check_bounds(self, vals):
        # before the database sees them: an int4 out of range fails the INSERT
        for name, (low, high) in GRADE_BOUNDS.items():
            if name not in vals:
                continue
            try:
                number = float(vals[name] or 0)
            except (TypeError, ValueError):
                continue  # not a number: the ORM refuses it
            if not low <= number <= high:
                raise ValidationError(
                    self.env._(
                        "%(field)s of a grade must be between %(low)s and %(high)s.",
                        field=self._fields[name]._description_string(self.env),
                        low=low,
                        high=high,
                    )
                )

    @api.constrains("regular_visits", "visit_interval_days")
    def _check_visit_interval(self):
        for grade in self:
            if grade.regular_visits and grade.visit_interval_days < 1:
                raise ValidationError(
                    self.env._(
                        "Grade %(grade)s has regular visits: give its visit interval in days "
                        "(or untick Regular Visits).",
                        grade=grade.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _auto_init(self):
        # grades of databases made before Regular Visits: an interval of 0 meant none
        fill = not sql.column_exists(self.env.cr, self._table, "regular_visits")
        res = super()._auto_init()
        if fill:
            self.env.cr.execute(
                "UPDATE sale_customer_grade SET regular_visits = visit_interval_days > 0"
            )
        return res

    # The grading scales are cached (grading runs on every order confirmation).
    # The cache is cleared only once a change of what they read went through:
    # clearing it empties the default ormcache of every worker.
    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        for vals in vals_list:
            self._check_bounds(vals)
        grades = super().create(vals_list)
        if any(grades.mapped("active")):
            self._clear_grading_scales()
        return grades

    def write(self, vals):
        check_values(self.env, [vals])
        self._check_bounds(vals)
        res = super().write(vals)
        if SCALE_FIELDS & vals.keys():
            self._clear_grading_scales()
        return res

    def unlink(self):
        res = super().unlink()
        self._clear_grading_scales()
        return res

    def _clear_grading_scales(self):
        # an ormcache cannot be cleared by the method: the "default" cache it
        # lives in is the narrowest the registry clears
        self.env.registry.clear_cache("default")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search_count([("customer_grade_id", "in", self.ids)], limit=1)
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
        # every active grade of every company: the whole (small) scale table is cached
        grades = self.sudo().search([])  # pylint: disable=no-search-all
        for grade, criteria in zip(grades, grades._criteria(), strict=True):
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


def grade_on_scale(scales, company_id, grade_id, scale):
    """A locked grade as the customer moves to ``scale`` (its stage changed): the
    grade itself while it is on that scale, else the grade of the same rank there
    (A stays A, the last when that scale is shorter). An archived grade, which no
    scale holds, stays as it was locked."""
    target = scales.get((company_id, scale), ())
    if not target or any(criteria[0] == grade_id for criteria in target):
        return grade_id
    other = scales.get((company_id, "formal" if scale == "potential" else "potential"), ())
    rank = next((i for i, criteria in enumerate(other) if criteria[0] == grade_id), None)
    if rank is None:
        return grade_id
    return target[min(rank, len(target) - 1)][0]


def grading_target(
    scales,
    company_id,
    formal_since,
    last_order_date,
    sales_amount,
    order_count,
    locked,
    grade_id,
    expected_volume,
    interest_level,
):
    """The (stage, grade id) of a customer of ``company_id`` whose last confirmed
    order is ``last_order_date`` (None: never), lost when it is before
    ``formal_since``; a locked grade stays ``grade_id``, moved to the same rank of
    the new scale when the stage changes scale (a locked prospect A becomes a
    formal A). Plain values in, plain values out: called per customer by a pass
    over thousands of them."""
    if last_order_date is None:
        stage = scale = "potential"
    else:
        stage = "lost" if last_order_date < formal_since else "formal"
        scale = "formal"
    if locked:
        return stage, grade_on_scale(scales, company_id, grade_id, scale)
    return stage, select_grade(
        scales.get((company_id, scale), ()),
        sales_amount,
        order_count,
        expected_volume,
        interest_level,
    )
