# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import datetime

import pytz

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_dept_regulation.tests.common import MODULE

CONTRACT_NUMBER = "HT-2026-088"
# the tour types the committed delivery date so many days before today
# (COMMITTED_DAYS_AGO in credit_tours.js)
COMMITTED_DAYS_AGO = 3
SIGNERS = (
    ("tier_definition_contract_department_head", "zhangwei"),
    ("tier_definition_contract_deputy_general_manager", "chenjing"),
    ("tier_definition_contract_general_manager", "zhaoqiang"),
)


@tagged("post_install", "-at_install")
class TestCreditContractStoryTour(HttpCase):
    """Issue 26's story, as the demo users walk it in Chinese from the app's
    menu: 王芳's contract of 华信 is stopped for credit, 赵强 approves the
    exception, 张伟, 陈静 and 赵强 sign, 王芳 confirms it, delivers it three days
    late and records why, and 张伟 finds the cause in the month's delay
    analysis. Nothing is set up here: the test reads the database afterwards."""

    browser_size = "1440x900"

    def _user(self, login):
        return self.env["res.users"].search([("login", "=", login)])

    def test_stopped_for_credit_excepted_signed_delivered_late_and_analysed(self):
        wang = self._user("wangfang")
        zhang = self._user("zhangwei")
        shanghai = pytz.timezone(wang.tz)
        today = datetime.datetime.now(shanghai).date()
        committed_day = today - datetime.timedelta(days=COMMITTED_DAYS_AGO)

        # 1. written with a committed date three days ago, stopped, exception asked
        self.start_tour("/odoo", "sales_dept_regulation_credit_stopped_zh", login="wangfang")
        order = self.env["sale.order"].search([("client_order_ref", "=", CONTRACT_NUMBER)])
        self.assertEqual(order.partner_id, self.env.ref(f"{MODULE}.partner_demo_huaxin"))
        self.assertEqual(order.user_id, wang)
        self.assertEqual(order.sdr_credit_problem, "expired")
        self.assertEqual(
            pytz.utc.localize(order.commitment_date).astimezone(shanghai).date(), committed_day
        )
        exception = self.env["sale.credit.exception"].search([("order_id", "=", order.id)])
        self.assertEqual(exception.requested_by_id, wang)

        # 2. the General Manager approves the exception
        self.start_tour("/odoo", "sales_dept_regulation_credit_exception_gm_zh", login="zhaoqiang")
        self.assertEqual(exception.state, "approved")
        self.assertEqual(exception.review_ids.done_by, self._user("zhaoqiang"))

        # 3. submitted, then signed in turn by the three signers
        self.start_tour("/odoo", "sdr_credit_story_submit_zh", login="wangfang")
        self.assertEqual(order.validation_status, "pending")
        for _tier, login in SIGNERS:
            self.start_tour("/odoo", f"sdr_credit_story_sign_{login}", login=login)
        self.assertEqual(order.validation_status, "validated")
        reviews = order.review_ids.sorted("sequence")
        self.assertEqual(
            [(review.definition_id, review.status, review.done_by) for review in reviews],
            [
                (self.env.ref(f"{MODULE}.{tier}"), "approved", self._user(login))
                for tier, login in SIGNERS
            ],
            "one review per tier, each done by its signer",
        )
        dates = reviews.mapped("reviewed_date")
        self.assertEqual(dates, sorted(dates), "signed in the tiers' order")
        signatures = order.sdr_signature_ids.sorted("id")
        self.assertEqual(signatures.user_id.mapped("login"), [login for _t, login in SIGNERS])
        self.assertTrue(all(signatures.mapped("signature")))

        # 4. and 5. confirmed, delivered after the committed date, the cause recorded
        self.start_tour("/odoo", "sdr_credit_story_deliver_zh", login="wangfang")
        cause = self.env.ref(f"{MODULE}.sale_delay_cause_transport")
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.order_line.qty_delivered, order.order_line.product_uom_qty)
        self.assertTrue(order.sdr_delivered_date)
        delivered_day = pytz.utc.localize(order.sdr_delivered_date).astimezone(shanghai).date()
        self.assertGreater(delivered_day, committed_day)
        self.assertEqual(order.sdr_delay_cause_id, cause)
        self.assertTrue(order.sdr_delay_note)
        row = self.env["sale.order.cycle"].search([("order_id", "=", order.id)])
        self.assertTrue(row.is_late)
        self.assertEqual(row.committed_on, committed_day)
        self.assertEqual(row.delivered_on, delivered_day)
        self.assertEqual(row.delay_cause_id, cause)

        # 6. the Department Head's analysis counts it under its cause and month due
        self.start_tour("/odoo", "sdr_credit_story_analysis_zh", login="zhangwei")
        groups = (
            self.env["sale.order.cycle"]
            .with_user(zhang)
            ._read_group(
                [("is_late", "=", True)],
                ["delay_cause_id", "due_month:month"],
                ["late_count:sum", "__count"],
            )
        )
        due_month = fields.Date.start_of(committed_day, "month")
        self.assertIn((cause, due_month, 1, 1), groups)
        # reading changed nothing
        self.assertEqual(order.sdr_delay_cause_id, cause)
