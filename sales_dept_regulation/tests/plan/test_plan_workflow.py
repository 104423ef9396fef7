# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from ..common import MODULE
from .plan_common import YEAR, PlanCommon


@tagged("post_install", "-at_install")
class TestPlanWorkflow(PlanCommon):
    def test_totals_per_quarter_and_year(self):
        plan = self._plan()
        self.assertEqual(
            (plan.amount_q1, plan.amount_q2, plan.amount_q3, plan.amount_q4), (9000,) * 4
        )
        self.assertEqual(plan.amount_total, 36000)
        line = plan.line_ids.filtered(lambda r: r.month == date(YEAR, 5, 1))[:1]
        self.assertEqual(line.quarter, "2")
        old = line.amount
        line.with_user(self.head).amount = 4000.0
        self.assertEqual(plan.amount_q2, 9000 - old + 4000)
        self.assertEqual(plan.amount_total, 36000 - old + 4000)

    def test_month_is_the_first_of_a_month_of_the_plan_year(self):
        plan = self.Plan.with_user(self.head).create({"year": YEAR})
        line = self.Line.with_user(self.head).create(
            {"plan_id": plan.id, "user_id": self.salesperson.id, "month": date(YEAR, 7, 15)}
        )
        self.assertEqual(line.month, date(YEAR, 7, 1))
        with self.assertRaisesMessage(ValidationError, str(YEAR)):
            line.with_user(self.head).month = date(YEAR + 1, 1, 1)

    def test_approved_by_the_general_manager_only(self):
        plan = self._plan()
        with self.assertRaisesMessage(AccessError, "部长|Department Head"):
            plan.with_user(self.salesperson).action_submit()
        plan.with_user(self.head).action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(
            plan.review_ids.reviewer_ids,
            # the General Managers of the plan's company (not of the demo company)
            self.env.ref(f"{MODULE}.group_role_general_manager").all_user_ids.filtered(
                lambda user: self.env.company in user.company_ids
            ),
        )
        # the Department Head who submitted it does not approve it, nor the deputy
        with self.assertRaisesMessage(UserError, "General Manager|总经理"):
            plan.with_user(self.head).validate_tier()
        with self.assertRaisesMessage(UserError, "not waiting|等待"):
            plan.with_user(self.role_users["deputy_general_manager"]).validate_tier()
        # nor by writing the review or the state
        with self.assertRaises(AccessError):
            plan.review_ids.with_user(self.head).write({"status": "approved"})
        with self.assertRaisesMessage(UserError, "Status|状态"):
            plan.with_user(self.head).write({"state": "approved"})
        tile = self.env.ref(f"{MODULE}.dashboard_tile_plans_to_approve")
        self.assertEqual(tile.with_user(self.gm).count, 1)
        self.assertEqual(tile.with_user(self.head).count, 0)
        plan.with_user(self.gm).validate_tier()
        self.assertEqual(plan.state, "approved")
        self.assertTrue(plan.approve_date)
        tile.invalidate_recordset(["count"])
        self.assertEqual(tile.with_user(self.gm).count, 0)

    def test_a_general_manager_who_submits_does_not_approve(self):
        boss = new_test_user(
            self.env,
            login="sdr_plan_gm_head",
            groups=f"{MODULE}.group_role_general_manager,{MODULE}.group_role_department_head",
        )
        plan = self._plan()
        plan.with_user(boss).action_submit()
        self.assertNotIn(boss, plan.review_ids.reviewer_ids)
        with self.assertRaisesMessage(UserError, "General Manager|总经理"):
            plan.with_user(boss).validate_tier()
        plan.with_user(self.gm).validate_tier()
        self.assertEqual(plan.state, "approved")

    def test_sent_back_is_a_draft_again(self):
        plan = self._plan()
        plan.with_user(self.head).action_submit()
        plan.with_user(self.gm).reject_tier()
        self.assertEqual(plan.state, "draft")
        plan.line_ids[:1].with_user(self.head).amount = 5.0
        self._approve(plan)
        self.assertEqual(len(plan.review_ids), 1)

    def test_frozen_once_approved(self):
        plan = self._approve(self._plan())
        line = plan.line_ids[:1]
        for values in ({"note": "x"}, {"year": YEAR + 1}, {"name": "Changed"}):
            with self.subTest(values=values):
                with self.assertRaisesMessage(UserError, "draft|草稿"):
                    plan.with_user(self.head).write(values)
        with self.assertRaisesMessage(UserError, "draft|草稿"):
            line.with_user(self.head).write({"amount": 1.0})
        with self.assertRaisesMessage(UserError, "draft|草稿"):
            line.with_user(self.head).unlink()
        with self.assertRaisesMessage(UserError, "draft|草稿"):
            self.Line.with_user(self.head).create(
                {"plan_id": plan.id, "user_id": self.head.id, "month": date(YEAR, 1, 1)}
            )
        with self.assertRaisesMessage(UserError, "draft|草稿"):
            plan.with_user(self.head).write({"line_ids": [Command.delete(line.id)]})
        # workflow fields only through the buttons, whatever the state
        with self.assertRaisesMessage(UserError, "Approved On|批准"):
            plan.with_user(self.head).write({"approve_date": False})
        with self.assertRaisesMessage(UserError, "deleted|删除"):
            plan.with_user(self.head).unlink()
        with self.assertRaisesMessage(UserError, "revise|修订"):
            plan.with_user(self.head).action_cancel("no longer")
        self.assertEqual(line.amount, 1000.0)

    def test_revision_approved_again_supersedes(self):
        plan = self._approve(self._plan())
        action = plan.with_user(self.head).action_revise()
        revision = self.Plan.browse(action["res_id"])
        self.assertEqual(
            (revision.state, revision.previous_plan_id, revision.revision), ("draft", plan, 1)
        )
        self.assertEqual(len(revision.line_ids), 24)
        with self.assertRaisesMessage(UserError, "under way|进行中"):
            plan.with_user(self.head).action_revise()
        with self.assertRaisesMessage(UserError, "revision|修订"):
            revision.with_user(self.head).write({"year": YEAR + 1})
        revision.line_ids[:1].with_user(self.head).amount = 7000.0
        # the plan in force stays in force until the revision is approved
        revision.with_user(self.head).action_submit()
        self.assertEqual(plan.state, "approved")
        achieved = self.Achievement.search([("user_id", "=", self.salesperson.id)])
        self.assertEqual(sum(achieved.mapped("plan_amount")), 12000.0)
        revision.with_user(self.gm).validate_tier()
        self.assertEqual((plan.state, revision.state), ("superseded", "approved"))
        achieved = self.Achievement.search([("user_id", "=", self.salesperson.id)])
        self.assertEqual(sum(achieved.mapped("plan_amount")), 18000.0)

    def test_one_plan_per_company_and_year(self):
        plan = self._plan()
        with self.assertRaisesMessage(ValidationError, str(YEAR)):
            self._plan()
        plan.with_user(self.head).action_cancel("prepared twice")
        self.assertEqual((plan.state, plan.cancel_reason), ("cancelled", "prepared twice"))
        self._approve(self._plan())
        with self.assertRaisesMessage(ValidationError, str(YEAR)):
            self._plan()
        # the database holds the rule even past the ORM
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "INSERT INTO sale_plan (name, company_id, year, state, revision) "
                    "VALUES ('x', %s, %s, 'approved', 0)",
                    [self.env.company.id, YEAR],
                )

    def test_cancel_needs_a_reason(self):
        plan = self._plan()
        with self.assertRaisesMessage(UserError, "reason|原因"):
            plan.with_user(self.head).action_cancel(" ")
        wizard = (
            self.env["sale.plan.reason.wizard"]
            .with_user(self.head)
            .create({"plan_id": plan.id, "reason": "the year is planned by region instead"})
        )
        wizard.action_confirm()
        self.assertEqual(plan.state, "cancelled")

    def test_salesperson_months_wizard(self):
        plan = self._plan(amounts={self.salesperson: 100.0})
        wizard = (
            self.env["sale.plan.salesperson.wizard"]
            .with_user(self.head)
            .create(
                {
                    "plan_id": plan.id,
                    "user_id": self.salesperson.id,
                    "team_id": self.team.id,
                    "amount_03": 300.0,
                }
            )
        )
        wizard.action_confirm()
        lines = plan.line_ids.filtered(lambda line: line.user_id == self.salesperson)
        self.assertEqual(lines.filtered(lambda line: line.month.month == 3).amount, 300.0)
        self.assertEqual(lines.filtered(lambda line: line.month.month == 4).amount, 0.0)
        self.assertEqual(len(lines), 12)

    def test_rpc_values_are_refused_in_words(self):
        with self.assertRaisesMessage(ValidationError, "2000"):
            self.Plan.with_user(self.head).create({"year": 99999})
        with self.assertRaisesMessage(UserError, "Status|状态"):
            self.Plan.with_user(self.head).create({"year": YEAR, "state": "approved"})
        plan = (
            self.Plan.with_user(self.head)
            .with_context(default_state="approved")
            .create({"year": YEAR})
        )
        self.assertEqual(plan.state, "draft")

    def test_a_company_created_later_approves_alike(self):
        # the General Manager's tier is shipped without a company: it applies in
        # every company, one created after the install too
        company = self.env["res.company"].create({"name": "苏州新公司"})
        users = {
            key: new_test_user(
                self.env,
                login=f"sdr_plan_new_{key}",
                groups=f"{MODULE}.group_role_{key}",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )
            for key in ("department_head", "general_manager")
        }
        plan = (
            self.Plan.with_user(users["department_head"])
            .with_company(company)
            .create(
                {
                    "year": YEAR,
                    "company_id": company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "user_id": users["department_head"].id,
                                "month": date(YEAR, 1, 1),
                                "amount": 1.0,
                            }
                        )
                    ],
                }
            )
        )
        plan.with_user(users["department_head"]).action_submit()
        self.assertEqual(plan.review_ids.reviewer_ids, users["general_manager"])
        plan.with_user(users["general_manager"]).validate_tier()
        self.assertEqual(plan.state, "approved")
