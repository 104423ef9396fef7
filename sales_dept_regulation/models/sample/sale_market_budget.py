# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta
from psycopg2 import sql

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..values import check_rules_as_written, check_values
from .sale_mould_fee_rule import check_record_ids

PERIOD_TYPES = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}


class SaleMarketBudget(models.Model):
    """The market-development budget of a period, for the company or a sales
    team: the fees waived in the period draw from it."""

    _name = "sale.market.budget"
    _description = "Market Development Budget"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month", tracking=True)
    date_from = fields.Date(
        string="Start",
        required=True,
        tracking=True,
        help="The first day of the month, quarter or year.",
    )
    date_to = fields.Date(string="End", compute="_compute_date_to", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        check_company=True,
        index=True,
        help="Empty: the budget of the whole company, drawn by the requests of salespeople "
        "whose team has no budget of its own for the period.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    request_ids = fields.One2many(
        "sale.sample.request", "budget_id", string="Requests", readonly=True
    )
    consumed_amount = fields.Monetary(
        string="Consumed",
        compute="_compute_consumed_amount",
        store=True,
        help="The fees waived on the budget by submitted requests that are not cancelled, "
        "and by cancelled ones whose sample was already made.",
    )
    remaining_amount = fields.Monetary(
        string="Remaining", compute="_compute_consumed_amount", store=True
    )

    @api.depends("period_type", "date_from", "team_id")
    def _compute_name(self):
        for budget in self:
            if not budget.date_from:
                budget.name = False
                continue
            period = {
                "month": budget.date_from.strftime("%Y-%m"),
                "quarter": f"{budget.date_from.year} Q{(budget.date_from.month - 1) // 3 + 1}",
                "year": str(budget.date_from.year),
            }.get(budget.period_type, "")
            budget.name = f"{period} {budget.team_id.name}" if budget.team_id else period

    @api.depends("period_type", "date_from")
    def _compute_date_to(self):
        for budget in self:
            months = PERIOD_MONTHS.get(budget.period_type)
            budget.date_to = (
                budget.date_from + relativedelta(months=months, days=-1)
                if budget.date_from and months
                else False
            )

    @api.depends(
        "amount", "request_ids.budget_amount", "request_ids.state", "request_ids.made_date"
    )
    def _compute_consumed_amount(self):
        for budget in self:
            # a sample made is spent: cancelling its request afterwards gives
            # nothing back to the budget
            budget.consumed_amount = sum(
                budget.request_ids.filtered(lambda r: r.state != "cancelled" or r.made_date).mapped(
                    "budget_amount"
                )
            )
            budget.remaining_amount = budget.amount - budget.consumed_amount

    @api.constrains("period_type", "date_from", "team_id", "company_id")
    def _check_period(self):
        for budget in self:
            start = budget.date_from
            if not budget.period_type or not start:
                raise ValidationError(self.env._("A budget needs a period and a start date."))
            if start.day != 1 or (start.month - 1) % PERIOD_MONTHS[budget.period_type]:
                raise ValidationError(
                    self.env._("A budget starts on the first day of its month, quarter or year.")
                )
            overlapping = self.sudo().search_count(
                [
                    ("id", "!=", budget.id),
                    ("company_id", "=", budget.company_id.id),
                    ("team_id", "=", budget.team_id.id),
                    ("date_from", "<=", budget.date_to),
                    ("date_to", ">=", budget.date_from),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The period of the budget %(budget)s overlaps another budget of "
                        "the same team.",
                        budget=budget.name,
                    )
                )

    @api.constrains("amount")
    def _check_amount_covers_consumption(self):
        for budget in self:
            if budget.amount < 0:
                raise ValidationError(self.env._("The amount of a budget cannot be negative."))
            if budget.remaining_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The budget %(budget)s has already waived %(consumed)s: its amount "
                        "cannot be lower.",
                        budget=budget.name,
                        consumed=budget.consumed_amount,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_record_ids(self, vals_list)
        for vals in vals_list:
            self._refuse_computed_values(vals)
        return super().create(vals_list)

    def _refuse_computed_values(self, vals):
        # the period's end, the name and the consumption follow from the other
        # fields and the requests: a client never sets them
        fields_ = [self._fields.get(name) for name in vals]
        computed = sorted(
            field.name for field in fields_ if field and field.compute and not field.inverse
        )
        if computed:
            raise UserError(
                self.env._(
                    "These fields of a budget are computed and cannot be set: %(fields)s",
                    fields=", ".join(computed),
                )
            )

    def write(self, vals):
        check_values(self.env, [vals])
        check_record_ids(self, [vals])
        self._refuse_computed_values(vals)
        # what requests drew from stays: only the amount (not below the
        # consumption) and the chatter change once the budget is drawn
        if isinstance(vals, dict) and vals.keys() & {
            "period_type",
            "date_from",
            "team_id",
            "company_id",
        }:
            if any(budget.consumed_amount for budget in self):
                raise ValidationError(
                    self.env._(
                        "Requests have drawn from this budget: its period, team and "
                        "company can no longer change."
                    )
                )
        res = super().write(vals)
        # a budget moved into a company the editor does not belong to is refused
        check_rules_as_written(self)
        return res

    def _lock_for_draw(self):
        """Lock the budget row until the transaction ends, so that no concurrent
        submission draws from it meanwhile. NOWAIT: a concurrent drawer fails at
        once and Odoo retries its whole call, which then sees this draw; a drawer
        whose snapshot predates a committed draw fails with a serialization
        error, because every draw updates the row (its consumption)."""
        self.flush_recordset()
        self.env.cr.execute(
            sql.SQL("SELECT id FROM {} WHERE id IN %s FOR UPDATE NOWAIT").format(
                sql.Identifier(self._table)
            ),
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["consumed_amount", "remaining_amount"])

    @api.model
    def _find_budget(self, company, team, day):
        """The team's budget of the period holding ``day``, else the company's."""
        domain = [
            ("company_id", "=", company.id),
            ("date_from", "<=", day),
            ("date_to", ">=", day),
        ]
        budgets = self.sudo().search(domain + [("team_id", "in", [team.id, False])])
        return (
            budgets.filtered(lambda b: b.team_id == team)[:1]
            or budgets.filtered(lambda b: not b.team_id)[:1]
        )
