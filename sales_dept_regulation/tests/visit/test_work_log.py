# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .visit_common import NOW, VisitCommon


@tagged("post_install", "-at_install")
class TestWorkLog(VisitCommon):
    @classmethod
    def default_env_context(cls):
        # the comments are chatter messages
        return {**super().default_env_context(), "tracking_disable": False}

    def _log(self, day, user=None, **vals):
        with freeze_time(NOW if day <= NOW.date() else datetime.combine(day, NOW.time())):
            return (
                self.env["sale.work.log"]
                .with_user(user or self.salesperson)
                .create({"date": day, **vals})
            )

    def test_prefill_with_her_done_visits_of_that_day_in_her_time_zone(self):
        visit = self._visit(self.customer, self.salesperson, date(2026, 6, 16))
        other = self._visit(self.customer, self.salesperson, date(2026, 6, 15))
        with freeze_time(datetime(2026, 6, 15, 17, 30)):  # 16 June, 01:30 in Shanghai
            visit.with_user(self.salesperson).write({"feedback": "Early visit"})
            visit.with_user(self.salesperson).action_sdr_visit_done()
        with freeze_time(datetime(2026, 6, 15, 15, 0)):  # 15 June, 23:00 in Shanghai
            other.with_user(self.salesperson).write({"feedback": "Late visit"})
            other.with_user(self.salesperson).action_sdr_visit_done()
        with freeze_time(datetime(2026, 6, 16, 10, 0)):
            log = (
                self.env["sale.work.log"]
                .with_user(self.salesperson)
                .create({"date": date(2026, 6, 16)})
            )
        self.assertEqual(log.visit_ids, visit)
        self.assertEqual(log.visit_count, 1)
        self.assertEqual(log.user_id, self.salesperson)

    def test_deadline_next_working_day_and_late_flag_at_the_boundary(self):
        friday = self._log(date(2026, 6, 12))
        # Monday 10:00 in Shanghai
        self.assertEqual(friday.deadline, datetime(2026, 6, 15, 2, 0))
        on_time = self._log(date(2026, 6, 15), outcome="Two quotes")
        late = self._log(date(2026, 6, 16), outcome="One order", user=self.salesperson)
        with freeze_time(datetime(2026, 6, 16, 1, 59)):
            on_time.with_user(self.salesperson).action_submit()
        with freeze_time(datetime(2026, 6, 17, 2, 1)):
            late.with_user(self.salesperson).action_submit()
        self.assertEqual((on_time.state, on_time.is_late), ("submitted", False))
        self.assertEqual((late.state, late.is_late), ("submitted", True))

    def test_submit_needs_outcome_and_freezes_the_log(self):
        log = self._log(date(2026, 6, 15), call_count=3)
        with self.assertRaisesMessage(UserError, "Outcomes"):
            log.with_user(self.salesperson).action_submit()
        log.with_user(self.salesperson).write({"outcome": "Met the buyer"})
        with freeze_time(NOW):
            log.with_user(self.salesperson).action_submit()
        with self.assertRaisesMessage(UserError, "submitted"):
            log.with_user(self.salesperson).write({"outcome": "Rewritten"})
        with self.assertRaisesMessage(UserError, "Submitted On"):
            log.with_user(self.salesperson).write({"submit_date": NOW})
        with self.assertRaisesMessage(UserError, "deleted"):
            log.with_user(self.salesperson).unlink()
        self.assertEqual(log.outcome, "Met the buyer")

    def test_workflow_fields_are_not_set_by_hand(self):
        with self.assertRaisesMessage(UserError, "Late"):
            self._log(date(2026, 6, 15), is_late=False, state="submitted")
        log = self._log(date(2026, 6, 15))
        with self.assertRaisesMessage(UserError, "Status|State"):
            log.with_user(self.salesperson).write({"state": "submitted"})
        with freeze_time(NOW), self.assertRaisesMessage(ValidationError, "day to come"):
            self.env["sale.work.log"].with_user(self.other_salesperson).create(
                {"date": date(2026, 6, 20)}
            )
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._log(date(2026, 6, 15))  # one log per salesperson and day
            self.env.flush_all()

    def test_head_comments_and_the_salesperson_cannot_edit_it(self):
        log = self._log(date(2026, 6, 15), outcome="Met the buyer")
        with freeze_time(NOW):
            log.with_user(self.salesperson).action_submit()
        with self.assertRaisesMessage(AccessError, "Department Head"):
            log.with_user(self.salesperson).action_comment("I agree with myself")
        wizard = (
            self.env["sale.work.log.comment.wizard"]
            .with_user(self.head)
            .create({"log_id": log.id, "body": "Follow the buyer up this week"})
        )
        wizard.action_comment()
        comment = log.comment_ids
        self.assertEqual(
            (comment.author_id, comment.body), (self.head, "Follow the buyer up this week")
        )
        self.assertEqual(log.comment_count, 1)
        self.assertEqual(log.with_user(self.salesperson).comment_ids.body, comment.body)
        for change in ({"body": "Well done"}, {"author_id": self.salesperson.id}):
            with self.assertRaises(AccessError):
                comment.with_user(self.salesperson).write(change)
        with self.assertRaises(AccessError):
            comment.with_user(self.salesperson).unlink()
        with self.assertRaises(AccessError):
            self.env["sale.work.log.comment"].with_user(self.salesperson).create(
                {"log_id": log.id, "author_id": self.head.id, "body": "Forged"}
            )
        with self.assertRaisesMessage(UserError, "Comments"):
            log.with_user(self.salesperson).write({"comment_ids": [(5, 0, 0)]})
        message = log.message_ids.filtered(lambda m: "Follow the buyer" in (m.body or ""))
        self.assertEqual(message.author_id, self.head.partner_id)
        with self.assertRaisesMessage(AccessError, "comment on it"):
            log.with_user(self.head).write({"outcome": "Head rewrote"})

    def test_cron_flags_late_drafts_and_opens_missing_logs_once(self):
        draft = self._log(date(2026, 6, 11))
        cron = self.env.ref("sales_dept_regulation.ir_cron_flag_late_work_logs")
        with freeze_time(datetime(2026, 6, 15, 3, 0)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.assertTrue(draft.is_late)
        logs = self.env["sale.work.log"].search([("user_id", "=", self.salesperson.id)])
        missing = logs.filtered("is_missing")
        # the working days of the week before: 8 to 12 June, the 11th written
        self.assertEqual(
            sorted(missing.mapped("date")),
            [date(2026, 6, 8), date(2026, 6, 9), date(2026, 6, 10), date(2026, 6, 12)],
        )
        self.assertTrue(all(missing.mapped("is_late")))
        with self.assertRaisesMessage(UserError, "deleted"):
            missing[0].with_user(self.salesperson).unlink()

    def test_weekly_review_figures_per_salesperson(self):
        planned = self._visit(self.customer, self.salesperson, date(2026, 6, 16))
        self._visit(self.customer, self.salesperson, date(2026, 6, 30))  # next week
        done = self._visit(self.customer, self.salesperson, date(2026, 6, 12))
        with freeze_time(datetime(2026, 6, 15, 3, 0)):
            done.with_user(self.salesperson).write({"feedback": "Done on Monday"})
            done.with_user(self.salesperson).action_sdr_visit_done()
        on_time = self._log(date(2026, 6, 15), call_count=4, outcome="Quotes")
        late = self._log(date(2026, 6, 16), call_count=2, outcome="Order")
        with freeze_time(datetime(2026, 6, 16, 1, 0)):
            on_time.with_user(self.salesperson).action_submit()
        with freeze_time(datetime(2026, 6, 18, 1, 0)):
            late.with_user(self.salesperson).action_submit()
        users = self.salesperson | self.other_salesperson
        figures = (
            self.env["sale.work.log"]
            .with_user(self.head)
            ._sdr_visit_figures(users, date(2026, 6, 15), date(2026, 6, 21))
        )
        self.assertTrue(planned.active)
        self.assertEqual(
            figures[self.salesperson.id],
            {"visits_planned": 1, "visits_done": 1, "calls": 6, "logs": 2, "logs_late": 1},
        )
        self.assertEqual(set(figures[self.other_salesperson.id].values()), {0})

    def test_weekly_review_shows_the_visits_section(self):
        done = self._visit(self.customer, self.salesperson, date(2026, 6, 16))
        with freeze_time(datetime(2026, 6, 16, 3, 0)):
            done.with_user(self.salesperson).write({"feedback": "Samples accepted"})
            done.with_user(self.salesperson).action_sdr_visit_done()
        with freeze_time(datetime(2026, 6, 17, 3, 0)):
            review = (
                self.env["sale.weekly.review"]
                .with_user(self.head)
                .create({"user_id": self.salesperson.id, "week_date": date(2026, 6, 17)})
            )
            section = next(s for s in review._review_sections() if s["key"] == "visits")
        self.assertEqual(dict(section["rows"])["Visits done this week"], "1")
        self.assertEqual(section["lines"][0][1:], [self.customer.name, "Samples accepted"])
