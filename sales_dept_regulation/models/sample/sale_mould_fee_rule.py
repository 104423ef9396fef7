# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grading.sale_customer_grade import CUSTOMER_STAGES
from ..values import check_rules_as_written, check_values

# PostgreSQL's integer: a larger id is no record, and the database would say so
# with a server error
MAX_ID = 2**31 - 1
X2MANY_ID_COMMANDS = (1, 2, 3, 4)


def _bad_id(value):
    return type(value) is int and not 0 < value <= MAX_ID


def check_record_ids(records, vals_list):
    """Refuse, with the field's name, an id a relational field of ``records``
    cannot hold (0, negative, beyond PostgreSQL's integer), before the ORM
    caches it or the database refuses it."""
    for vals in vals_list:
        for name, value in vals.items():
            field = records._fields.get(name)
            if not field or not field.relational:
                continue
            if field.type == "many2one":
                ids = [value]
            elif isinstance(value, (list, tuple)):
                ids = []
                for command in value:
                    if isinstance(command, (list, tuple)) and len(command) > 1:
                        if command[0] in X2MANY_ID_COMMANDS:
                            ids.append(command[1])
                        elif command[0] == 6 and len(command) > 2:
                            ids.extend(command[2] if isinstance(command[2], (list, tuple)) else [])
                    else:
                        ids.append(command)
            else:
                continue
            if any(_bad_id(id_) for id_ in ids):
                raise ValidationError(
                    records.env._(
                        "Invalid value for %(field)s: no record has this id.",
                        field=field._description_string(records.env),
                    )
                )


FEE_POLICIES = [
    ("charge", "Charge in Full"),
    ("percent", "Charge a Percentage"),
    ("waive", "Waive"),
    ("waive_budget", "Waive While the Budget Lasts"),
]


class SaleMouldFeeRule(models.Model):
    """One cell of the fee matrix: a customer stage and grade (and optionally a
    product category) decide whether mould and sample fees are charged."""

    _name = "sale.mould.fee.rule"
    _description = "Mould and Sample Fee Rule"
    _inherit = ["mail.thread"]
    _order = "customer_stage, grade_sequence, product_categ_id, id"
    _check_company_auto = True

    customer_stage = fields.Selection(CUSTOMER_STAGES, required=True, tracking=True)
    grade_id = fields.Many2one(
        "sale.customer.grade",
        string="Customer Grade",
        check_company=True,
        ondelete="restrict",
        tracking=True,
        help="Empty: every grade of the stage without a rule of its own (lost customers "
        "have no grade).",
    )
    grade_sequence = fields.Integer(related="grade_id.sequence", store=True)
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        ondelete="restrict",
        tracking=True,
        help="Empty: every category. A rule for a category applies to its sub-categories "
        "too and takes precedence over the rule without a category.",
    )
    policy = fields.Selection(FEE_POLICIES, required=True, default="charge", tracking=True)
    charge_percent = fields.Float(string="Charged (%)", digits=(5, 2), tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Char()

    @api.depends("customer_stage", "grade_id", "product_categ_id")
    def _compute_display_name(self):
        stages = dict(self._fields["customer_stage"]._description_selection(self.env))
        for rule in self:
            parts = [stages.get(rule.customer_stage, "")]
            if rule.grade_id:
                parts.append(rule.grade_id.name)
            if rule.product_categ_id:
                parts.append(rule.product_categ_id.display_name)
            rule.display_name = " / ".join(parts)

    @api.constrains("customer_stage", "grade_id", "policy", "charge_percent")
    def _check_cell(self):
        for rule in self:
            if rule.grade_id and rule.grade_id.customer_stage != rule.customer_stage:
                raise ValidationError(
                    self.env._(
                        "The grade %(grade)s is not a grade of that customer stage.",
                        grade=rule.grade_id.display_name,
                    )
                )
            # the unique cell is checked here, not by SQL: the client gets this
            # message rather than an integrity error
            if rule.policy == "percent" and not 0 < rule.charge_percent < 100:
                raise ValidationError(
                    self.env._(
                        "A percentage rule charges more than nothing and less than the full fee."
                    )
                )

    @api.constrains("company_id", "customer_stage", "grade_id", "product_categ_id", "active")
    def _check_unique_cell(self):
        # one count per cell for all the rules written at once (a new company's nine)
        cell = ["company_id", "customer_stage", "grade_id", "product_categ_id"]
        counts = {
            tuple(record.id if hasattr(record, "id") else record for record in key): count
            for *key, count in self.sudo()
            .with_context(active_test=False)
            ._read_group([("company_id", "in", self.company_id.ids)], cell, ["__count"])
        }
        for rule in self:
            key = (
                rule.company_id.id,
                rule.customer_stage,
                rule.grade_id.id,
                rule.product_categ_id.id,
            )
            if counts.get(key, 0) > 1:
                raise ValidationError(
                    self.env._(
                        "There is already a fee rule for %(cell)s: edit that one.",
                        cell=rule.display_name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_record_ids(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        check_record_ids(self, [vals])
        res = super().write(vals)
        # a rule moved into a company the editor does not belong to is refused
        check_rules_as_written(self)
        return res

    @api.model
    def _find_rule(self, company, stage, grade, category):
        """The most specific active rule for the cell: the grade's own rules before
        the stage's catch-all, and among them the deepest category first."""
        rules = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("customer_stage", "=", stage),
                ("grade_id", "in", [grade.id, False] if grade else [False]),
            ]
        )
        categories = []
        while category:
            categories.append(category)
            category = category.parent_id
        for wanted_grade in (grade, self.env["sale.customer.grade"]):
            for categ in [*categories, self.env["product.category"]]:
                match = rules.filtered(
                    lambda r, c=categ, g=wanted_grade: r.product_categ_id == c and r.grade_id == g
                )
                if match:
                    return match[:1]
        return rules.browse()
