# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .visit_common import NOW, VisitCommon


@tagged("post_install", "-at_install")
class TestVisitAutomatic(VisitCommon):
    def _reviews(self, partner, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", partner.id),
                    ("activity_type_id", "=", self.review_type.id),
                    ("active", "=", active),
                ]
            )
        )

    def test_prospect_review_every_six_months_never_twice_while_open(self):
        self.assertEqual(self.customer.customer_stage, "potential")
        formal = self._customer("Formal customer")
        self._confirmed_order(formal, 2000, NOW)
        self._regrade(formal)
        self.assertEqual(formal.customer_stage, "formal")
        created = self.customer.create_date.date()
        cron = self.env.ref("sales_dept_regulation.ir_cron_schedule_prospect_reviews")
        with freeze_time(NOW), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        review = self._reviews(self.customer)
        self.assertEqual(len(review), 1)
        self.assertEqual(review.user_id, self.salesperson)
        self.assertEqual(review.date_deadline, created + relativedelta(months=6))
        self.assertGreaterEqual(review.date_deadline, NOW.date())
        self.assertFalse(self._reviews(formal))
        # done on 20 June: the next one falls due six months later
        with freeze_time(datetime(2026, 6, 20, 4, 0)):
            review.action_feedback(feedback="Still interested")
            self.env.flush_all()  # the done date is computed when stored
        with freeze_time(datetime(2026, 6, 21, 4, 0)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        following = self._reviews(self.customer)
        self.assertEqual(len(following), 1)
        self.assertEqual(following.date_deadline, date(2026, 12, 20))

    def _new_product(self, name, launch):
        return self.env["product.product"].create(
            {"name": name, "list_price": 10.0, "taxes_id": False, "sdr_launch_date": launch}
        )

    def _order(self, partner, products):
        return self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 1, "tax_ids": False})
                    for p in products
                ],
            }
        )

    def test_first_sale_of_a_new_product_schedules_one_visit_by_grade(self):
        new = self._new_product("New syringe", date(2026, 5, 1))
        old = self._new_product("Old syringe", date(2024, 1, 1))
        second = self._customer("Second customer")  # no regular visits: company default
        self.env.company.sdr_new_product_visit_days = 5
        orders = (
            self._order(self.customer, [new, old])
            | self._order(self.customer, [new])
            | self._order(second, [old])
        )
        with freeze_time(NOW):
            orders.action_confirm()
        visits = self._visits(self.customer)
        self.assertEqual(len(visits), 1)
        self.assertIn("New syringe", visits.summary)
        self.assertNotIn("Old syringe", visits.summary)
        # an A prospect: visited every 14 days
        self.assertEqual(visits.date_deadline, date(2026, 6, 29))
        self.assertEqual(visits.user_id, self.salesperson)
        self.assertFalse(self._visits(second))
        # the same product again: not a first sale
        with freeze_time(NOW):
            self._order(self.customer, [new]).action_confirm()
            self._order(second, [new]).action_confirm()
        self.assertEqual(self._visits(self.customer), visits)
        self.assertEqual(self._visits(second).date_deadline, date(2026, 6, 20))

    def test_first_sale_detection_is_one_query_per_batch(self):
        new = self._new_product("New catheter", date(2026, 5, 1))
        customers = [self._customer(f"Batch customer {n}") for n in range(6)]
        orders = self.env["sale.order"].concat(*(self._order(c, [new]) for c in customers))
        small = orders[:2]
        large = orders[2:]
        with freeze_time(NOW):
            for batch in (small, large):  # what the confirmation read already
                batch.mapped("order_line.product_template_id.sdr_launch_date")
                batch.mapped("partner_id.commercial_partner_id")
                batch.mapped("company_id.sdr_new_product_months")
            queries = self.cr.sql_log_count
            small_sales = small._sdr_first_sales()
            small_cost = self.cr.sql_log_count - queries
            queries = self.cr.sql_log_count
            large_sales = large._sdr_first_sales()
            large_cost = self.cr.sql_log_count - queries
        # the read_group, and the templates of the products it found
        self.assertLessEqual(small_cost, 2)
        self.assertLessEqual(large_cost, small_cost)
        self.assertEqual(len(small_sales), 2)
        self.assertEqual(len(large_sales), 4)
