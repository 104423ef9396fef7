from odoo import api, fields, models

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
    repeat_limit = fields.Integer(
        tracking=True,
        help="The counted offence that triggers the consequence (0: no limit).",
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

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_currency_id(self):
        for rule in self:
            rule.currency_id = (rule.company_id or self.env.company).currency_id

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"[{rule.code}] {rule.name}" if rule.code else rule.name

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _band_for(self, minutes):
        """The band that contains ``minutes``, or an empty recordset."""
        self.ensure_one()
        return self.band_ids.filtered(lambda band: band._contains(minutes))[:1]
