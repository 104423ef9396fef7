# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from .. import roles
from ..values import check_rules_as_written, check_values, strip_defaults
from .mail_activity import VISIT_TYPE

WORK_LOG_STATES = [("draft", "Draft"), ("submitted", "Submitted")]
# what the salesperson writes in her draft log; everything else (state, times,
# late flag, comments) is set by the buttons and the jobs
DRAFT_FIELDS = frozenset({"visit_ids", "call_count", "call_notes", "outcome", "next_steps"})
# and, when she opens it, the day and the company it is for
CREATE_FIELDS = DRAFT_FIELDS | {"date", "company_id"}
# a log is written for a day of the last year (a later one is a typo)
LOG_DAYS_BACK = 366


def next_working_day(day):
    """The day after ``day``, Saturday and Sunday skipped."""
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class SaleWorkLog(models.Model):
    """A salesperson's daily work log (工作日志): the visits done that day, the
    calls, outcomes and next steps; submitted by the next working day's due
    hour, read and commented on by the Department Head."""

    _name = "sale.work.log"
    _description = "Daily Work Log"
    _inherit = ["mail.thread"]
    _order = "date desc, user_id, id desc"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, index=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        WORK_LOG_STATES, default="draft", required=True, readonly=True, tracking=True, copy=False
    )
    visit_ids = fields.Many2many(
        "mail.activity",
        "sale_work_log_visit_rel",
        "log_id",
        "activity_id",
        string="Visits Done",
        context={"active_test": False},
        domain=lambda self: [
            ("activity_type_id", "=", self.env.ref(VISIT_TYPE).id),
            ("active", "=", False),
        ],
    )
    visit_count = fields.Integer(string="Visits", compute="_compute_visit_count", store=True)
    call_count = fields.Integer(tracking=True)
    call_notes = fields.Text()
    outcome = fields.Text(string="Outcomes")
    next_steps = fields.Text()
    deadline = fields.Datetime(
        string="Due By",
        compute="_compute_deadline",
        store=True,
        help="The next working day at the company's due hour, in the salesperson's time zone.",
    )
    submit_date = fields.Datetime(string="Submitted On", readonly=True, copy=False, tracking=True)
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Submitted after its due time, or still not submitted then.",
    )
    is_missing = fields.Boolean(
        string="Missing",
        readonly=True,
        copy=False,
        help="Opened by the system: the salesperson had not written it by its due time.",
    )
    comment_ids = fields.One2many(
        "sale.work.log.comment", "log_id", string="Comments", readonly=True, copy=False
    )
    comment_count = fields.Integer(
        string="Number of Comments", compute="_compute_comment_count", store=True
    )

    _user_date_unique = models.Constraint(
        "UNIQUE(user_id, date)",
        "A salesperson writes one work log per day.",
    )
    _call_count_range = models.Constraint(
        "CHECK(call_count >= 0 AND call_count <= 1000)",
        "The number of calls of a day must be between 0 and 1000.",
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("user_id", "date")
    def _compute_display_name(self):
        for log in self:
            log.display_name = self.env._(
                "Work Log %(user)s %(date)s", user=log.user_id.name or "", date=log.date or ""
            )

    @api.depends("visit_ids")
    def _compute_visit_count(self):
        for log in self:
            log.visit_count = len(log.visit_ids)

    @api.depends("comment_ids")
    def _compute_comment_count(self):
        for log in self:
            log.comment_count = len(log.comment_ids)

    @api.depends("date", "user_id.tz", "company_id.sdr_work_log_due_hour")
    def _compute_deadline(self):
        for log in self:
            log.deadline = log._sdr_deadline_of(log.date) if log.date else False

    def _sdr_deadline_of(self, day):
        """The due time (naive UTC) of the log of ``day``."""
        tz = pytz.timezone(self.user_id.tz or self.env.context.get("tz") or "UTC")
        # the company's constraint refuses an hour out of 0..23 when the write is
        # flushed, after this recompute: clamp rather than fail before it
        hour = min(max(self.company_id.sdr_work_log_due_hour, 0), 23)
        due = datetime.combine(next_working_day(day), time(hour=hour))
        return tz.localize(due).astimezone(pytz.utc).replace(tzinfo=None)

    @api.constrains("visit_ids", "user_id", "date")
    def _check_visits(self):
        for log in self:
            wrong = log.visit_ids.filtered(
                lambda v, log=log: (
                    v.active
                    or v.user_id != log.user_id
                    or v.activity_type_id != self.env.ref(VISIT_TYPE)
                )
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "A work log lists only the visits its salesperson marked done: "
                        "%(visits)s is not one.",
                        visits=", ".join(wrong.mapped("res_name")),
                    )
                )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for log in self:
            if log.date > today:
                raise ValidationError(
                    self.env._(
                        "A work log cannot be written for a day to come (%(date)s).",
                        date=log.date,
                    )
                )
            if log.date < today - timedelta(days=LOG_DAYS_BACK):
                raise ValidationError(
                    self.env._(
                        "A work log is written for a day of the last year, not %(date)s.",
                        date=log.date,
                    )
                )

    # ------------------------------------------------------------
    # ONCHANGE
    # ------------------------------------------------------------

    @api.onchange("date")
    def _onchange_date_prefill_visits(self):
        if self.state == "draft" and self.date:
            self.visit_ids = self._sdr_done_visits(self.user_id or self.env.user, self.date)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _sdr_field_labels(self, fnames):
        return ", ".join(
            sorted(
                self._fields[name]._description_string(self.env) if name in self._fields else name
                for name in fnames
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        vals_list = [dict(vals) for vals in vals_list]
        logs = self
        if not self.env.su:
            for vals in vals_list:
                if forbidden := vals.keys() - CREATE_FIELDS:
                    raise UserError(
                        self.env._(
                            "These fields of a work log are set by its buttons, not by hand: "
                            "%(fields)s.",
                            fields=self._sdr_field_labels(forbidden),
                        )
                    )
            logs = strip_defaults(self, CREATE_FIELDS)
        for vals in vals_list:
            # the day's done visits, unless the form already brought them
            if "visit_ids" not in vals:
                day = vals.get("date") or fields.Date.context_today(self)
                if not isinstance(day, (str, date)):
                    continue  # not a day: the ORM refuses it
                day = fields.Date.to_date(day)
                user = self.env["res.users"].browse(vals.get("user_id") or self.env.uid)
                vals["visit_ids"] = [fields.Command.set(self._sdr_done_visits(user, day).ids)]
        records = super(SaleWorkLog, logs).create(vals_list)
        check_rules_as_written(records)
        return records

    def write(self, vals):
        check_values(self.env, [vals])
        if not self.env.su:
            self.check_access("write")
            if forbidden := vals.keys() - DRAFT_FIELDS:
                raise UserError(
                    self.env._(
                        "These fields of a work log are set by its buttons, not by hand: "
                        "%(fields)s.",
                        fields=self._sdr_field_labels(forbidden),
                    )
                )
            for log in self:
                if log.user_id != self.env.user:
                    raise AccessError(
                        self.env._(
                            "Only %(user)s writes this work log; comment on it instead.",
                            user=log.user_id.name,
                        )
                    )
                if log.state != "draft":
                    raise UserError(
                        self.env._(
                            "The work log %(log)s is submitted: it can no longer be changed.",
                            log=log.display_name,
                        )
                    )
        res = super().write(vals)
        check_rules_as_written(self)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_own_drafts(self):
        if not self.env.su and any(log.user_id != self.env.user for log in self):
            raise AccessError(self.env._("Only the salesperson deletes her own draft work log."))
        if any(log.state != "draft" or log.is_missing for log in self):
            raise UserError(
                self.env._("A submitted or missing work log cannot be deleted: it is a record.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_refresh_visits(self):
        """Add the visits marked done since the log was opened."""
        self._sdr_check_owner()
        for log in self:
            if log.state == "draft":
                log.visit_ids |= self._sdr_done_visits(log.user_id, log.date)
        return True

    def action_submit(self):
        self._sdr_check_owner()
        now = fields.Datetime.now()
        for log in self:
            if log.state != "draft":
                raise UserError(
                    self.env._("The work log %(log)s is already submitted.", log=log.display_name)
                )
            if not (log.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Write the day's %(field)s before submitting the work log.",
                        field=self._fields["outcome"]._description_string(self.env),
                    )
                )
            log.sudo().write(
                {
                    "state": "submitted",
                    "submit_date": now,
                    "is_late": log.is_late or now > log.deadline,
                }
            )
        return True

    def action_open_comment_wizard(self):
        self.ensure_one()
        self._sdr_check_head()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Comment on the Work Log"),
            "res_model": "sale.work.log.comment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_log_id": self.id},
        }

    def action_comment(self, body):
        """The Department Head's comment, kept as a comment record no one edits
        (Odoo lets the people a chatter message notifies edit it), and announced
        to the salesperson in the chatter."""
        self._sdr_check_head()
        if not isinstance(body, str) or not body.strip():
            raise UserError(self.env._("Write the comment."))
        self.env["sale.work.log.comment"].sudo().create(
            [{"log_id": log.id, "author_id": self.env.uid, "body": body.strip()} for log in self]
        )
        for log in self:
            log.message_post(
                body=self.env._(
                    "%(head)s commented on this work log: %(comment)s",
                    head=self.env.user.name,
                    comment=body.strip(),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=log.user_id.partner_id.ids,
            )
        return True

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sdr_check_owner(self):
        if self.env.su:
            return
        self.check_access("write")
        if any(log.user_id != self.env.user for log in self):
            raise AccessError(self.env._("Only the salesperson writes and submits her work log."))

    def _sdr_check_head(self):
        if self.env.su:
            return
        if not self.env.user.has_groups(roles.MANAGERS):
            raise AccessError(
                self.env._("Only the Department Head or a General Manager comments on work logs.")
            )
        self.check_access("read")

    @api.model
    def _sdr_done_visits(self, user, day):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("activity_type_id", "=", self.env.ref(VISIT_TYPE).id),
                    ("res_model", "=", "res.partner"),
                    ("active", "=", False),
                    ("user_id", "=", user.id),
                    ("sdr_visit_done_date", "=", day),
                ]
            )
        )

    @api.model
    def _sdr_visit_figures(self, users, date_from, date_to):
        """The figures of the weekly review for ``users`` over [date_from,
        date_to]: {user id: {visits_planned, visits_done, calls, logs, logs_late}}.
        Visits planned are the visits due in the period (open or done), done ones
        count on the day they were done; two queries for any number of
        users, under the caller's access rights."""
        figures = {
            user.id: dict.fromkeys(
                ("visits_planned", "visits_done", "calls", "logs", "logs_late"), 0
            )
            for user in users
        }
        visit_type = self.env["ir.model.data"]._xmlid_to_res_id(VISIT_TYPE, raise_if_not_found=True)
        visit_domain = [
            ("res_model", "=", "res.partner"),
            ("activity_type_id", "=", visit_type),
            ("user_id", "in", users.ids),
        ]
        # the visits due and the visits done in the period in one query: a
        # visit done in the period was often due in it, and mail.activity's
        # access filter (for a reviewer who is not the salesperson) runs once
        Activity = self.env["mail.activity"].with_context(active_test=False)
        due = Domain("date_deadline", ">=", date_from) & Domain("date_deadline", "<=", date_to)
        done = (
            Domain("active", "=", False)
            & Domain("sdr_visit_done_date", ">=", date_from)
            & Domain("sdr_visit_done_date", "<=", date_to)
        )
        query = Activity._search(Domain(visit_domain) & (due | done))
        table = query.table
        user_sql = Activity._field_to_sql(table, "user_id", query)
        query.groupby = user_sql
        for user_id, planned, visits_done in self.env.execute_query(
            query.select(
                user_sql,
                SQL(
                    "count(*) FILTER (WHERE %s)",
                    due.optimize_full(Activity)._to_sql(Activity, table, query),
                ),
                SQL(
                    "count(*) FILTER (WHERE %s)",
                    done.optimize_full(Activity)._to_sql(Activity, table, query),
                ),
            )
        ):
            figures[user_id]["visits_planned"] = planned
            figures[user_id]["visits_done"] = visits_done
        for user, is_late, count, calls in self._read_group(
            [("user_id", "in", users.ids), ("date", ">=", date_from), ("date", "<=", date_to)],
            ["user_id", "is_late"],
            ["__count", "call_count:sum"],
        ):
            figures[user.id]["logs"] += count
            figures[user.id]["calls"] += calls
            if is_late:
                figures[user.id]["logs_late"] += count
        return figures

    @api.model
    def _cron_sdr_flag_late_logs(self):
        """Flag the drafts past their due time late, and open a late, missing log
        for each salesperson who wrote none for a working day now due (the last
        week only: the job catches up after a stop, not since the beginning)."""
        self = self.sudo()
        now = fields.Datetime.now()
        self.search(
            [("state", "=", "draft"), ("is_late", "=", False), ("deadline", "<", now)]
        ).write({"is_late": True})
        salespeople = self.env.ref("sales_dept_regulation.group_role_salesperson").all_user_ids
        salespeople = salespeople.filtered(lambda u: u.active and not u.share)
        if not salespeople:
            return
        today = fields.Date.context_today(self)
        days = [
            today - timedelta(days=n)
            for n in range(1, 8)
            if (today - timedelta(days=n)).weekday() < 5
        ]
        existing = {
            (user.id, day)
            for user, day in self._read_group(
                [("user_id", "in", salespeople.ids), ("date", "in", days)], ["user_id", "date:day"]
            )
        }
        vals_list = []
        for user in salespeople:
            for day in days:
                if (user.id, day) in existing:
                    continue
                log = self.new({"user_id": user.id, "company_id": user.company_id.id, "date": day})
                if log._sdr_deadline_of(day) < now:
                    vals_list.append(
                        {
                            "user_id": user.id,
                            "company_id": user.company_id.id,
                            "date": day,
                            "is_late": True,
                            "is_missing": True,
                        }
                    )
        self.create(vals_list)
