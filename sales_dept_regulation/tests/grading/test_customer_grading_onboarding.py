# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_grading import NOW, GradingCommon


@tagged("post_install", "-at_install")
class TestCustomerGradingOnboarding(GradingCommon):
    """A customer is graded the moment it is saved or its prospect information is
    recorded, not by the nightly job."""

    def _history(self, partner):
        return self.env["sale.customer.grade.history"].search(
            [("partner_id", "=", partner.id)], order="id"
        )

    def test_new_customer_is_a_graded_prospect_at_once(self):
        clerk = new_test_user(
            self.env,
            login="sdr_onboarding_clerk",
            groups="base.group_partner_manager,sales_dept_regulation.group_role_salesperson",
        )
        Partner = self.env["res.partner"].with_user(clerk)
        # as the Customers menu creates it: its context only marks it a customer
        plain = Partner.with_context(default_customer_rank=1, default_is_company=True).create(
            {"name": "Walk-in Co.", "user_id": self.salesperson.id}
        )
        self.assertEqual(plain.customer_stage, "potential")
        self.assertEqual(plain.customer_grade_id, self.prospect_c, "the catch-all grade")
        history = self._history(plain)
        self.assertEqual(len(history), 1)
        self.assertEqual(
            (history.old_stage, history.new_stage, history.new_grade_id, history.reason),
            (False, "potential", self.prospect_c, "New customer"),
        )
        promising = Partner.create(
            {
                "name": "Promising Co.",
                "is_company": True,
                "customer_rank": 1,
                "customer_expected_volume": 60000,
                "customer_interest_level": "high",
            }
        )
        self.assertEqual(promising.customer_grade_id, self.prospect_a)

    def test_contacts_and_non_customers_are_not_graded(self):
        Partner = self.env["res.partner"]
        supplier = Partner.create({"name": "Supplier Co.", "is_company": True})
        contact = Partner.create(
            {"name": "Mr Contact", "parent_id": self.customer.id, "customer_rank": 1}
        )
        self.assertFalse(supplier.customer_stage or supplier.customer_grade_id)
        self.assertFalse(contact.customer_stage or contact.customer_grade_id)
        self.assertFalse(self._history(supplier) | self._history(contact))
        # becoming a customer grades it
        supplier.customer_rank = 1
        self.assertEqual(
            (supplier.customer_stage, supplier.customer_grade_id),
            ("potential", self.prospect_c),
        )

    def test_recording_interest_regrades_at_once(self):
        customer = self.customer.with_user(self.salesperson)
        self.assertEqual(customer.customer_grade_id, self.prospect_c)
        customer.write({"customer_interest_level": "medium"})
        self.assertEqual(customer.customer_grade_id, self.prospect_b)
        customer.write({"customer_expected_volume": 50000, "customer_interest_level": "high"})
        self.assertEqual(customer.customer_grade_id, self.prospect_a)
        last = self._history(customer)[-1]
        self.assertEqual(
            (last.old_grade_id, last.new_grade_id, last.reason),
            (self.prospect_b, self.prospect_a, "Customer information recorded"),
        )
        # a locked grade stays: the lock is the managers' decision
        customer.with_user(self.role_users["department_head"])._lock_customer_grade(
            self.prospect_c, "Budget frozen"
        )
        customer.write({"customer_interest_level": "medium"})
        self.assertEqual(customer.customer_grade_id, self.prospect_c)

    def test_another_salesperson_cannot_record_interest(self):
        other = self.env["res.users"].create(
            {
                "name": "Other seller",
                "login": "sdr_other_seller",
                "group_ids": [(6, 0, [self.roles["salesperson"].id])],
            }
        )
        with self.assertRaisesRegex(AccessError, "your own customers"):
            self.customer.with_user(other).write({"customer_interest_level": "high"})
        self.assertFalse(self.customer.customer_interest_level)
        self.assertEqual(self.customer.customer_grade_id, self.prospect_c)

    def test_batch_costs_the_same_number_of_queries_whatever_its_size(self):
        """The grading of a batch of new customers runs a fixed number of queries:
        the extra queries of 40 customers are those of 5."""

        def queries(count, customer_rank):
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            self.env["res.partner"].create(
                [
                    {"name": f"Batch {customer_rank} {i}", "is_company": True}
                    | ({"customer_rank": customer_rank} if customer_rank else {})
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        # warm the caches (scales, company rules, ir.model) first
        queries(2, 1)
        extra_small = queries(5, 1) - queries(5, 0)
        extra_large = queries(40, 1) - queries(40, 0)
        self.assertEqual(extra_large, extra_small)
        self.assertLess(extra_small, 20)
        graded = self.env["res.partner"].search([("name", "=like", "Batch 1 %")])
        self.assertEqual(len(graded), 47)
        self.assertEqual(set(graded.mapped("customer_grade_id")), {self.prospect_c})

    def test_display_name_tells_the_scales_apart(self):
        self.assertEqual(self.prospect_a.display_name, "Prospect PA")
        self.assertEqual(self.formal_a.display_name, "Formal FA")

    def test_winning_an_order_says_the_scale_changed(self):
        self._confirmed_order(self.customer, 2000, NOW)
        last = self._history(self.customer)[-1]
        self.assertEqual((last.old_grade_id, last.new_grade_id), (self.prospect_c, self.formal_b))
        self.assertTrue(last.scale_changed)
        self.assertFalse(self._history(self.customer)[0].scale_changed)

    def test_visits_due_and_log_a_visit_in_one_step(self):
        customer = self._customer("Due Co.", customer_interest_level="medium")
        self.assertEqual(customer.customer_grade_id, self.prospect_b)
        Partner = self.env["res.partner"].with_user(self.salesperson)
        with freeze_time(NOW):
            due = Partner.search([("customer_visit_due", "=", True)])
            self.assertIn(customer, due, "never visited: due")
            self.assertEqual(
                due, Partner.search([("customer_visit_due", "=", True)] + [("id", "in", due.ids)])
            )
            customer.with_user(self.salesperson).action_log_customer_visit()
            self.assertEqual(customer.customer_last_visit_date, fields.Date.to_date(NOW))
            self.assertFalse(customer.customer_visit_due)
            self.assertNotIn(customer, Partner.search([("customer_visit_due", "=", True)]))
            self.assertIn(customer, Partner.search([("customer_visit_due", "=", False)]))
        visit_type = self.env.ref("sales_dept_regulation.mail_activity_type_customer_visit")
        done = customer.message_ids.filtered(lambda m: m.mail_activity_type_id == visit_type)
        self.assertEqual(len(done), 1, "the visit is recorded as a done activity")
        self.assertFalse(customer.activity_ids)

    def test_log_a_visit_with_its_summary(self):
        customer = self._customer("Noted Co.", customer_interest_level="medium")
        action = customer.with_user(self.salesperson).action_open_customer_visit_log()
        Wizard = (
            self.env[action["res_model"]]
            .with_user(self.salesperson)
            .with_context(**action["context"])
        )
        with freeze_time(NOW):
            with self.assertRaisesRegex(UserError, "summary of the visit"):
                Wizard.create({"note": "   "}).action_log_visit()
            summary = "  Met the buyer; wants 200 samples in May.  "
            Wizard.create({"note": summary}).action_log_visit()
        self.assertEqual(customer.customer_last_visit_date, fields.Date.to_date(NOW))
        visit_type = self.env.ref("sales_dept_regulation.mail_activity_type_customer_visit")
        done = customer.message_ids.filtered(lambda m: m.mail_activity_type_id == visit_type)
        self.assertEqual(len(done), 1)
        self.assertIn("Met the buyer; wants 200 samples in May.", done.body)
        # the summary is no way round the owner check
        other = self._customer("Not hers", user_id=False)
        with self.assertRaisesRegex(AccessError, "your own customers"):
            Wizard.create({"partner_ids": other.ids, "note": "x"}).action_log_visit()

    def test_log_a_visit_of_someone_elses_customer_is_refused(self):
        telemarketer = self.role_users["telemarketer"]
        with self.assertRaisesRegex(AccessError, "your own customers"):
            self.customer.with_user(telemarketer).action_log_customer_visit()
        self.assertFalse(self.customer.customer_last_visit_date)
        self.assertFalse(self.customer.message_ids.mail_activity_type_id)
