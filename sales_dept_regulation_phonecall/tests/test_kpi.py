# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .phonecall_common import PhonecallCommon


@tagged("post_install", "-at_install")
class TestTelemarketingKpi(PhonecallCommon):
    def _kpi(self, user, month):
        return self.env["sale.telemarketing.kpi"].search(
            [("user_id", "=", user.id), ("month", "=", month)]
        )

    def test_kpis_of_a_month_with_known_data(self):
        new_prospect = self.env["res.partner"].create({"name": "SDR New Prospect"})
        # January in Shanghai ends at 2026-01-31 16:00 UTC
        self._call(date="2026-01-10 02:00:00", direction="in")
        self._call(date="2026-01-31 15:59:00")
        # a second telemarketer called the other customer first (in December)
        self._call(
            user=self.telemarketer_2,
            partner_id=self.other_customer.id,
            date="2025-12-20 02:00:00",
        )
        self._call(partner_id=self.other_customer.id, date="2026-01-20 02:00:00")
        # 2026-02-01 01:00 in Shanghai: February
        feb_call = self._call(partner_id=new_prospect.id, date="2026-01-31 17:00:00")
        # a call to make, a cancelled call: not held, not counted
        self._call(date="2026-01-12 02:00:00", state="open", sdr_call_result=False)
        self._call(date="2026-01-13 02:00:00", state="cancel")
        # the customer's orders: last year, last month, this month (growth)
        self._confirmed_order(self.customer, self.salesperson, 400.0, "2025-01-15 02:00:00")
        self._confirmed_order(self.customer, self.salesperson, 500.0, "2025-12-15 02:00:00")
        self._confirmed_order(self.customer, self.salesperson, 600.0, "2026-01-15 02:00:00")
        # her own orders (plan completion): one in January, one on February 1st in Shanghai
        self._confirmed_order(self.other_customer, self.telemarketer, 300.0, "2026-01-31 15:00:00")
        self._confirmed_order(
            new_prospect, self.telemarketer, 700.0, "2026-01-31 16:30:00", call=feb_call
        )

        january = self._kpi(self.telemarketer, date(2026, 1, 1))
        self.assertEqual(len(january), 1)
        self.assertEqual(
            (january.call_count, january.call_in_count, january.call_out_count), (3, 1, 2)
        )
        self.assertEqual(
            january.new_contact_count, 1, "the other customer was called first by another"
        )
        self.assertEqual(january.new_customer_count, 0)
        self.assertEqual(
            january.customer_sales_amount, 900.0, "600 + her own 300 for the other customer"
        )
        self.assertEqual(january.customer_sales_prev_month, 500.0)
        self.assertEqual(january.customer_sales_last_year, 400.0)
        self.assertAlmostEqual(january.growth_month_rate, 80.0)
        self.assertAlmostEqual(january.growth_year_rate, 125.0)
        self.assertEqual(january.achieved_amount, 300.0)
        self.assertEqual(january.currency_id, self.company.currency_id)
        self.assertFalse(january.plan_target_amount, "no plan in force yet")
        self.assertFalse(january.plan_completion_rate)
        # the plan in force: 600 a month for her; a draft revision does not count
        head, gm = self.department_head, self.role_users["general_manager"]
        plan = (
            self.env["sale.plan"]
            .with_user(head)
            .create(
                {
                    "year": 2026,
                    "line_ids": [
                        Command.create(
                            {
                                "user_id": self.telemarketer.id,
                                "month": date(2026, 1, 1),
                                "amount": 600.0,
                            }
                        )
                    ],
                }
            )
        )
        plan.with_user(head).action_submit()
        plan.with_user(gm).validate_tier()
        self.assertEqual(plan.state, "approved")
        self.env.invalidate_all()  # the report's rows were read before the plan
        january = self._kpi(self.telemarketer, date(2026, 1, 1))
        self.assertEqual(january.plan_target_amount, 600.0)
        self.assertAlmostEqual(january.plan_completion_rate, 50.0)

        february = self._kpi(self.telemarketer, date(2026, 2, 1))
        self.assertEqual(february.call_count, 1)
        self.assertEqual(february.new_contact_count, 1)
        self.assertEqual(february.new_customer_count, 1, "first order from her call")
        self.assertEqual(february.achieved_amount, 700.0)

        december = self._kpi(self.telemarketer_2, date(2025, 12, 1))
        self.assertEqual((december.call_count, december.new_contact_count), (1, 1))
        # per telemarketer in one query, as the pivot reads it
        groups = dict(
            self.env["sale.telemarketing.kpi"]._read_group(
                [("user_id", "in", (self.telemarketer | self.telemarketer_2).ids)],
                ["user_id"],
                ["call_count:sum"],
            )
        )
        self.assertEqual(groups, {self.telemarketer: 4, self.telemarketer_2: 1})

    def test_weekly_call_figures(self):
        self._call(date="2026-03-02 02:00:00", direction="in")
        self._call(date="2026-03-03 02:00:00")
        self._call(date="2026-03-09 02:00:00")
        self._call(date="2026-03-04 02:00:00", state="open", sdr_call_result=False)
        call = self._call(date="2026-03-04 02:00:00", sdr_call_result="ordered")
        action = call.with_user(self.telemarketer).action_sdr_create_next_day_quotation()
        # created that week (the transaction's clock is the database's: set it)
        self.env.cr.execute(
            "UPDATE sale_order SET create_date = '2026-03-04 03:00:00' WHERE id = %s",
            [action["res_id"]],
        )
        # the week of March 2nd in Shanghai, as the weekly review asks for it
        figures = (
            self.env["crm.phonecall"]
            .with_user(self.department_head)
            ._sdr_call_figures(
                self.telemarketer | self.telemarketer_2,
                datetime(2026, 3, 1, 16, 0),
                datetime(2026, 3, 8, 16, 0),
            )
        )
        self.assertEqual(
            figures[self.telemarketer],
            {"calls": 3, "calls_in": 1, "calls_out": 2, "quotations": 1, "calls_to_make": 1},
        )
        self.assertEqual(figures[self.telemarketer_2]["calls"], 0)
        # the weekly review shows them, in its calls section
        self.telemarketer.tz = "Asia/Shanghai"
        review = (
            self.env["sale.weekly.review"]
            .with_user(self.department_head)
            .create({"user_id": self.telemarketer.id, "week_date": date(2026, 3, 4)})
        )
        calls = next(s for s in review._review_sections() if s["key"] == "calls")
        self.assertEqual([value for _label, value in calls["rows"]], ["3", "1", "2", "1", "1"])
