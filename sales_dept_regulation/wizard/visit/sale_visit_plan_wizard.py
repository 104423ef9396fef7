# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ...models import roles
from ...models.visit.mail_activity import VISIT_TYPE

PLAN_PERIODS = [("day", "Day"), ("week", "Week"), ("month", "Month")]
# visits are planned within two years of today (a later day is a typo)
PLAN_DAYS_RANGE = 730


def check_plan_day(records, fname):
    today = fields.Date.context_today(records)
    for record in records:
        day = record[fname]
        if day and abs((day - today).days) > PLAN_DAYS_RANGE:
            raise ValidationError(
                records.env._(
                    "%(field)s must be within two years of today, not %(date)s.",
                    field=records._fields[fname]._description_string(records.env),
                    date=day,
                )
            )


class SaleVisitPlanWizard(models.TransientModel):
    """Plan my visits: a period, the customers whose grade's visit falls due in
    it (proposed), others added by hand; the visits are Customer Visit
    activities, created or moved in one batch."""

    _name = "sale.visit.plan.wizard"
    _description = "Plan My Visits"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        readonly=True,
        default=lambda s: s.env.user,
    )
    period = fields.Selection(PLAN_PERIODS, required=True, default="week")
    date = fields.Date(string="Day in the Period", required=True, default=fields.Date.context_today)
    date_from = fields.Date(string="From", compute="_compute_period")
    date_to = fields.Date(string="To", compute="_compute_period")
    line_ids = fields.One2many("sale.visit.plan.wizard.line", "wizard_id", string="Visits")

    @api.constrains("date")
    def _check_date(self):
        check_plan_day(self, "date")

    @api.depends("period", "date")
    def _compute_period(self):
        for wizard in self:
            wizard.date_from, wizard.date_to = wizard._sdr_period_bounds()

    def _sdr_period_bounds(self):
        day = self.date or fields.Date.context_today(self)
        today = fields.Date.context_today(self)
        if abs((day - today).days) > PLAN_DAYS_RANGE:
            day = today
        if self.period == "day":
            return day, day
        if self.period == "month":
            start = day.replace(day=1)
            return start, start + relativedelta(months=1, days=-1)
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)

    @api.onchange("period", "date")
    def _onchange_propose(self):
        date_from, date_to = self._sdr_period_bounds()
        today = fields.Date.context_today(self)
        proposals = self.env["res.partner"]._sdr_visit_proposals(
            self.user_id or self.env.user, max(date_from, today), date_to
        )
        self.line_ids = [Command.clear()] + [
            Command.create({"partner_id": partner.id, "date": day, "proposed": True})
            for partner, day in proposals
            if day <= date_to
        ]

    def action_plan(self):
        self.ensure_one()
        user = self.user_id
        if not self.env.su and user != self.env.user:
            raise AccessError(self.env._("You plan your own visits only."))
        if not self.line_ids:
            raise UserError(self.env._("Add at least one customer to visit."))
        date_from, date_to = self._sdr_period_bounds()
        today = fields.Date.context_today(self)
        for line in self.line_ids:
            if not date_from <= line.date <= date_to or line.date < today:
                raise UserError(
                    self.env._(
                        "The visit to %(customer)s is planned on %(date)s, outside the "
                        "period (%(start)s to %(end)s) or in the past.",
                        customer=line.partner_id.display_name,
                        date=line.date,
                        start=max(date_from, today),
                        end=date_to,
                    )
                )
        customers = self.line_ids.partner_id.commercial_partner_id
        if not self.env.su and not self.env.user.has_group(roles.SCOPE_DEPARTMENT):
            foreign = customers.filtered(lambda c: c.user_id != user)
            if foreign:
                raise AccessError(
                    self.env._(
                        "You plan visits to your own customers only: %(customers)s.",
                        customers=", ".join(foreign.mapped("display_name")),
                    )
                )
        customers.check_access("read")
        visit_type = self.env.ref(VISIT_TYPE)
        activities = self.env["mail.activity"].sudo()
        # a visit already open for the customer (the grade's job made it, or an
        # earlier plan) is moved to the planned day rather than doubled
        open_visits = {
            visit.res_id: visit
            for visit in activities.search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", customers.ids),
                    ("activity_type_id", "=", visit_type.id),
                    ("user_id", "=", user.id),
                ]
            )
        }
        model_id = self.env["ir.model"]._get_id("res.partner")
        vals_list = []
        planned = activities
        for line in self.line_ids:
            customer = line.partner_id.commercial_partner_id
            if customer.id in open_visits:
                open_visits[customer.id].date_deadline = line.date
                planned |= open_visits.pop(customer.id)
            else:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": customer.id,
                        "activity_type_id": visit_type.id,
                        "summary": line.note or self.env._("Planned visit"),
                        "user_id": user.id,
                        "date_deadline": line.date,
                    }
                )
        planned |= activities.create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_dept_regulation.mail_activity_action_sdr_visit"
        )
        action["domain"] = [("id", "in", planned.ids)]
        return action


class SaleVisitPlanWizardLine(models.TransientModel):
    _name = "sale.visit.plan.wizard.line"
    _description = "Planned Visit"
    _order = "date, id"

    wizard_id = fields.Many2one("sale.visit.plan.wizard", required=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        domain="[('parent_id', '=', False), ('user_id', '=', parent.user_id)]",
    )
    date = fields.Date(string="Visit Day", required=True)
    note = fields.Char(string="Purpose")
    proposed = fields.Boolean(string="Due by Grade", readonly=True)
    next_visit_date = fields.Date(related="partner_id.customer_next_visit_date")

    @api.constrains("date")
    def _check_date(self):
        check_plan_day(self, "date")
