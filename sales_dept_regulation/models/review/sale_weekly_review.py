# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The weekly review: one screen and one PDF per week and salesperson for the
Department Head's meeting (regulation 000 §管理制度, 004 §销售计划).

Each capability adds its own section by overriding ``_review_sections`` in its
own folder; the screen and the PDF render the same template from the sections,
so they cannot disagree."""

from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_amount, format_date

from .. import roles

# the overdue items listed on the review; the count covers them all
OVERDUE_LISTED = 20


class SaleWeeklyReview(models.TransientModel):
    _name = "sale.weekly.review"
    _description = "Weekly Review"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    week_date = fields.Date(
        string="Week of",
        required=True,
        default=fields.Date.context_today,
        help="Any day of the week reviewed: the week runs from Monday to Sunday.",
    )
    week_start = fields.Date(compute="_compute_week", string="From")
    week_end = fields.Date(compute="_compute_week", string="To")
    review_html = fields.Html(compute="_compute_review_html", sanitize=False, string="Review")

    @api.depends("week_date")
    def _compute_week(self):
        for review in self:
            day = review.week_date or fields.Date.context_today(review)
            review.week_start = day - timedelta(days=day.weekday())
            review.week_end = review.week_start + timedelta(days=6)

    @api.depends("user_id", "week_date")
    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "%(salesperson)s, week of %(day)s",
                salesperson=review.user_id.name or "",
                day=self._date(review.week_start) if review.week_start else "",
            )

    @api.constrains("user_id")
    def _check_user_id(self):
        # a salesperson reviews her own week; the department's are the managers'.
        # Constraints run as superuser: the user is the env's uid, not its su flag.
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group(roles.SCOPE_DEPARTMENT):
            return
        for review in self:
            if review.user_id != self.env.user:
                raise ValidationError(self.env._("You can only review your own week."))

    @api.depends("user_id", "company_id", "week_date")
    def _compute_review_html(self):
        for review in self:
            review.review_html = (
                self.env["ir.qweb"]._render(
                    "sales_dept_regulation.sale_weekly_review_body", review._review_values()
                )
                if review.user_id and review.company_id
                else False
            )

    # -- the period, in the salesperson's time zone --------------------------

    def _review_day(self):
        """The day the review is made as of: the week's Sunday, or today for the
        current week (what is overdue is overdue today, not next Sunday)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return today if self.week_start <= today <= self.week_end else self.week_end

    def _utc_bounds(self, first_day, stop_day):
        """[first_day 00:00, stop_day 00:00) in the salesperson's time zone, as
        the database stores datetimes (UTC, naive)."""
        tz = pytz.timezone(self.user_id.tz or self.env.user.tz or "UTC")
        return tuple(
            tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
            for day in (first_day, stop_day)
        )

    def _week_bounds(self):
        return self._utc_bounds(self.week_start, self.week_end + timedelta(days=1))

    def _month_to_date_bounds(self):
        """The review day's month, from its first day to the week's end (a week
        that runs into the next month counts up to the month's end)."""
        first = self._month_start()
        return self._utc_bounds(
            first, min(self.week_end + timedelta(days=1), self._next_month_start())
        )

    def _month_start(self):
        return self._review_day().replace(day=1)

    def _next_month_start(self):
        return self._month_start() + relativedelta(months=1)

    # -- formatting ------------------------------------------------------------

    def _money(self, amount):
        return format_amount(self.env, amount, self.company_id.currency_id)

    def _date(self, day):
        return format_date(self.env, day)

    # -- the sections ----------------------------------------------------------

    def _review_values(self):
        self.ensure_one()
        return {
            "review": self,
            "salesperson": self.user_id.name,
            "company": self.company_id.name,
            "period": f"{self._date(self.week_start)} – {self._date(self.week_end)}",
            "sections": sorted(self._review_sections(), key=lambda s: s["sequence"]),
        }

    def _review_sections(self):
        """The review's sections: dicts with a sequence, a title, rows of
        (label, value) and optionally a table (head, lines). Read as the user
        who opens the review: record rules decide what is counted."""
        self.ensure_one()
        # what the sections read of the salesperson and the company, fetched
        # alone: their whole rows (dozens of columns each) cost more than a figure
        self.user_id.fetch(["partner_id"])
        self.user_id.partner_id.fetch(["name", "tz"])
        self.company_id.fetch(self._review_company_fields())
        return [
            self._section_orders(),
            self._section_new_customers(),
            self._section_overdue(),
        ]

    def _review_company_fields(self):
        """The fields of the company the sections read, fetched in one query:
        a section that reads another one adds it here."""
        return ["name", "currency_id"]

    def _confirmed_amount(self, start, stop):
        """(count, untaxed amount in the company's currency) of the
        salesperson's orders confirmed from start to stop."""
        return self._confirmed_amounts({"period": (start, stop)})["period"]

    def _confirmed_amounts(self, periods):
        """{key: (count, untaxed amount in the company's currency)} of the
        salesperson's orders confirmed in each period (start, stop) of
        ``periods``: one query over the periods' span, each period a filtered
        aggregate (the week, the month and the year to date of one salesperson
        read the same rows; three queries would read them three times)."""
        SaleOrder = self.env["sale.order"]
        query = SaleOrder._search(
            [
                ("user_id", "=", self.user_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "sale"),
                ("date_order", ">=", min(start for start, _stop in periods.values())),
                ("date_order", "<", max(stop for _start, stop in periods.values())),
            ]
        )
        currency = SaleOrder._field_to_sql(query.table, "currency_id", query)
        date_order = SaleOrder._field_to_sql(query.table, "date_order", query)
        amount = SaleOrder._field_to_sql(query.table, "amount_untaxed", query)
        columns = [currency]
        for start, stop in periods.values():
            in_period = SQL("%s >= %s AND %s < %s", date_order, start, date_order, stop)
            columns.append(SQL("count(*) FILTER (WHERE %s)", in_period))
            columns.append(SQL("sum(%s) FILTER (WHERE %s)", amount, in_period))
        query.groupby = currency
        # (execute_query flushes what the query reads: an order just written counts)
        rows = self.env.execute_query(query.select(*columns))
        company_currency = self.company_id.currency_id
        result = {}
        for position, key in enumerate(periods):
            count = amount_total = 0
            for row in rows:
                count += row[1 + 2 * position]
                total = row[2 + 2 * position] or 0.0
                if total:
                    amount_total += (
                        self.env["res.currency"]
                        .browse(row[0])
                        ._convert(total, company_currency, self.company_id, self._review_day())
                    )
            result[key] = count, amount_total
        return result

    def _confirmed_periods(self):
        """The periods the review counts confirmed orders over: the week, the
        month to date and the year to date (from January 1st to the month to
        date's end), as UTC bounds."""
        month = self._month_start()
        month_start, month_stop = self._month_to_date_bounds()
        year_start, _stop = self._utc_bounds(month.replace(month=1), month)
        return {
            "week": self._week_bounds(),
            "month": (month_start, month_stop),
            "year": (year_start, month_stop),
        }

    def _section_orders(self):
        # the month and the year to date are the plan section's, beside the
        # month's plan: counted here in the same query as the week's, and
        # handed to it in the section's "confirmed" (which is not displayed)
        confirmed = self._confirmed_amounts(self._confirmed_periods())
        week_count, week_amount = confirmed["week"]
        return {
            "sequence": 10,
            "key": "orders",
            "title": self.env._("Orders"),
            "rows": [
                (self.env._("Orders confirmed this week"), str(week_count)),
                (self.env._("Amount confirmed this week"), self._money(week_amount)),
            ],
            "confirmed": confirmed,
        }

    def _section_new_customers(self):
        start, stop = self._week_bounds()
        customers = self.env["res.partner"].search(
            [
                ("user_id", "=", self.user_id.id),
                ("parent_id", "=", False),
                ("create_date", ">=", start),
                ("create_date", "<", stop),
            ],
            order="create_date",
        )
        return {
            "sequence": 50,
            "key": "new_customers",
            "title": self.env._("New customers"),
            "rows": [(self.env._("New customers this week"), str(len(customers)))],
            "head": [self.env._("Customer"), self.env._("Created on")],
            "lines": [
                [customer.display_name, self._date(customer.create_date)] for customer in customers
            ],
        }

    def _section_overdue(self):
        domain = [
            ("user_id", "=", self.user_id.id),
            ("date_deadline", "<", self._review_day()),
        ]
        Activity = self.env["mail.activity"]
        activities = Activity.search_fetch(
            domain,
            ["date_deadline", "summary", "activity_type_id", "res_name"],
            order="date_deadline, id",
            limit=OVERDUE_LISTED,
        )
        # the list is the count while it is not full: counting again would
        # read the same rows a second time
        count = (
            len(activities) if len(activities) < OVERDUE_LISTED else Activity.search_count(domain)
        )
        return {
            "sequence": 90,
            "key": "overdue",
            "title": self.env._("Overdue items"),
            "rows": [(self.env._("Overdue activities"), str(count))],
            "head": [self.env._("Due"), self.env._("Activity"), self.env._("Document")],
            "lines": [
                [
                    self._date(activity.date_deadline),
                    activity.summary or activity.activity_type_id.name or "",
                    activity.res_name or "",
                ]
                for activity in activities
            ],
        }

    def action_print(self):
        self.ensure_one()
        return self.env.ref("sales_dept_regulation.action_report_sale_weekly_review").report_action(
            self
        )
