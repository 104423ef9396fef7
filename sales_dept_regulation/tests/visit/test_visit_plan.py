# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .visit_common import NOW, VisitCommon


@tagged("post_install", "-at_install")
class TestVisitPlan(VisitCommon):
    def _wizard(self, user, period, day):
        with freeze_time(NOW):
            form = Form(self.env["sale.visit.plan.wizard"].with_user(user))
            form.period = period
            form.date = day
            return form

    def test_proposals_are_her_customers_due_in_the_period(self):
        self.assertEqual(self.customer.customer_next_visit_date, date(2026, 6, 24))
        others = self._customer("Other's customer", user_id=self.other_salesperson.id)
        others.customer_last_visit_date = date(2026, 6, 10)
        # the week of 15 June: not yet due
        wizard = self._wizard(self.salesperson, "week", date(2026, 6, 16)).save()
        self.assertFalse(wizard.line_ids)
        # the week of 22 June: due on Wednesday 24th
        wizard = self._wizard(self.salesperson, "week", date(2026, 6, 23)).save()
        self.assertEqual(
            [(line.partner_id, line.date, line.proposed) for line in wizard.line_ids],
            [(self.customer, date(2026, 6, 24), True)],
        )
        # the month: the same customer, planned on its due day
        wizard = self._wizard(self.salesperson, "month", date(2026, 6, 1)).save()
        self.assertEqual(wizard.line_ids.partner_id, self.customer)

    def test_batch_creation_moves_an_open_visit_rather_than_doubling_it(self):
        second = self._customer("Second customer")
        already = self._visit(self.customer, self.salesperson, date(2026, 6, 20))
        form = self._wizard(self.salesperson, "week", date(2026, 6, 23))
        with form.line_ids.new() as line:
            line.partner_id = second
            line.date = date(2026, 6, 25)
            line.note = "Bring samples"
        wizard = form.save()
        with freeze_time(NOW):
            action = wizard.action_plan()
        self.assertEqual(self._visits(self.customer), already)
        self.assertEqual(already.date_deadline, date(2026, 6, 24))
        new = self._visits(second)
        self.assertEqual(
            (new.user_id, new.date_deadline, new.summary),
            (self.salesperson, date(2026, 6, 25), "Bring samples"),
        )
        self.assertEqual(self.env["mail.activity"].search(action["domain"]), already | new)

    def test_plan_refuses_other_customers_and_days_outside_the_period(self):
        others = self._customer("Other's customer", user_id=self.other_salesperson.id)
        wizard = self.env["sale.visit.plan.wizard"].with_user(self.salesperson)
        with freeze_time(NOW):
            outside = wizard.create(
                {
                    "period": "week",
                    "date": date(2026, 6, 16),
                    "line_ids": [
                        (0, 0, {"partner_id": self.customer.id, "date": date(2026, 6, 30)})
                    ],
                }
            )
            with self.assertRaisesMessage(UserError, "outside the period"):
                outside.action_plan()
            foreign = wizard.sudo().create(
                {
                    "user_id": self.salesperson.id,
                    "period": "week",
                    "date": date(2026, 6, 16),
                    "line_ids": [(0, 0, {"partner_id": others.id, "date": date(2026, 6, 17)})],
                }
            )
            with self.assertRaisesMessage(AccessError, "own customers"):
                foreign.with_user(self.salesperson).action_plan()
        self.assertFalse(self._visits(others))

    def test_done_visit_needs_an_outcome_and_counts_on_her_day(self):
        visit = self._visit(self.customer, self.salesperson, date(2026, 6, 16))
        with self.assertRaisesMessage(UserError, "outcome"):
            visit.with_user(self.salesperson).action_sdr_visit_done()
        # 17:30 UTC on the 15th is 01:30 on the 16th in Shanghai
        with freeze_time(datetime(2026, 6, 15, 17, 30)):
            visit.with_user(self.salesperson).write({"feedback": "Order promised"})
            visit.with_user(self.salesperson).action_sdr_visit_done()
            visit.with_user(self.salesperson).action_sdr_visit_done()  # counted once
        self.assertFalse(visit.active)
        self.assertEqual(visit.sdr_visit_done_date, date(2026, 6, 16))
        self.assertEqual(visit.feedback, "Order promised")
        self.assertEqual(self._visits(self.customer, active=False), visit)
        self.assertEqual(self.customer.customer_last_visit_date, date(2026, 6, 16))
        with self.assertRaisesMessage(UserError, "Visit Done On"):
            visit.with_user(self.salesperson).write({"sdr_visit_done_date": date(2026, 6, 1)})
        with self.assertRaisesMessage(UserError, "Visit Done On"):
            self._visit(self.customer, self.salesperson, date(2026, 6, 16)).with_user(
                self.salesperson
            ).copy({"sdr_visit_done_date": date(2026, 6, 1)})
