# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
from contextlib import contextmanager
from datetime import timedelta

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .sample_common import SampleCommon


@tagged("post_install", "-at_install")
class TestSampleWorkflow(SampleCommon):
    def _run_cycle(self, request):
        """Submitted on 31 January at 22:00, sent on 2 February at 10:00, a
        revision, sent again, approved on 10 February at 22:00 (UTC)."""
        sales = request.with_user(self.salesperson)
        rd = request.with_user(self.rd_user)
        with freeze_time("2026-01-31 22:00:00"):
            sales.action_submit()
        with freeze_time("2026-02-01 09:00:00"):
            rd.action_accept()
            rd.action_made()
        with freeze_time("2026-02-02 10:00:00"):
            rd.action_send()
        with freeze_time("2026-02-04 10:00:00"):
            sales.action_feedback("revise", "Thicker wall")
        self.assertEqual(request.state, "accepted")
        with freeze_time("2026-02-06 10:00:00"):
            rd.action_made()
            rd.action_send()
        with freeze_time("2026-02-10 22:00:00"):
            sales.action_feedback("approved")
            sales.action_close()

    def test_cycle_times_across_a_month_boundary(self):
        partner = self._customer("Prospect A", "potential", self._grade("potential_a"))
        with freeze_time("2026-01-20 08:00:00"):
            request = self._request(partner, mould_needed=False, mould_cost=0.0)
        self._run_cycle(request)
        self.assertEqual(request.state, "closed")
        self.assertEqual(request.revision_count, 1)
        self.assertEqual(str(request.sent_date), "2026-02-02 10:00:00")
        self.assertEqual(str(request.last_sent_date), "2026-02-06 10:00:00")
        self.assertEqual(str(request.made_date), "2026-02-01 09:00:00")
        self.assertAlmostEqual(request.days_to_send, 1.5)
        self.assertAlmostEqual(request.days_to_feedback, 10.0)
        self.assertEqual(request.approval_rate, 100.0)
        # counted once, in the month of its submission
        Request = self.Request.with_user(self.head)
        [january] = Request._sample_month_figures(2026, 1)
        [february] = Request._sample_month_figures(2026, 2)
        self.assertEqual(january[0], 1)
        self.assertAlmostEqual(january[1], 1.5)
        self.assertAlmostEqual(january[4], 10.0)
        self.assertEqual(january[5], 100.0)
        self.assertEqual(february[0], 0)

    def test_statistics_xlsx_cron_and_smart_button(self):
        partner = self._customer("Prospect A", "potential", self._grade("potential_a"))
        with freeze_time("2026-01-20 08:00:00"):
            approved = self._request(partner, mould_needed=False, mould_cost=0.0)
            rejected = self._request(partner, mould_needed=False, mould_cost=0.0)
        self._run_cycle(approved)
        with freeze_time("2026-01-31 23:00:00"):
            rejected.with_user(self.salesperson).action_submit()
        with freeze_time("2026-02-03 23:00:00"):
            rejected.with_user(self.rd_user).action_accept()
            rejected.with_user(self.rd_user).action_made()
            rejected.with_user(self.rd_user).action_send()
            rejected.with_user(self.salesperson).action_feedback("rejected", "Too heavy")
        wizard = (
            self.env["sale.sample.report.wizard"]
            .with_user(self.head)
            .create({"year": 2026, "month": "1"})
        )
        action = wizard.action_print()
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.head)
            ._render(action["report_name"], wizard.ids, action["data"])
        )
        self.assertEqual(kind, "xlsx")
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.values)
        total = rows[-1]
        self.assertEqual(total[0], "Total")
        self.assertEqual(total[1], 2)
        self.assertAlmostEqual(total[2], (1.5 + 3.0) / 2)
        self.assertEqual(total[6], 50.0)
        # the monthly summary goes to the Department Head
        with freeze_time("2026-02-01 02:00:00"):
            self.Request._cron_sample_monthly_summary()
        activity = self.env["mail.activity"].search(
            [("user_id", "=", self.head.id), ("summary", "like", "2026-01")]
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("Samples submitted in 2026-01: 2", str(activity.note))
        self.assertIn("Approval rate: 50.0", str(activity.note))
        self.assertEqual(partner.with_user(self.salesperson).sdr_sample_count, 2)

    def test_workflow_fields_only_through_actions(self):
        partner = self._customer("Formal A", "formal", self._grade("formal_a"))
        request = self._request(partner)
        for vals in (
            {"state": "sent"},
            {"submit_date": "2026-01-01 00:00:00"},
            {"charged_amount": 0.0},
            {"revision_count": 3},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "not by hand"):
                request.with_user(self.salesperson).write(vals)
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.submit_date)
        with self.assertRaisesRegex(UserError, "not by hand"):
            self._request(partner, state="closed")
        with self.assertRaisesRegex(UserError, "by field name"):
            self.Request.with_user(self.salesperson).create("abc")
        with self.assertRaisesRegex(UserError, "by field name"):
            request.with_user(self.salesperson).write(None)
        # the client's defaults for workflow fields are ignored
        forced = (
            self.Request.with_user(self.salesperson)
            .with_context(default_state="closed", default_charged_amount=5)
            .create({"partner_id": partner.id, "product_description": "A new cap"})
        )
        self.assertEqual(forced.state, "draft")
        request.with_user(self.salesperson).action_submit()
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            request.with_user(self.salesperson).write({"quantity": 5})
        self.assertEqual(request.quantity, 10)
        with self.assertRaisesRegex(UserError, "cancel it with a reason"):
            request.with_user(self.salesperson).unlink()
        self.assertTrue(request.exists())
        with self.assertRaisesRegex(UserError, "reason"):
            request.with_user(self.salesperson).action_cancel("")
        request.with_user(self.salesperson).action_cancel("Customer withdrew")
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(request.cancel_reason, "Customer withdrew")
        # a draft may be deleted
        draft = self._request(partner)
        draft.with_user(self.salesperson).unlink()
        self.assertFalse(draft.exists())

    @contextmanager
    def _refused(self, message):
        """A ValidationError with the message, and nothing written (a savepoint)."""
        with self.assertRaises(ValidationError) as caught:
            yield
        self.assertIn(message, str(caught.exception))

    def test_bad_input(self):
        partner = self._customer("Formal A", "formal", self._grade("formal_a"))
        count = self.Request.search_count([])
        for vals, message in (
            ({"quantity": -1}, "quantity"),
            ({"quantity": 0}, "quantity"),
            ({"mould_cost": -5}, "negative"),
            ({"sample_fee": -5}, "negative"),
            ({"delivery_date": self.today - timedelta(days=1)}, "past"),
            ({"product_id": False, "product_description": "  "}, "describe"),
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as caught:
                self._request(partner, **vals)
            self.assertIn(message, str(caught.exception))
        self.assertEqual(self.Request.search_count([]), count)
        incomplete = self._request(partner, physical_properties=False)
        with self.assertRaisesRegex(UserError, "requirements complete"):
            incomplete.with_user(self.salesperson).action_submit()
        self.assertEqual(incomplete.state, "draft")
        # a second rule for a cell of the matrix
        admin = self.role_users["regulation_admin"]
        Rule = self.env["sale.mould.fee.rule"].with_user(admin)
        with self._refused("already a fee rule"):
            Rule.create(
                {
                    "customer_stage": "formal",
                    "grade_id": self._grade("formal_a").id,
                    "policy": "charge",
                }
            )
        with self._refused("already a fee rule"):
            Rule.create({"customer_stage": "lost", "policy": "waive"})
        with self._refused("not a grade of"):
            Rule.create(
                {
                    "customer_stage": "lost",
                    "grade_id": self._grade("formal_a").id,
                    "policy": "waive",
                }
            )
        # overlapping budgets of one team
        Budget = self.Budget.with_user(admin)
        Budget.create({"period_type": "quarter", "date_from": "2031-01-01", "amount": 10})
        with self._refused("overlaps"):
            Budget.create({"period_type": "month", "date_from": "2031-03-01", "amount": 10})
        with self._refused("first day"):
            Budget.create({"period_type": "quarter", "date_from": "2031-05-01", "amount": 10})
        with self._refused("negative"):
            Budget.create({"period_type": "month", "date_from": "2032-01-01", "amount": -1})
        team = self.env["crm.team"].create({"name": "Export"})
        other_team = Budget.create(
            {"period_type": "month", "date_from": "2031-03-01", "amount": 10, "team_id": team.id}
        )
        self.assertEqual(str(other_team.date_to), "2031-03-31")
        self.assertEqual(self.Budget.search_count([("date_from", ">=", "2031-01-01")]), 2)
