# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import roles
from .sale_forecast import REMINDER_ACTIVITY, forecast_deadline, user_tz

SALESPERSON = "sales_dept_regulation.group_role_salesperson"


class SaleForecast(models.Model):
    """The workflow of a forecast. The action methods check the user and the
    state, then write the workflow fields as superuser: no plain write by a user
    can set them."""

    _inherit = "sale.forecast"

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        """The salesperson hands in her forecast: frozen from now on, late when
        her day (in her time zone) is past the due date."""
        if not self.env.su:
            self.check_access("write")
        now = fields.Datetime.now()
        for forecast in self:
            if not self.env.su and forecast.user_id != self.env.user:
                raise AccessError(self.env._("Only the salesperson of a forecast submits it."))
            if forecast.state != "draft":
                raise UserError(
                    self.env._(
                        "The forecast %(forecast)s is not a draft: it cannot be submitted.",
                        forecast=forecast.name,
                    )
                )
            if not forecast.line_ids:
                raise UserError(
                    self.env._(
                        "The forecast %(forecast)s has no line: add the customers you expect "
                        "orders from.",
                        forecast=forecast.name,
                    )
                )
            local_day = fields.Datetime.context_timestamp(
                forecast.with_context(tz=user_tz(forecast.user_id).zone), now
            ).date()
            if local_day >= forecast.month + relativedelta(months=1):
                raise UserError(
                    self.env._(
                        "The month of the forecast %(forecast)s has ended: there is nothing "
                        "left to forecast.",
                        forecast=forecast.name,
                    )
                )
            forecast.sudo().write(
                {
                    "state": "submitted",
                    "submit_date": now,
                    "is_late": local_day > forecast.deadline,
                }
            )
        # the reminder is answered
        self.sudo().activity_feedback([REMINDER_ACTIVITY], only_automated=False)
        return True

    def action_cancel(self, reason):
        """Cancel with a reason, by the salesperson or the Department Head: the
        month is forecast again with a new forecast."""
        if not self.env.su:
            self.check_access("write")
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason for cancelling the forecast."))
        for forecast in self:
            if (
                not self.env.su
                and forecast.user_id != self.env.user
                and not self.env.user.has_groups(roles.MANAGERS)
            ):
                raise AccessError(
                    self.env._(
                        "Only the salesperson of a forecast or the Department Head cancels it."
                    )
                )
            if forecast.state == "cancelled":
                raise UserError(
                    self.env._(
                        "The forecast %(forecast)s is already cancelled.", forecast=forecast.name
                    )
                )
        self.sudo().write(
            {
                "state": "cancelled",
                "cancel_reason": reason.strip(),
                "cancel_date": fields.Datetime.now(),
            }
        )
        self.sudo().activity_unlink([REMINDER_ACTIVITY], only_automated=False)
        return True

    def action_open_cancel_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel the Forecast"),
            "res_model": "sale.forecast.cancel.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_forecast_id": self.id},
        }

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _cron_forecast_reminders(self):
        """Remind each salesperson, in each of her companies, of the forecast she
        has not submitted, the company's number of days before it is due: a
        draft forecast (made if missing) with a reminder activity, once."""
        cron = self.env["ir.cron"]
        as_job = bool(self.env.context.get("ir_cron_progress_id"))
        salespeople = (
            self.env.ref(SALESPERSON)
            .sudo()
            .all_user_ids.filtered(lambda user: user.active and not user.share)
        )
        companies = self.env["res.company"].sudo().search([("active", "=", True)])
        if as_job:
            cron._commit_progress(remaining=len(companies))
        for company in companies:
            users = salespeople.filtered(lambda user, company=company: company in user.company_ids)
            self.sudo().with_company(company)._forecast_remind(company, users)
            if as_job and not cron._commit_progress(1):
                break

    @api.model
    def _forecast_remind(self, company, users):
        due = {}
        for user in users:
            today = fields.Date.context_today(self.with_context(tz=user_tz(user).zone))
            this_month = today.replace(day=1)
            # next month's forecast, or the one after when the reminder of a
            # forecast due early in next month falls in this month
            for target in (this_month + relativedelta(months=n) for n in (1, 2)):
                deadline = forecast_deadline(company, target)
                if deadline - relativedelta(days=company.sdr_forecast_reminder_days) <= today:
                    due[user.id, target] = deadline
        if not due:
            return
        existing = {
            (forecast.user_id.id, forecast.month): forecast
            for forecast in self.search(
                [
                    ("company_id", "=", company.id),
                    ("user_id", "in", [user_id for user_id, _month in due]),
                    ("month", "in", list({month for _user, month in due})),
                    ("state", "!=", "cancelled"),
                ]
            )
        }
        to_create = [
            {"user_id": user_id, "company_id": company.id, "month": month}
            for (user_id, month) in due
            if (user_id, month) not in existing
        ]
        for forecast in self.with_context(mail_create_nolog=True).create(to_create):
            existing[forecast.user_id.id, forecast.month] = forecast
        for (user_id, month), deadline in due.items():
            forecast = existing[user_id, month]
            if forecast.state != "draft" or forecast.reminder_date:
                continue
            user = forecast.user_id
            forecast.with_context(lang=user.lang).activity_schedule(
                REMINDER_ACTIVITY,
                date_deadline=deadline,
                summary=self.with_context(lang=user.lang).env._(
                    "Submit your forecast of %(month)s by %(deadline)s",
                    month=month.strftime("%Y-%m"),
                    deadline=fields.Date.to_string(deadline),
                ),
                user_id=user.id,
            )
            forecast.reminder_date = fields.Date.context_today(
                self.with_context(tz=user_tz(user).zone)
            )

    # ------------------------------------------------------------
    # FIGURES FOR OTHER CAPABILITIES (the weekly review)
    # ------------------------------------------------------------

    @api.model
    def _forecast_review_figures(self, users, month, company=None):
        """{user id: {"forecast": the forecast or an empty record, "amount",
        "state", "is_late", "deadline", "actual_amount", "accuracy"}} of
        ``month`` (a date, first of the month) for ``users`` in ``company``
        (default: the current one), as the current user sees the forecasts
        (cancelled ones left out). Read by the weekly review."""
        return self._forecast_review_figures_by_month(users, [month], company)[month]

    @api.model
    def _forecast_review_figures_by_month(self, users, months, company=None):
        """{month: the figures of _forecast_review_figures} for several months,
        in one search."""
        company = company or self.env.company
        company.fetch(["sdr_forecast_due_day"])
        # one forecast a salesperson and month (the unique index): no order to
        # follow, and the default one (by salesperson) joins the users' names
        forecasts = self.search(
            [
                ("user_id", "in", users.ids),
                ("month", "in", list(months)),
                ("state", "!=", "cancelled"),
                ("company_id", "=", company.id),
            ],
            order="id",
        )
        figures = {month: {} for month in months}
        for month in months:
            for user in users:
                forecast = forecasts.filtered(
                    lambda f, user=user, month=month: f.user_id == user and f.month == month
                )[:1]
                figures[month][user.id] = {
                    "forecast": forecast,
                    "amount": forecast.amount_total,
                    "state": forecast.state,
                    "is_late": forecast.is_late,
                    "deadline": forecast.deadline or forecast_deadline(company, month),
                    "actual_amount": forecast.actual_amount,
                    "accuracy": forecast.accuracy if forecast.state == "submitted" else False,
                }
        return figures
