# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..values import check_values
from .sale_plan import QUARTERS, field_labels

# what the Department Head enters on a line of a draft plan
LINE_FIELDS = frozenset({"plan_id", "user_id", "team_id", "month", "amount"})


class SalePlanLine(models.Model):
    """One salesperson's planned amount for one month and region (sales team).

    One record per (salesperson, region, month): the achievement report joins
    them with the orders and invoices of the same month in one GROUP BY, and
    quarter and year totals are sums of these rows."""

    _name = "sale.plan.line"
    _description = "Sales Plan Line"
    _order = "plan_id, user_id, team_id, month"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "sale.plan", string="Sales Plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    plan_state = fields.Selection(
        related="plan_id.state", store=True, string="Plan Status", index=True
    )
    year = fields.Integer(related="plan_id.year", store=True, aggregator=None)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Region",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        check_company=True,
        help="The sales team of the region the amount is planned for.",
    )
    month = fields.Date(required=True, help="The first day of the month.")
    quarter = fields.Selection(QUARTERS, compute="_compute_quarter", store=True, precompute=True)
    amount = fields.Monetary(string="Planned Amount", currency_field="currency_id")

    _one_line_per_month = models.UniqueIndex(
        "(plan_id, user_id, COALESCE(team_id, 0), month)",
        "A salesperson has one line per month and region in a plan.",
    )
    _amount_positive = models.Constraint(
        "CHECK (amount >= 0)", "The planned amount cannot be negative."
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("user_id")
    def _compute_team_id(self):
        for line in self:
            if not line.team_id and line.user_id:
                line.team_id = line.user_id.sudo().sale_team_id

    @api.depends("month")
    def _compute_quarter(self):
        for line in self:
            line.quarter = str((line.month.month - 1) // 3 + 1) if line.month else False

    @api.depends("user_id", "team_id", "month")
    def _compute_display_name(self):
        for line in self:
            month = line.month and line.month.strftime("%Y-%m") or ""
            line.display_name = " / ".join(
                filter(None, [line.user_id.name, line.team_id.name, month])
            )

    @api.constrains("month", "plan_id")
    def _check_month(self):
        for line in self:
            if line.month.day != 1 or line.month.year != line.plan_id.year:
                raise ValidationError(
                    self.env._(
                        "The month of a plan line is the first day of a month of the plan's "
                        "year (%(year)s).",
                        year=line.plan_id.year,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _first_of_month(self, vals):
        # a date anywhere in the month stands for the month
        if vals.get("month"):
            try:
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
            except (TypeError, ValueError, AttributeError):
                raise ValidationError(self.env._("Please give a valid month.")) from None

    def _line_check_vals(self, vals, plans):
        if self.env.su:
            return
        if forbidden := vals.keys() - LINE_FIELDS:
            raise UserError(
                self.env._(
                    "These fields of a plan line are set by the plan itself: %(fields)s.",
                    fields=field_labels(self, forbidden),
                )
            )
        plans._plan_check_manager()
        for plan in plans.sudo():
            if plan.state != "draft":
                raise UserError(
                    self.env._(
                        "%(plan)s is no longer a draft: its lines change only through a "
                        "revision (Revise).",
                        plan=plan.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        for vals in vals_list:
            self._first_of_month(vals)
            plan_id = vals.get("plan_id")
            plans = self.env["sale.plan"].browse(plan_id if type(plan_id) is int else [])
            self._line_check_vals(vals, plans)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        self._first_of_month(vals)
        plans = self.plan_id
        if type(vals.get("plan_id")) is int:
            plans |= self.env["sale.plan"].browse(vals["plan_id"])
        self._line_check_vals(vals, plans)
        res = super().write(vals)
        if not self.env.su:
            self.check_access("write")
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.env.su:
            return
        self._line_check_vals({}, self.plan_id)
