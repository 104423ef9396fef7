# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..values import check_rules_as_written, check_values

AMOUNT_TYPES = [
    ("fixed", "Fixed amount"),
    ("band", "Bands by minutes late"),
    ("company", "Per company rules"),
]


class SaleConductRule(models.Model):
    _name = "sale.conduct.rule"
    _description = "Conduct Rule"
    _inherit = ["mail.thread"]
    _order = "sequence, code"
    _rec_names_search = ["code", "name"]
    _check_company_auto = True

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    name = fields.Char(required=True, translate=True, tracking=True)
    clause = fields.Char(
        translate=True,
        tracking=True,
        help="The clause of the regulations this rule comes from.",
    )
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to apply the rule in every company.",
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    amount_type = fields.Selection(
        AMOUNT_TYPES,
        string="Fine",
        required=True,
        default="fixed",
        tracking=True,
        help="Per company rules: the amount is entered by hand on each fine, with a reason.",
    )
    amount = fields.Monetary(tracking=True)
    band_ids = fields.One2many("sale.conduct.rule.band", "rule_id", string="Bands")
    # An explicit switch rather than a magic 0: clearing the number by accident
    # must not silently lift the limit. Setting a number switches it on (so the
    # shipped rules and older databases that only carry the number keep it).
    has_repeat_limit = fields.Boolean(
        string="Has a Repeat Limit",
        compute="_compute_has_repeat_limit",
        store=True,
        readonly=False,
        tracking=True,
        help="Whether repeated offences of this rule lead to a consequence.",
    )
    repeat_limit = fields.Integer(
        tracking=True,
        help="The counted offence that triggers the consequence, e.g. 3: the third; at least 1.",
    )
    repeat_period_days = fields.Integer(
        string="Repeat Period (days)",
        tracking=True,
        help="Only offences within this many days before the event count (0: all time).",
    )
    repeat_consequence = fields.Char(
        translate=True,
        tracking=True,
        help="What reaching the repeat limit means, e.g. dismissal proposed.",
    )

    _code_company_uniq = models.Constraint(
        "UNIQUE(code, company_id)",
        "The code of a conduct rule must be unique per company.",
    )
    _amount_positive = models.Constraint(
        "CHECK(amount >= 0 AND repeat_limit >= 0 AND repeat_period_days >= 0)",
        "Amounts, repeat limits and periods cannot be negative.",
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        res = super().write(vals)
        # a rule moved into a company its editor does not belong to is refused
        check_rules_as_written(self)
        return res

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_currency_id(self):
        for rule in self:
            rule.currency_id = (rule.company_id or self.env.company).currency_id

    @api.depends("repeat_limit")
    def _compute_has_repeat_limit(self):
        for rule in self:
            rule.has_repeat_limit = rule.has_repeat_limit or bool(rule.repeat_limit)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"[{rule.code}] {rule.name}" if rule.code else rule.name

    # ------------------------------------------------------------
    # CONSTRAINT METHODS
    # ------------------------------------------------------------

    @api.constrains("code", "name")
    def _check_code_name(self):
        for rule in self:
            if not (rule.code or "").strip() or not (rule.name or "").strip():
                raise ValidationError(
                    self.env._("A conduct rule needs a code and a name, not just spaces.")
                )

    @api.constrains("has_repeat_limit", "repeat_limit")
    def _check_repeat_limit(self):
        for rule in self:
            if rule.has_repeat_limit and rule.repeat_limit < 1:
                raise ValidationError(
                    self.env._(
                        "The repeat limit of rule %(rule)s must be at least 1; "
                        "to have no limit, untick Has a Repeat Limit.",
                        rule=rule.display_name,
                    )
                )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _band_for(self, minutes):
        """The band that contains ``minutes``, or an empty recordset."""
        self.ensure_one()
        return self.band_ids.filtered(lambda band: band._contains(minutes))[:1]
