# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_grading import NOW, GradingCommon

FOLD_CRON = "sales_dept_regulation.ir_cron_fold_customer_order_figures"


@tagged("post_install", "-at_install")
class TestCustomerOrderFigures(GradingCommon):
    """A confirmation appends its order to the customer's figures; the fold job
    puts them back in one counted row after the commit."""

    def _rows(self, partner):
        """The customer's rows of figures: (ctid, xmax, counted date, last order
        date, amount, orders), its counted row first. The ctid changes when a row
        is updated, xmax when a transaction locks or updates it."""
        self.env.cr.execute(
            """
            SELECT ctid::text, xmax::text::bigint, counted_date, last_order_date,
                   sales_12m, orders_12m
              FROM sale_customer_order_stats
             WHERE partner_id = %s
             ORDER BY counted_date IS NULL, id
            """,
            [partner.id],
        )
        return self.env.cr.fetchall()

    def _history(self, partner):
        return self.env["sale.customer.grade.history"].search(
            [("partner_id", "=", partner.id)], order="id"
        )

    def _fold_triggers(self):
        return self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.env.ref(FOLD_CRON).id)]
        )

    def test_a_confirmation_neither_writes_nor_locks_the_counted_row(self):
        self._confirmed_order(self.customer, 4000, NOW - timedelta(days=40))
        self._fold()
        (counted,) = self._rows(self.customer)
        self.assertEqual(counted[2:], (NOW.date(), NOW.date() - timedelta(days=40), 4000, 1))
        self.assertEqual(counted[1], 0)
        triggers = self._fold_triggers()
        self._confirmed_order(self.customer, 3000, NOW)
        self._confirmed_order(self.customer, 3000, NOW)
        rows = self._rows(self.customer)
        # the counted row as it was, unlocked; one row appended per confirmation
        self.assertEqual(rows[0], counted)
        self.assertEqual(
            [row[2:] for row in rows[1:]],
            [(None, NOW.date(), 3000, 1), (None, NOW.date(), 3000, 1)],
        )
        # each confirmation triggers the fold
        self.assertEqual(self._fold_triggers(), triggers + 2)
        # the grade and the figures shown at once
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self.assertEqual(
            (
                self.customer.customer_last_order_date,
                self.customer.customer_sales_12m,
                self.customer.customer_orders_12m,
            ),
            (NOW.date(), 10000, 3),
        )
        # the fold: one counted row again, with the figures a recount finds
        self._fold()
        (folded,) = self._rows(self.customer)
        self.assertEqual(folded[2:], (NOW.date(), NOW.date(), 10000, 3))
        self.assertEqual(self.customer.customer_sales_12m, 10000)
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        # a recount with nothing new writes nothing
        self._regrade(self.customer)
        self.assertEqual(self._rows(self.customer)[0][0], folded[0])

    def test_a_customer_not_recounted_today_triggers_the_fold(self):
        """The first order of a customer (no counted row) is graded from a
        recount at once and the fold job is triggered to store it; the nightly
        recount folds what was appended as well."""
        triggers = self._fold_triggers()
        self._confirmed_order(self.customer, 1500, NOW)
        self.assertEqual(self._fold_triggers(), triggers + 1)
        self.assertEqual(self.customer.customer_stage, "formal")
        self.assertEqual(self.customer.customer_grade_id, self.formal_b)
        self.assertEqual(
            [row[2:] for row in self._rows(self.customer)], [(None, NOW.date(), 1500, 1)]
        )
        self._regrade(self.customer, NOW + timedelta(days=1))
        self.assertEqual(
            [row[2:] for row in self._rows(self.customer)],
            [(NOW.date() + timedelta(days=1), NOW.date(), 1500, 1)],
        )

    def test_a_cancelled_order_leaves_the_appended_figures(self):
        """A cancellation recounts: the rows appended are replaced by the count."""
        self._confirmed_order(self.customer, 4000, NOW)
        self._fold()
        order = self._confirmed_order(self.customer, 4000, NOW)
        self.assertEqual(len(self._rows(self.customer)), 2)
        with freeze_time(NOW):
            order._action_cancel()
        self.assertEqual(
            [row[2:] for row in self._rows(self.customer)], [(NOW.date(), NOW.date(), 4000, 1)]
        )
        self.assertEqual(self.customer.customer_sales_12m, 4000)

    def test_the_fold_regrades_with_the_orders_confirmed_at_the_same_time(self):
        """Two confirmations at once for one customer each grade it without the
        other's order (neither sees the other's uncommitted row): the fold job
        each of them triggers regrades it with both after their commits. Here the
        grade the second one would have missed is written back first."""
        for _ in range(3):
            self._confirmed_order(self.customer, 4000, NOW)
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self.env.cr.execute(
            "UPDATE res_partner SET customer_grade_id = %s WHERE id = %s",
            [self.formal_b.id, self.customer.id],
        )
        self.env.invalidate_all()
        self._fold()
        self.assertEqual(self.customer.customer_grade_id, self.formal_a)
        self.assertEqual(self._history(self.customer)[-1].new_grade_id, self.formal_a)
