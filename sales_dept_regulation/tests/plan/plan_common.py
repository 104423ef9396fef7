# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from ..common import MODULE, RegulationCommon

# a year no demo plan uses
YEAR = 2031


class PlanCommon(RegulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["sale.plan"]
        cls.Line = cls.env["sale.plan.line"]
        cls.Achievement = cls.env["sale.plan.achievement"]
        cls.head = cls.role_users["department_head"]
        cls.gm = cls.role_users["general_manager"]
        cls.salesperson = cls.role_users["salesperson"]
        cls.other_salesperson = new_test_user(
            cls.env,
            login="sdr_plan_sales_2",
            name="SDR salesperson 2",
            groups=f"{MODULE}.group_role_salesperson",
        )
        cls.team = cls.env["crm.team"].create({"name": "华东区", "company_id": cls.env.company.id})
        for user in [*cls.role_users.values(), cls.other_salesperson]:
            user.tz = cls.TIME_ZONE

    @classmethod
    def _plan(cls, year=YEAR, amounts=None):
        """A draft plan of the Department Head: {user: amount per month}."""
        amounts = amounts or {cls.salesperson: 1000.0, cls.other_salesperson: 2000.0}
        return cls.Plan.with_user(cls.head).create(
            {
                "year": year,
                "line_ids": [
                    Command.create(
                        {
                            "user_id": user.id,
                            "team_id": cls.team.id,
                            "month": date(year, month, 1),
                            "amount": amount,
                        }
                    )
                    for user, amount in amounts.items()
                    for month in range(1, 13)
                ],
            }
        )

    def _approve(self, plan):
        plan.with_user(self.head).action_submit()
        plan.with_user(self.gm).validate_tier()
        self.assertEqual(plan.state, "approved")
        return plan
