# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
import random
import time
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools import SQL, split_every

from .. import roles
from .res_partner import GRADING_CHUNK, ORDER_FIGURE_FIELDS
from .sale_customer_grade import grading_target
from .sale_customer_order_stats import RecountedCustomer, bulk_planning

_logger = logging.getLogger(__name__)

# what a customer's grade depends on besides its orders: writing one of them
# regrades it at once
GRADING_INPUT_FIELDS = {
    "customer_expected_volume",
    "customer_interest_level",
    "customer_rank",
    "parent_id",
}
# the columns the grading writes in SQL: a customer's stage and grade and the
# stored fields computed from them
GRADING_WRITTEN_FIELDS = [
    "customer_stage",
    "customer_grade_id",
    "customer_next_visit_date",
    "customer_visit_priority",
]
# the job that folds the rows confirmations append to the order figures into
# the customers' counted rows, triggered by every confirmation for a minute later
FOLD_ORDER_FIGURES_CRON = "sales_dept_regulation.ir_cron_fold_customer_order_figures"
# a nightly chunk that meets a concurrent update (a salesperson saving a customer,
# an order confirmed for it) is tried again this many times on a fresh snapshot
CHUNK_ATTEMPTS = 5


class ResPartner(models.Model):
    """The grading engine: stage and grade from the order figures, by confirmation
    or nightly, and the activities it schedules (win-back, regular visits)."""

    _inherit = "res.partner"

    customer_visit_due = fields.Boolean(
        string="Visit Due",
        compute="_compute_customer_visit_due",
        search="_search_customer_visit_due",
    )

    def _visit_due_domain(self):
        today = fields.Date.context_today(self)
        return [
            ("parent_id", "=", False),
            ("customer_grade_id.regular_visits", "=", True),
            ("user_id", "!=", False),
            "|",
            ("customer_next_visit_date", "<=", today),
            ("customer_last_visit_date", "=", False),
        ]

    def _compute_customer_visit_due(self):
        due = self.filtered_domain(self._visit_due_domain())
        for partner in self:
            partner.customer_visit_due = partner in due

    def _search_customer_visit_due(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = Domain(self._visit_due_domain())
        return domain if (operator == "=") == value else ~domain

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        # a new customer is a prospect at once, graded on the prospect scale (it
        # has no orders yet): graded in its INSERT (_prepare_create_values), its
        # history rows in one more; a grade the values did not tell (a rank given
        # as text, say) is graded by one pass for the whole batch
        new_customers = partners._grading_candidates()
        graded = new_customers.filtered("customer_stage")
        reason = self.env._("New customer")
        if graded:
            self._insert_grade_history(
                [
                    (
                        partner.id,
                        (partner.company_id or self.env.company).id,
                        None,
                        None,
                        partner.customer_stage,
                        partner.customer_grade_id.id or None,
                    )
                    for partner in graded
                ],
                reason,
            )
            graded.invalidate_recordset(["customer_grade_history_ids"], flush=False)
        for chunk in split_every(GRADING_CHUNK, (new_customers - graded).ids, self.browse):
            chunk.sudo()._apply_customer_grading({}, fields.Date.context_today(self), reason=reason)
        return partners

    def _prepare_create_values(self, vals_list):
        """The values of new customers with their prospect stage and grade, after
        the grading fields of the caller's values were refused (create)."""
        result = super()._prepare_create_values(vals_list)
        scales = None
        for vals in result:
            rank = vals.get("customer_rank")
            company_id = vals.get("company_id")
            volume = vals.get("customer_expected_volume") or 0.0
            if (
                vals.get("parent_id")
                or type(rank) is not int
                or rank <= 0
                or not (company_id is None or type(company_id) is int)
                or not isinstance(volume, (int, float))
            ):
                continue
            if scales is None:
                scales = self.env["sale.customer.grade"]._get_grading_scales()
                today = fields.Date.context_today(self)
            company = self.env["res.company"].browse(company_id) if company_id else None
            vals["customer_stage"], vals["customer_grade_id"] = self._grading_target(
                company or self.env.company,
                (None, 0.0, 0),
                today,
                scales,
                False,
                False,
                float(volume),
                vals.get("customer_interest_level"),
            )
        return result

    def write(self, vals):
        res = super().write(vals)
        if isinstance(vals, dict) and GRADING_INPUT_FIELDS & vals.keys():
            customers = self._grading_candidates()
            if customers:
                for chunk in split_every(GRADING_CHUNK, customers.ids, self.browse):
                    chunk.sudo()._recompute_customer_grading(
                        reason=self.env._("Customer information recorded")
                    )
        return res

    def _grading_candidates(self):
        """The customers among these partners the grading applies to."""
        return self.filtered(lambda p: not p.parent_id and p.customer_rank > 0)

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _can_override_customer_grade(self):
        return self.env.su or self.env.user.has_groups(roles.MANAGERS)

    @api.model
    def _get_gradable_customers(self, domain=()):
        """Customer companies and individual customers (not their contacts), of
        ``domain`` too."""
        return self.search(
            [("parent_id", "=", False), ("customer_rank", ">", 0), *domain], order="id"
        )

    def _regrade_confirmed_customers(self, orders, today):
        """Count just-confirmed orders in the figures of their customers (in their
        company) and regrade the customers whose stage or grade changes.

        One SQL call in the usual case: it appends the orders to the figures
        (no lock on a row another confirmation may hold) and returns the new
        figures with what the grading reads of each customer, so that a
        confirmation reads no partner unless the grade changes. Figures not
        recounted today (the nightly recount did not run yet, or the customer has
        none) are recounted from the orders instead, without storing them, so
        that the 12-month window is never more than a day old. The fold job,
        triggered by the same call, recounts the customers a minute later: it
        stores their figures and regrades them with the orders of the
        confirmations committed at the same time, which this one cannot see."""
        added = (
            self.env["sale.customer.order.stats"]
            .sudo()
            ._add_orders(
                orders,
                # cached: env.ref would check that the job exists, one more query
                self.env["ir.model.data"]._xmlid_to_res_id(
                    FOLD_ORDER_FIGURES_CRON, raise_if_not_found=False
                ),
            )
        )
        self.invalidate_model(ORDER_FIGURE_FIELDS, flush=False)
        stale = [pid for pid, row in added.items() if row.counted_date != today]
        if stale:
            # the recount returns what the grading reads of each customer too:
            # regraded from it, with no second read of the customers
            self._apply_grading_rows(
                self.browse(stale)._recount_grading_rows(today, store=False), today
            )
        figures = {
            pid: (row.last_order_date, row.sales_12m, row.orders_12m)
            for pid, row in added.items()
            if pid not in stale
        }
        if not figures:
            return
        scales = self.env["sale.customer.grade"]._get_grading_scales()
        companies = self.env["res.company"]
        changed = [
            pid
            for pid, row in added.items()
            if pid in figures
            and self._grading_target(
                companies.browse(row.company_id) or self.env.company,
                figures[pid],
                today,
                scales,
                row.customer_grade_locked,
                row.customer_grade_id or False,
                float(row.customer_expected_volume or 0.0),
                row.customer_interest_level,
            )
            != (row.customer_stage or False, row.customer_grade_id or False)
        ]
        self.browse(changed)._apply_customer_grading(figures, today)

    def _recount_grading_rows(self, today, store=True):
        """Recount the order figures of these customers from their orders and
        return them with what the grading reads of each (RecountedCustomer);
        stored unless ``store`` is false."""
        # everything pending, not only the orders: flushing part of the pending
        # writes early splits their UPDATEs into more queries
        self.env.flush_all()
        rows = (
            self.env["sale.customer.order.stats"]
            .sudo()
            ._recount(
                self,
                today,
                fields.Datetime.to_datetime(today - relativedelta(months=12)),
                self.env.company,
                store=store,
            )
        )
        self.invalidate_model(ORDER_FIGURE_FIELDS, flush=False)
        return rows

    def _recompute_customer_grading(self, reason=None):
        """Set the stage and grade of these customers from their confirmed orders:
        one statement recounts them and reads the customers, one more writes the
        customers that change and their history."""
        if not self:
            return
        today = fields.Date.context_today(self)
        with bulk_planning(self.env.cr, len(self)):
            self._apply_grading_rows(self._recount_grading_rows(today), today, reason=reason)

    @api.model
    def _grading_target(
        self, company, figures, today, scales, locked, grade_id, expected_volume, interest_level
    ):
        """The (stage, grade id) a customer of ``company`` gets from its order
        figures (last order date, 12-month amount, 12-month orders); a locked
        grade stays ``grade_id``, moved to the same rank of the new scale when
        the stage changes scale (a locked prospect A becomes a formal A)."""
        last, amount, count = figures
        return grading_target(
            scales,
            company.id,
            today - timedelta(days=company._regulation_rules().customer_lost_threshold_days),
            last,
            float(amount),
            count,
            locked,
            grade_id,
            expected_volume,
            interest_level,
        )

    def _apply_customer_grading(self, figures, today, reason=None):
        """Set the stage and grade of these customers from their order figures
        ({partner id: (last order date, 12-month amount, 12-month orders)})."""
        if not self:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT id, company_id, customer_stage, customer_grade_id, customer_grade_locked,
                       customer_expected_volume, customer_interest_level, user_id,
                       customer_last_visit_date
                  FROM res_partner
                 WHERE id = ANY(%s)
                """,
                self.ids,
            )
        )
        self._apply_grading_rows(
            [
                RecountedCustomer(partner_id, *figures.get(partner_id, (None, 0.0, 0)), *state)
                for partner_id, *state in self.env.cr.fetchall()
            ],
            today,
            reason=reason,
        )

    def _apply_grading_rows(self, rows, today, reason=None):
        """Set the stage and grade of the customers of ``rows`` (RecountedCustomer:
        their figures and what they have now) where they change.

        A pass over plain tuples and one SQL statement for the customers that
        change and their history rows: the nightly regrade of every customer and
        an import of thousands must cost about what one aggregate over their
        orders costs, which an ORM read of each customer, an ORM create of a
        history row per customer and a write recomputing the visit fields per
        record do not. Only the engine's own columns change (and their history),
        with no tracking: the history rows are the record of these changes.
        """
        scales = self.env["sale.customer.grade"]._get_grading_scales()
        # per company of the customers: (company id, first day a last order keeps
        # a customer formal), read once for the chunk, not per customer
        companies = {}
        changes = []
        for row in rows:
            company = companies.get(row.company_id)
            if company is None:
                record = (
                    self.env["res.company"].browse(row.company_id)
                    if row.company_id
                    else self.env.company
                )
                threshold = record._regulation_rules().customer_lost_threshold_days
                company = companies[row.company_id] = (
                    record.id,
                    today - timedelta(days=threshold),
                )
            old_grade_id = row.customer_grade_id or False
            stage, grade_id = grading_target(
                scales,
                company[0],
                company[1],
                row.last_order_date,
                float(row.sales_12m or 0.0),
                row.orders_12m or 0,
                row.customer_grade_locked,
                old_grade_id,
                float(row.customer_expected_volume or 0.0),
                row.customer_interest_level,
            )
            if stage != row.customer_stage or grade_id != old_grade_id:
                changes.append(
                    (row.partner_id, company[0], row.customer_stage, row.customer_grade_id)
                    + (stage, grade_id or None, row.user_id, row.customer_last_visit_date)
                )
        if not changes:
            return  # a confirmation, a regrade with nothing new
        grades = {
            grade.id: grade
            for grade in self.env["sale.customer.grade"]
            .sudo()
            .with_context(active_test=False)
            .browse({change[5] for change in changes if change[5]})
        }
        visits = []
        for *_head, stage, grade_id, _user_id, last_visit in changes:
            grade = grades.get(grade_id)
            # as _compute_customer_next_visit_date and _compute_customer_visit_priority
            visits.append(
                (
                    last_visit + timedelta(days=grade.visit_interval_days)
                    if grade and grade.regular_visits and last_visit
                    else None,
                    (grade.sequence if grade else 0) * 2 + (stage != "potential"),
                )
            )
        now = self.env.cr.now()
        columns = list(zip(*changes, strict=True))
        # the customers and their history rows in one statement, the customers
        # looked up by their primary key (bulk_planning)
        statement = SQL(
            """
                WITH v AS (
                    SELECT *
                      FROM unnest(%(ids)s::int[], %(companies)s::int[],
                                  %(old_stages)s::varchar[], %(old_grades)s::int[],
                                  %(stages)s::varchar[], %(grades)s::int[],
                                  %(next_visits)s::date[], %(priorities)s::int[])
                           AS v (id, company_id, old_stage, old_grade_id, stage, grade_id,
                                 next_visit, priority)
                ), updated AS (
                    UPDATE res_partner p
                       SET customer_stage = v.stage, customer_grade_id = v.grade_id,
                           customer_next_visit_date = v.next_visit,
                           customer_visit_priority = v.priority,
                           write_uid = %(uid)s, write_date = %(now)s
                      FROM v
                     WHERE p.id = v.id
                )
                %(insert)s
                """,
            uid=self.env.uid,
            now=now,
            insert=self._grade_history_insert_sql(reason),
            ids=list(columns[0]),
            companies=list(columns[1]),
            old_stages=list(columns[2]),
            old_grades=list(columns[3]),
            stages=list(columns[4]),
            grades=list(columns[5]),
            next_visits=[visit[0] for visit in visits],
            priorities=[visit[1] for visit in visits],
        )
        with bulk_planning(self.env.cr, len(changes)):
            self.env.cr.execute(statement)
        # the cache as the ORM's write would leave it: the written columns read
        # again, the fields that depend on them (the contacts', the orders', the
        # sample requests') invalidated; the two stored visit fields were set above
        changed = self.browse(list(columns[0]))
        changed.invalidate_recordset(
            [*GRADING_WRITTEN_FIELDS, "customer_grade_history_ids", "write_uid", "write_date"],
            flush=False,
        )
        changed.modified(["customer_stage", "customer_grade_id"])
        for name in GRADING_WRITTEN_FIELDS:
            self.env.remove_to_compute(self._fields[name], changed)
        self._schedule_customer_activities(
            self.browse(
                [
                    change[0]
                    for change in changes
                    if change[4] == "lost" and change[2] == "formal" and change[6]
                ]
            ),
            "sales_dept_regulation.mail_activity_type_customer_win_back",
            self.env._("Win back this lost customer"),
        )

    def _insert_grade_history(self, changes, reason):
        """One history row per change (partner id, company id, old stage, old
        grade id, new stage, new grade id), in one INSERT."""
        columns = list(zip(*changes, strict=True))
        self.env.cr.execute(
            SQL(
                """
                WITH v AS (
                    SELECT *
                      FROM unnest(%(ids)s::int[], %(companies)s::int[], %(old_stages)s::varchar[],
                                  %(old_grades)s::int[], %(stages)s::varchar[], %(grades)s::int[])
                           AS v (id, company_id, old_stage, old_grade_id, stage, grade_id)
                )
                %(insert)s
                """,
                insert=self._grade_history_insert_sql(reason),
                ids=list(columns[0]),
                companies=list(columns[1]),
                old_stages=list(columns[2]),
                old_grades=list(columns[3]),
                stages=list(columns[4]),
                grades=list(columns[5]),
            )
        )

    def _grade_history_insert_sql(self, reason):
        """The INSERT of the automatic history rows of the changes in the CTE ``v``
        (id, company_id, old_stage, old_grade_id, stage, grade_id): shared by the
        grading of new customers and the regrade's statement."""
        now = self.env.cr.now()
        return SQL(
            """
            INSERT INTO sale_customer_grade_history
                   (partner_id, company_id, old_stage, old_grade_id, new_stage,
                    new_grade_id, date, change_type, reason,
                    create_uid, create_date, write_uid, write_date)
            SELECT v.id, v.company_id, v.old_stage, v.old_grade_id, v.stage, v.grade_id,
                   %(date)s, 'automatic', %(reason)s, %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM v
            """,
            date=fields.Datetime.now(),
            reason=reason or None,
            uid=self.env.uid,
            now=now,
        )

    def _grade_history_vals(self, new_stage, new_grade_id, **values):
        """The history row of a change of this customer's stage or grade, from
        what it has now; ``values`` adds the change type, the user, the reason."""
        self.ensure_one()
        return {
            "partner_id": self.id,
            "company_id": (self.company_id or self.env.company).id,
            "old_stage": self.customer_stage,
            "new_stage": new_stage,
            "old_grade_id": self.customer_grade_id.id,
            "new_grade_id": new_grade_id,
            **values,
        }

    def _schedule_customer_activities(self, partners, type_xmlid, summary):
        """One open activity of that type per customer, for its salesperson."""
        if not partners:
            return
        activity_type = self.env.ref(type_xmlid)
        open_ids = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", [p.id for p in partners]),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id("res.partner")
        today = fields.Date.context_today(self)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "user_id": partner.user_id.id,
                    "date_deadline": today,
                }
                for partner in partners
                if partner.id not in open_ids
            ]
        )

    @api.model
    def _get_customers_due_for_visit(self):
        return self.search(self._visit_due_domain(), order="customer_visit_priority, id")

    def action_open_customer_visit_log(self):
        """The 记录拜访 dialog: the visit is recorded with its summary."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a Visit"),
            "res_model": "sale.customer.visit.log",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.commercial_partner_id.ids},
        }

    def action_log_customer_visit(self, note=None):
        """Record today's visit of these customers: their open visit activity is
        marked done, or a done one is recorded when none is planned; ``note``,
        the visit's summary, is the done activity's feedback in the chatter."""
        if note is not None and not isinstance(note, str):
            raise UserError(self.env._("Write the summary of the visit."))
        customers = self.commercial_partner_id
        if not self.env.su:
            customers.check_access("read")
        if not self.env.su and not self.env.user.has_group(roles.SCOPE_DEPARTMENT):
            if not self.env.user.has_group(roles.SCOPE_OWN) or any(
                customer.user_id != self.env.user for customer in customers
            ):
                raise AccessError(
                    self.env._("You can only record visits and interest for your own customers.")
                )
        visit_type = self.env.ref("sales_dept_regulation.mail_activity_type_customer_visit")
        activities = self.env["mail.activity"].sudo()
        planned = activities.search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", customers.ids),
                ("activity_type_id", "=", visit_type.id),
            ]
        )
        unplanned = customers.filtered(lambda c: c.id not in planned.mapped("res_id"))
        model_id = self.env["ir.model"]._get_id("res.partner")
        planned |= activities.create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": customer.id,
                    "activity_type_id": visit_type.id,
                    "summary": self.env._("Customer visit"),
                    "user_id": self.env.uid,
                }
                for customer in unplanned
            ]
        )
        planned.action_feedback(feedback=note or self.env._("Visited"))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Visit recorded for %(count)s customers.", count=len(customers)
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------
    # CRONS
    # ------------------------------------------------------------

    @api.model
    def _cron_recompute_customer_grades(self):
        self = self.sudo()
        self._run_cron_in_chunks(self._get_gradable_customers(), "_recompute_customer_grading")

    @api.model
    def _cron_fold_customer_order_figures(self):
        """Recount the customers with rows appended by confirmations since their
        last recount: their figures back in one counted row of today, their grade
        checked again (two confirmations for one customer at once each graded it
        without the other's order)."""
        self = self.sudo()
        self.env.cr.execute(
            "SELECT DISTINCT partner_id FROM sale_customer_order_stats"
            " WHERE counted_date IS NULL ORDER BY partner_id"
        )
        customers = self.browse([row[0] for row in self.env.cr.fetchall()])
        self._run_cron_in_chunks(customers, "_recompute_customer_grading")

    @api.model
    def _cron_schedule_customer_visits(self):
        self = self.sudo()
        self._run_cron_in_chunks(self._get_customers_due_for_visit(), "_schedule_customer_visits")

    @api.model
    def _run_cron_in_chunks(self, partners, method):
        """Call ``method`` on chunks of ``partners``, committing after each chunk.

        A chunk that meets a concurrent update (REPEATABLE READ refuses to write a
        row changed since the snapshot) is rolled back to the last commit and run
        again on a fresh snapshot: a busy day never skips the regrade."""
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=len(partners))
        for chunk_ids in split_every(GRADING_CHUNK, partners.ids):
            for attempt in range(1, CHUNK_ATTEMPTS + 1):
                try:
                    getattr(self.browse(chunk_ids), method)()
                    self.env.flush_all()  # the UPDATEs meet the conflict here, not at commit
                    break
                except (errors.SerializationFailure, errors.LockNotAvailable):
                    if attempt == CHUNK_ATTEMPTS:
                        raise
                    _logger.info(
                        "%s: chunk of %s customers met a concurrent update, attempt %s",
                        method,
                        len(chunk_ids),
                        attempt,
                    )
                    self.env.cr.rollback()  # back to the last committed chunk
                    time.sleep(random.uniform(0.1, 0.5) * attempt)
            if not cron._commit_progress(len(chunk_ids)):
                break

    def _schedule_customer_visits(self):
        self._schedule_customer_activities(
            list(self),
            "sales_dept_regulation.mail_activity_type_customer_visit",
            self.env._("Visit this customer (grade visit cadence)"),
        )
