# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..values import check_rules_as_written, check_values


class SaleConductRuleBand(models.Model):
    _name = "sale.conduct.rule.band"
    _description = "Conduct Rule Band (minutes late)"
    _order = "rule_id, lower_minutes, id"

    rule_id = fields.Many2one("sale.conduct.rule", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="rule_id.currency_id")
    lower_minutes = fields.Integer(string="From (minutes)", required=True)
    lower_inclusive = fields.Boolean(
        string="From Included", help="Whether the lower bound itself is in the band."
    )
    upper_minutes = fields.Integer(
        string="To (minutes)", help="Upper bound in minutes; 0 means no upper bound."
    )
    upper_inclusive = fields.Boolean(
        string="To Included",
        default=True,
        help="Whether the upper bound itself is in the band.",
    )
    per_company_rules = fields.Boolean(
        help="The amount of this band is entered by hand on each fine, with a reason."
    )
    amount = fields.Monetary()

    _bounds_positive = models.Constraint(
        "CHECK(lower_minutes >= 0 AND upper_minutes >= 0 AND amount >= 0)",
        "Band bounds and amounts cannot be negative.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        bands = super().create(vals_list)
        check_rules_as_written(bands.rule_id)
        return bands

    def write(self, vals):
        check_values(self.env, [vals])
        res = super().write(vals)
        # a band has no company of its own: it follows its rule's, which the
        # editor must still be able to write once the band is moved there
        check_rules_as_written(self.rule_id)
        return res

    # ------------------------------------------------------------
    # COMPUTE / CONSTRAINT METHODS
    # ------------------------------------------------------------

    @api.depends("lower_minutes", "lower_inclusive", "upper_minutes", "upper_inclusive")
    def _compute_display_name(self):
        # as the regulation reads: "10 < minutes <= 60", "> 60"
        minutes = self.env._("minutes")
        for band in self:
            low = f"{band.lower_minutes} {'≤' if band.lower_inclusive else '<'} "
            if not band.upper_minutes:
                band.display_name = f"{'≥' if band.lower_inclusive else '>'} {band.lower_minutes}"
                continue
            high = f" {'≤' if band.upper_inclusive else '<'} {band.upper_minutes}"
            starts_at_zero = band.lower_minutes == 0 and band.lower_inclusive
            band.display_name = f"{'' if starts_at_zero else low}{minutes}{high}"

    def _first_last(self):
        """The first and last whole minute of the band (last is None: unbounded)."""
        self.ensure_one()
        first = self.lower_minutes if self.lower_inclusive else self.lower_minutes + 1
        if not self.upper_minutes:
            return first, None
        last = self.upper_minutes if self.upper_inclusive else self.upper_minutes - 1
        return first, last

    @api.constrains(
        "lower_minutes", "lower_inclusive", "upper_minutes", "upper_inclusive", "rule_id"
    )
    def _check_bounds(self):
        for band in self:
            first, last = band._first_last()
            if last is not None and last < first:
                raise ValidationError(
                    self.env._(
                        "The band %(band)s of rule %(rule)s contains no minute.",
                        band=band.display_name,
                        rule=band.rule_id.display_name,
                    )
                )
            for other in band.rule_id.band_ids - band:
                other_first, other_last = other._first_last()
                if (last is None or other_first <= last) and (
                    other_last is None or first <= other_last
                ):
                    raise ValidationError(
                        self.env._(
                            "The bands %(band)s and %(other)s of rule %(rule)s overlap.",
                            band=band.display_name,
                            other=other.display_name,
                            rule=band.rule_id.display_name,
                        )
                    )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _contains(self, minutes):
        self.ensure_one()
        first, last = self._first_last()
        return minutes >= first and (last is None or minutes <= last)
