# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..sample.sale_mould_fee_rule import check_record_ids
from ..values import check_rules_as_written, check_values, strip_defaults

FORECAST_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("cancelled", "Cancelled"),
]
# What the salesperson writes on her draft: the only fields a user may write,
# and only while the forecast is a draft. The state, the dates and the late
# flag are set by the action methods; the salesperson and the company only on
# creation.
DRAFT_FIELDS = frozenset({"month", "line_ids", "note"})
CREATE_FIELDS = DRAFT_FIELDS | {"user_id", "company_id"}
REMINDER_ACTIVITY = "sales_dept_regulation.mail_activity_type_forecast_reminder"


def first_of_month(value):
    """The first day of the month of ``value`` (a date or its string)."""
    try:
        day = fields.Date.to_date(value)
    except (TypeError, ValueError):
        day = None
    return day.replace(day=1) if day else day


def forecast_deadline(company, month):
    """The day the forecast of ``month`` is due: the company's due day of the
    month before."""
    return (month - relativedelta(months=1)).replace(day=company.sdr_forecast_due_day or 25)


def user_tz(user):
    """The salesperson's time zone, in which her months begin and end."""
    return pytz.timezone(user.tz or user.company_id.partner_id.tz or "UTC")


class SaleForecast(models.Model):
    """A salesperson's forecast of a month's sales, per customer (seeds 003 and
    004: each salesperson's monthly sales forecast)."""

    _name = "sale.forecast"
    _description = "Monthly Sales Forecast"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "month desc, user_id, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        index=True,
        tracking=True,
    )
    month = fields.Date(
        required=True,
        default=lambda self: self._default_month(),
        tracking=True,
        index=True,
        help="The month forecast, as its first day (normally next month).",
    )
    line_ids = fields.One2many("sale.forecast.line", "forecast_id", string="Lines", copy=True)
    note = fields.Text()
    amount_total = fields.Monetary(
        string="Forecast Amount", compute="_compute_amount_total", store=True, tracking=True
    )
    state = fields.Selection(
        FORECAST_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    deadline = fields.Date(
        string="Due Date",
        compute="_compute_deadline",
        store=True,
        help="The company's due day of the month before the forecast month.",
    )
    submit_date = fields.Datetime(string="Submitted On", readonly=True, copy=False, tracking=True)
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        copy=False,
        tracking=True,
        help="Submitted after its due date (in the salesperson's time zone).",
    )
    cancel_date = fields.Datetime(string="Cancelled On", readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    reminder_date = fields.Date(
        string="Reminded On",
        readonly=True,
        copy=False,
        help="The day the reminder activity was scheduled: one reminder per forecast.",
    )
    # the month in the salesperson's time zone, as UTC bounds of date_order:
    # the accuracy report compares the forecast with the orders between them
    date_start = fields.Datetime(string="Month Start", compute="_compute_month_bounds", store=True)
    date_stop = fields.Datetime(string="Month End", compute="_compute_month_bounds", store=True)
    actual_amount = fields.Monetary(
        compute="_compute_accuracy",
        help="The untaxed amount of the salesperson's confirmed orders dated in the month, "
        "in the company's currency (submitted forecasts only).",
    )
    accuracy = fields.Float(
        string="Accuracy (%)",
        compute="_compute_accuracy",
        digits=(16, 1),
        help="100 × (1 − |actual − forecast| / forecast), not below 0.",
    )

    _month_salesperson_unique = models.UniqueIndex(
        "(user_id, company_id, month) WHERE state != 'cancelled'",
        "A salesperson has one forecast per month: open the existing one.",
    )

    # ------------------------------------------------------------
    # DEFAULTS AND COMPUTES
    # ------------------------------------------------------------

    @api.model
    def _default_month(self):
        return fields.Date.context_today(self).replace(day=1) + relativedelta(months=1)

    @api.depends("month", "user_id")
    def _compute_name(self):
        for forecast in self:
            forecast.name = (
                f"{forecast.month:%Y-%m} {forecast.user_id.name or ''}".strip()
                if forecast.month
                else False
            )

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for forecast in self:
            forecast.amount_total = sum(forecast.line_ids.mapped("amount"))

    @api.depends("month", "company_id.sdr_forecast_due_day")
    def _compute_deadline(self):
        for forecast in self:
            # a submitted forecast keeps the due date it was judged by
            if forecast.state != "draft" and forecast.deadline:
                continue
            forecast.deadline = (
                forecast_deadline(forecast.company_id, forecast.month) if forecast.month else False
            )

    @api.depends("month", "user_id.tz")
    def _compute_month_bounds(self):
        for forecast in self:
            if not forecast.month:
                forecast.date_start = forecast.date_stop = False
                continue
            tz = user_tz(forecast.user_id)

            def utc(day, tz=tz):
                local = tz.localize(datetime.combine(day, time.min))
                return local.astimezone(pytz.utc).replace(tzinfo=None)

            forecast.date_start = utc(forecast.month)
            forecast.date_stop = utc(forecast.month + relativedelta(months=1))

    def _compute_accuracy(self):
        figures = self.env["sale.forecast.accuracy"]._forecast_figures(self)
        for forecast in self:
            actual, accuracy = figures.get(forecast.id, (0.0, False))
            forecast.actual_amount = actual
            forecast.accuracy = accuracy

    @api.constrains("month")
    def _check_month(self):
        for forecast in self:
            if forecast.month and forecast.month.day != 1:
                raise ValidationError(self.env._("The forecast month is given by its first day."))

    @api.model
    def _check_no_twin(self, user_id, company_id, month, exclude_ids=()):
        """One open forecast per salesperson, company and month: said clearly
        before the unique index refuses it (which holds against races)."""
        twin = self.sudo().search(
            [
                ("id", "not in", list(exclude_ids)),
                ("user_id", "=", user_id),
                ("company_id", "=", company_id),
                ("month", "=", month),
                ("state", "!=", "cancelled"),
            ],
            limit=1,
        )
        if twin:
            raise ValidationError(
                self.env._(
                    "%(user)s already has a forecast of %(month)s: open it, or cancel it "
                    "with a reason before making a new one.",
                    user=twin.user_id.name,
                    month=month.strftime("%Y-%m"),
                )
            )

    # ------------------------------------------------------------
    # CRUD: the salesperson writes her own drafts, their draft fields only
    # ------------------------------------------------------------

    def _field_labels(self, fnames):
        return ", ".join(
            sorted(
                self._fields[fname]._description_string(self.env)
                if fname in self._fields
                else str(fname)
                for fname in fnames
            )
        )

    @api.model
    def _normalize_month(self, vals):
        if "month" in vals:
            month = first_of_month(vals["month"])
            if not month:
                raise UserError(self.env._("The forecast month must be a date."))
            vals["month"] = month
        return vals

    def _check_vals(self, vals, allowed):
        if self.env.su:
            return
        if forbidden := vals.keys() - allowed:
            raise UserError(
                self.env._(
                    "These fields of a forecast are set by its buttons (Submit, Cancel), "
                    "not by hand: %(fields)s.",
                    fields=self._field_labels(forbidden),
                )
            )
        for forecast in self:
            forecast._check_editable()

    def _check_editable(self):
        """A draft, written by its salesperson: the forecast is her word."""
        if self.env.su:
            return
        if self.user_id != self.env.user:
            raise UserError(
                self.env._(
                    "The forecast %(forecast)s is %(user)s's: only she or he may change it.",
                    forecast=self.name,
                    user=self.user_id.name,
                )
            )
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "The forecast %(forecast)s is no longer a draft: it is frozen; add a "
                    "note in its chatter instead.",
                    forecast=self.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_record_ids(self, vals_list)
        vals_list = [self._normalize_month(dict(vals)) for vals in vals_list]
        if not self.env.su:
            for vals in vals_list:
                self.browse()._check_vals(vals, CREATE_FIELDS)
                user_id = vals.setdefault("user_id", self.env.uid)
                if user_id != self.env.uid:
                    raise UserError(
                        self.env._("A salesperson enters her own forecast, not another's.")
                    )
        forecasts = self if self.env.su else strip_defaults(self, CREATE_FIELDS)
        for vals in vals_list:
            if type(vals.get("user_id")) is int and type(vals.get("company_id", 0)) is int:
                self._check_no_twin(
                    vals["user_id"],
                    vals.get("company_id") or self.env.company.id,
                    vals.get("month") or self._default_month(),
                )
        records = super(SaleForecast, forecasts).create(vals_list)
        check_rules_as_written(records)
        return records

    def write(self, vals):
        check_values(self.env, [vals])
        check_record_ids(self, [vals])
        vals = self._normalize_month(dict(vals))
        if not self.env.su:
            self.check_access("write")
        self._check_vals(vals, DRAFT_FIELDS)
        if vals.get("month"):
            for forecast in self:
                self._check_no_twin(
                    forecast.user_id.id, forecast.company_id.id, vals["month"], forecast.ids
                )
        res = super().write(vals)
        check_rules_as_written(self)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(forecast.state != "draft" for forecast in self):
            raise UserError(
                self.env._("A submitted forecast cannot be deleted; cancel it with a reason.")
            )

    def copy_data(self, default=None):
        # a copy is a new draft of the salesperson who copies it
        vals_list = super().copy_data(default=default)
        return [
            {key: value for key, value in vals.items() if key in DRAFT_FIELDS} for vals in vals_list
        ]
