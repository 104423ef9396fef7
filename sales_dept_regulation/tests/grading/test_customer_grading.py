# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
from datetime import timedelta

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_grading import NOW, GradingCommon


@tagged("post_install", "-at_install")
class TestCustomerGrading(GradingCommon):
    def _history(self, partner):
        return self.env["sale.customer.grade.history"].search(
            [("partner_id", "=", partner.id)], order="id"
        )

    # ---- prospects ------------------------------------------------------

    def test_prospect_criteria_boundaries(self):
        """Exactly the expected volume and interest level: A; one unit below: B."""
        at_threshold = self._customer(
            "At threshold", customer_expected_volume=50000, customer_interest_level="high"
        )
        below_volume = self._customer(
            "Below volume", customer_expected_volume=49999, customer_interest_level="high"
        )
        below_interest = self._customer(
            "Below interest", customer_expected_volume=90000, customer_interest_level="medium"
        )
        no_interest = self._customer("No interest", customer_interest_level="low")
        partners = at_threshold | below_volume | below_interest | no_interest
        self._regrade(partners)
        self.assertEqual(set(partners.mapped("customer_stage")), {"potential"})
        self.assertEqual(at_threshold.customer_grade_id, self.prospect_a)
        self.assertEqual(below_volume.customer_grade_id, self.prospect_b)
        self.assertEqual(below_interest.customer_grade_id, self.prospect_b)
        # the last grade of the scale takes everything else
        self.assertEqual(no_interest.customer_grade_id, self.prospect_c)

    # ---- formal customers -----------------------------------------------

    def test_formal_amount_and_count_boundaries(self):
        exactly = self._customer("Exactly A")
        cent_below = self._customer("A cent below")
        too_few = self._customer("Two orders")
        for amount in (4000, 3000, 3000):
            self._confirmed_order(exactly, amount, NOW - timedelta(days=30))
        for amount in (4000, 3000, 2999.99):
            self._confirmed_order(cent_below, amount, NOW - timedelta(days=30))
        for amount in (5000, 5000):
            self._confirmed_order(too_few, amount, NOW - timedelta(days=30))
        partners = exactly | cent_below | too_few
        self._regrade(partners)
        self.assertEqual(set(partners.mapped("customer_stage")), {"formal"})
        self.assertEqual(exactly.customer_grade_id, self.formal_a)
        self.assertEqual(cent_below.customer_grade_id, self.formal_b)
        self.assertEqual(too_few.customer_grade_id, self.formal_b)

    def test_orders_of_contacts_count_and_window_is_twelve_months(self):
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        self._confirmed_order(contact, 9000, NOW - timedelta(days=100))
        self._confirmed_order(self.customer, 500, NOW - timedelta(days=10))
        self._confirmed_order(self.customer, 500, NOW - timedelta(days=10))
        # older than twelve months: does not count towards the amount or count
        self._confirmed_order(self.customer, 50000, NOW - timedelta(days=370))
        self._regrade(self.customer)
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self.assertEqual(contact.commercial_customer_grade_id, self.formal_a)
        self.assertEqual(contact.commercial_customer_stage, "formal")
        # 270 days later the contact's order has left the window: 1000 in 2 orders
        self._regrade(self.customer, NOW + timedelta(days=270))
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)

    def test_confirmation_makes_a_prospect_formal_at_once(self):
        self._regrade(self.customer)
        self.assertEqual(self.customer.customer_stage, "potential")
        order = self._confirmed_order(self.customer, 1500, NOW)
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.customer.customer_stage, "formal")
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)
        last = self._history(self.customer)[-1]
        self.assertEqual(
            (last.old_stage, last.new_stage, last.old_grade_id, last.new_grade_id),
            ("potential", "formal", self.prospect_c, self.formal_b),
        )
        self.assertEqual(last.change_type, "automatic")
        self.assertFalse(last.user_id)
        self.assertEqual(last.changed_by, "Automatic")

    def test_confirmations_advance_the_figures_as_a_recount_would(self):
        """Confirmations of the day add to the stored figures; a full recount
        finds the same figures and grade."""
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        self._confirmed_order(self.customer, 4000, NOW - timedelta(days=40))
        self._regrade(self.customer)
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)
        self._confirmed_order(contact, 3000, NOW)
        self._confirmed_order(self.customer, 3000, NOW)
        figures = (
            self.customer.customer_last_order_date,
            self.customer.customer_sales_12m,
            self.customer.customer_orders_12m,
        )
        self.assertEqual(figures, (NOW.date(), 10000, 3))
        self.assertEqual(contact.customer_sales_12m, 10000)
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self._regrade(self.customer)
        self.assertEqual(
            (
                self.customer.customer_last_order_date,
                self.customer.customer_sales_12m,
                self.customer.customer_orders_12m,
            ),
            figures,
        )
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)

    def test_a_confirmation_recounts_figures_older_than_a_day(self):
        """Without a recount since, a big order of last year does not count: the
        grade at once, the figures once the fold job stored the recount."""
        self._confirmed_order(self.customer, 50000, NOW - timedelta(days=370))
        self._confirmed_order(self.customer, 500, NOW - timedelta(days=370))
        self._confirmed_order(self.customer, 500, NOW - timedelta(days=370))
        self._fold(NOW - timedelta(days=370))
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self._confirmed_order(self.customer, 500, NOW)
        self.assertEqual(self.customer.customer_grade_id, self.formal_c)
        self._fold()
        self.assertEqual(self.customer.customer_sales_12m, 500)
        self.assertEqual(self.customer.customer_orders_12m, 1)
        self.assertEqual(self.customer.customer_grade_id, self.formal_c)

    def test_a_cancelled_order_leaves_the_figures_at_once(self):
        orders = [self._confirmed_order(self.customer, 4000, NOW) for _ in range(3)]
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        with freeze_time(NOW):
            orders[0]._action_cancel()
        self.assertEqual(self.customer.customer_orders_12m, 2)
        self.assertEqual(self.customer.customer_sales_12m, 8000)
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)

    # ---- lost customers -------------------------------------------------

    def test_lost_after_threshold_win_back_and_formal_again(self):
        self._confirmed_order(self.customer, 1500, NOW)
        self._regrade(self.customer, NOW + timedelta(days=365))
        self.assertEqual(self.customer.customer_stage, "formal")
        self.assertFalse(self.customer.activity_ids)
        self._regrade(self.customer, NOW + timedelta(days=366))
        self.assertEqual(self.customer.customer_stage, "lost")
        self.assertEqual(self.customer.customer_grade_id, self.formal_c)
        win_back = self.env.ref("sales_dept_regulation.mail_activity_type_customer_win_back")
        self.assertEqual(self.customer.activity_ids.activity_type_id, win_back)
        self.assertEqual(self.customer.activity_ids.user_id, self.salesperson)
        # a second nightly run changes nothing and adds no activity
        history_count = len(self._history(self.customer))
        self._regrade(self.customer, NOW + timedelta(days=367))
        self.assertEqual(len(self.customer.activity_ids), 1)
        self.assertEqual(len(self._history(self.customer)), history_count)
        # ordering again makes the lost customer formal
        self._confirmed_order(self.customer, 1500, NOW + timedelta(days=400))
        self.assertEqual(self.customer.customer_stage, "formal")
        last = self._history(self.customer)[-1]
        self.assertEqual((last.old_stage, last.new_stage), ("lost", "formal"))

    def test_lost_threshold_is_a_company_setting(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.customer_lost_threshold_days = 30
        self.assertEqual(self.company.customer_lost_threshold_days, 30)
        self._confirmed_order(self.customer, 1500, NOW)
        self._regrade(self.customer, NOW + timedelta(days=31))
        self.assertEqual(self.customer.customer_stage, "lost")

    # ---- lock ---------------------------------------------------------

    def test_lock_and_unlock(self):
        head = self.role_users["department_head"]
        self._confirmed_order(self.customer, 1500, NOW)
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)
        action = self.customer.with_user(head).action_open_customer_grade_lock()
        with Form(
            self.env[action["res_model"]].with_user(head).with_context(**action["context"])
        ) as wizard:
            wizard.grade_id = self.formal_a
            wizard.reason = "Strategic account"
        wizard.record.action_lock()
        self.assertTrue(self.customer.customer_grade_locked)
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        lock_row = self._history(self.customer)[-1]
        self.assertEqual(lock_row.change_type, "lock")
        self.assertEqual(lock_row.user_id, head)
        self.assertEqual(lock_row.reason, "Strategic account")
        self.assertEqual(
            (lock_row.old_grade_id, lock_row.new_grade_id), (self.formal_b, self.formal_a)
        )
        # not recomputed while locked; the stage still moves
        self._regrade(self.customer, NOW + timedelta(days=400))
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self.assertEqual(self.customer.customer_stage, "lost")
        with freeze_time(NOW + timedelta(days=400)):
            self.customer.with_user(head).action_unlock_customer_grade()
        self.assertFalse(self.customer.customer_grade_locked)
        self.assertEqual(self.customer.customer_grade_id, self.formal_c)
        unlock_row, regrade_row = self._history(self.customer)[-2:]
        self.assertEqual((unlock_row.change_type, unlock_row.user_id), ("unlock", head))
        self.assertEqual(regrade_row.new_grade_id, self.formal_c)

    def test_confirmation_keeps_a_locked_grade_and_writes_no_history_without_change(self):
        self._confirmed_order(self.customer, 1500, NOW)
        self.customer._lock_customer_grade(self.formal_c, "Pays late")
        rows = len(self._history(self.customer))
        # enough for grade B, but the grade is locked: only the figures move
        self._confirmed_order(self.customer, 20000, NOW)
        self.assertEqual(self.customer.customer_grade_id, self.formal_c)
        self.assertEqual(self.customer.customer_sales_12m, 21500)
        self.assertEqual(self.customer.customer_stage, "formal")
        self.assertEqual(len(self._history(self.customer)), rows)
        with freeze_time(NOW):
            self.customer.action_unlock_customer_grade()
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)
        # the third order reaches grade A at once; a fourth changes nothing, no row
        rows = len(self._history(self.customer))
        self._confirmed_order(self.customer, 100, NOW)
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self.assertEqual(len(self._history(self.customer)), rows + 1)
        self._confirmed_order(self.customer, 100, NOW)
        self.assertEqual(self.customer.customer_orders_12m, 4)
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self.assertEqual(len(self._history(self.customer)), rows + 1)

    def test_locked_grade_follows_the_stage_to_the_same_rank(self):
        """A prospect locked at A becomes a formal A at its first order (not a
        prospect grade on a formal customer), stays locked, and a fee rule finds
        its cell; back to the prospect scale it would be a prospect A again."""
        prospect = self._customer("Locked Prospect Co.")
        self.assertEqual(prospect.customer_stage, "potential")
        prospect._lock_customer_grade(self.prospect_a, "Strategic prospect")
        self.assertEqual(prospect.customer_grade_id, self.prospect_a)
        # the order alone would make it formal B; the lock keeps the rank A
        self._confirmed_order(prospect, 1500, NOW)
        self.assertEqual(prospect.customer_stage, "formal")
        self.assertEqual(prospect.customer_grade_id, self.formal_a)
        self.assertTrue(prospect.customer_grade_locked)
        row = self._history(prospect)[-1]
        self.assertEqual((row.old_grade_id, row.new_grade_id), (self.prospect_a, self.formal_a))
        self.assertEqual((row.old_stage, row.new_stage), ("potential", "formal"))
        # the nightly regrade agrees with the confirmation: nothing more to change
        rows = len(self._history(prospect))
        self._regrade(prospect)
        self.assertEqual(prospect.customer_grade_id, self.formal_a)
        self.assertEqual(len(self._history(prospect)), rows)
        # lost keeps the formal scale, so the locked formal A stays
        self._regrade(prospect, NOW + timedelta(days=400))
        self.assertEqual(prospect.customer_stage, "lost")
        self.assertEqual(prospect.customer_grade_id, self.formal_a)

    def test_locked_grade_on_a_shorter_scale_takes_its_last_grade(self):
        """A locked rank the other scale has not reached takes that scale's last
        grade; an archived locked grade stays as it was locked."""
        self.formal_c.active = False  # the formal scale has A and B only now
        prospect = self._customer("Locked C Prospect Co.")
        prospect._lock_customer_grade(self.prospect_c, "Slow to decide")
        self._confirmed_order(prospect, 1500, NOW)
        self.assertEqual(prospect.customer_grade_id, self.formal_b)
        other = self._customer("Archived Lock Co.")
        other._lock_customer_grade(self.prospect_b, "Old agreement")
        self.prospect_b.active = False
        self._confirmed_order(other, 1500, NOW)
        self.assertEqual(other.customer_stage, "formal")
        self.assertEqual(other.customer_grade_id, self.prospect_b)

    def test_lock_needs_a_reason(self):
        wizard = Form(
            self.env["sale.customer.grade.lock"].with_context(default_partner_id=self.customer.id)
        )
        wizard.grade_id = self.formal_a
        with self.assertRaisesMessage(AssertionError, "reason is a required field"):
            wizard.save()

    # ---- visits -------------------------------------------------------

    def test_visits_scheduled_once_and_done_visit_moves_next_due(self):
        a_prospect = self._customer(
            "A prospect", customer_expected_volume=60000, customer_interest_level="high"
        )
        b_prospect = self._customer("B prospect", customer_interest_level="medium")
        no_cadence = self._customer("No cadence")
        partners = a_prospect | b_prospect | no_cadence
        self._regrade(partners)
        self.assertEqual(no_cadence.customer_grade_id, self.prospect_c)
        visit = self.env.ref("sales_dept_regulation.mail_activity_type_customer_visit")
        with freeze_time(NOW):
            due = self.env["res.partner"]._get_customers_due_for_visit()
            # A-grade prospects first
            self.assertEqual(due.filtered(lambda p: p in partners), a_prospect | b_prospect)
            self.assertEqual(due.filtered(lambda p: p in partners)[0], a_prospect)
            due._schedule_customer_visits()
            due._schedule_customer_visits()
        activities = a_prospect.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.activity_type_id, visit)
        self.assertEqual(activities.user_id, self.salesperson)
        self.assertEqual(len(b_prospect.activity_ids), 1)
        self.assertFalse(no_cadence.activity_ids)
        with freeze_time(NOW):
            activities.with_user(self.salesperson).action_feedback(feedback="Met the buyer")
            self.assertEqual(a_prospect.customer_last_visit_date, NOW.date())
            self.assertEqual(a_prospect.customer_next_visit_date, NOW.date() + timedelta(days=14))
            self.assertNotIn(a_prospect, self.env["res.partner"]._get_customers_due_for_visit())
        with freeze_time(NOW + timedelta(days=14)):
            self.assertIn(a_prospect, self.env["res.partner"]._get_customers_due_for_visit())

    # ---- multi-company --------------------------------------------------

    def test_multi_company_isolation(self):
        other = self.env["res.company"].create({"name": "Other Grading Co."})
        other_grade_a, other_grade_b = self.env["sale.customer.grade"].create(
            [
                {
                    "name": "OA",
                    "customer_stage": "formal",
                    "sequence": 1,
                    "min_sales_amount": 100,
                    "company_id": other.id,
                    "regular_visits": False,
                },
                {
                    "name": "OB",
                    "customer_stage": "formal",
                    "sequence": 2,
                    "company_id": other.id,
                    "regular_visits": False,
                },
            ]
        )
        other_prospect = self.env["sale.customer.grade"].create(
            {
                "name": "OP",
                "customer_stage": "potential",
                "company_id": other.id,
                "regular_visits": False,
            }
        )
        other_customer = self._customer("Other's customer", company_id=other.id)
        # orders of another company do not make our customer formal
        self._confirmed_order(other_customer, 5000, NOW, company=other)
        self.assertEqual(other_customer.customer_stage, "formal")
        self.assertEqual(other_customer.customer_grade_id, other_grade_a)
        shared = self._customer("Shared customer")
        self._confirmed_order(shared, 5000, NOW, company=other)
        self._regrade(shared)
        self.assertEqual(shared.customer_stage, "potential")
        self.assertNotEqual(shared.customer_grade_id, other_prospect)
        # a user of our company does not see the other company's grades
        visible = (
            self.env["sale.customer.grade"]
            .with_user(self.salesperson)
            .search([("id", "in", (other_grade_a | other_grade_b).ids)])
        )
        self.assertFalse(visible)

    # ---- misc -----------------------------------------------------------

    def test_used_grade_and_history_cannot_be_deleted(self):
        self._regrade(self.customer)
        with self.assertRaisesMessage(
            UserError, "A grade given to customers cannot be deleted: archive it instead"
        ):
            self.customer.customer_grade_id.unlink()
        with self.assertRaisesMessage(
            UserError, "The grade history of a customer cannot be deleted"
        ):
            self._history(self.customer).unlink()

    def test_manager_button_regrades_everyone(self):
        self._confirmed_order(self.customer, 1500, NOW)
        # as left by a grading that never ran
        self.customer._grading_engine().write({"customer_stage": False, "customer_grade_id": False})
        head = self.role_users["department_head"]
        with freeze_time(NOW):
            action = self.env["res.partner"].with_user(head).action_recompute_customer_grades()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.customer.customer_stage, "formal")

    def test_xlsx_export_by_stage_and_grade(self):
        prospect = self._customer("Prospect for export", customer_interest_level="medium")
        self._confirmed_order(self.customer, 1500, NOW)
        self._regrade(prospect | self.customer)
        content, report_format = self.env["ir.actions.report"]._render_xlsx(
            "sales_dept_regulation.action_report_customer_grading_xlsx",
            (prospect | self.customer).ids,
            None,
        )
        self.assertEqual(report_format, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        summary, customers = book.worksheets
        rows = list(customers.iter_rows(min_row=2, values_only=True))
        self.assertEqual([row[0] for row in rows], [prospect.name, self.customer.name])
        self.assertEqual([row[2] for row in rows], ["PB", "FB"])
        self.assertEqual(
            sorted(row[1:] for row in summary.iter_rows(min_row=2, values_only=True)),
            [("FB", 1), ("PB", 1)],
        )

    # ---- nightly jobs -------------------------------------------------

    def test_nightly_jobs_mark_lost_and_schedule_visits_once(self):
        self._confirmed_order(self.customer, 1500, NOW)
        grades_cron = self.env.ref("sales_dept_regulation.ir_cron_recompute_customer_grades")
        visits_cron = self.env.ref("sales_dept_regulation.ir_cron_schedule_customer_visits")
        visit = self.env.ref("sales_dept_regulation.mail_activity_type_customer_visit")
        win_back = self.env.ref("sales_dept_regulation.mail_activity_type_customer_win_back")
        with freeze_time(NOW + timedelta(days=1)), self.enter_registry_test_mode():
            visits_cron.method_direct_trigger()
            visits_cron.method_direct_trigger()
        self.assertEqual(self.customer.activity_ids.activity_type_id, visit)
        self.assertEqual(len(self.customer.activity_ids), 1)
        with freeze_time(NOW + timedelta(days=366)), self.enter_registry_test_mode():
            grades_cron.method_direct_trigger()
        self.assertEqual(self.customer.customer_stage, "lost")
        self.assertEqual(self.customer.activity_ids.activity_type_id, visit | win_back)
