# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .forecast_common import ForecastCommon

FEB = date(2026, 2, 1)


@tagged("post_install", "-at_install")
class TestForecastAccess(ForecastCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for login in ("sdr_salesperson", "sdr_department_head", "sdr_general_manager"):
            cls.env["res.users"].search([("login", "=", login)]).group_ids = [
                Command.link(cls.env.ref("base.group_allow_export").id)
            ]
        with freeze_time(datetime(2026, 1, 20, 2, 0)):
            cls.mine = cls._forecast(cls, FEB, [(cls.customer_a, 1000)])
            cls.mine.with_user(cls.salesperson).action_submit()
            cls.theirs = cls._forecast(
                cls, FEB, [(cls.customer_b, 3000)], user=cls.other_salesperson
            )
            cls.theirs.with_user(cls.other_salesperson).action_submit()
        cls.both = cls.mine | cls.theirs

    def _routes(self, user):
        """What ``user`` reaches of both forecasts by search, read_group and export."""
        Forecast = self.Forecast.with_user(user)
        found = Forecast.search([("id", "in", self.both.ids)])
        grouped = {
            owner: total
            for owner, total in Forecast._read_group(
                [("id", "in", self.both.ids)], ["user_id"], ["amount_total:sum"]
            )
        }
        lines = (
            self.env["sale.forecast.line"]
            .with_user(user)
            .search([("forecast_id", "in", self.both.ids)])
        )
        accuracy = self.Accuracy.with_user(user).search([("forecast_id", "in", self.both.ids)])
        return found, grouped, lines.forecast_id, accuracy.forecast_id

    def test_salesperson_reaches_her_own_only(self):
        found, grouped, lines, accuracy = self._routes(self.salesperson)
        self.assertEqual(found, self.mine)
        self.assertEqual(grouped, {self.salesperson: 1000})
        self.assertEqual((lines, accuracy), (self.mine, self.mine))
        exported = found.with_user(self.salesperson).export_data(["user_id", "amount_total"])
        self.assertEqual(exported["datas"], [[self.salesperson.name, 1000]])
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.salesperson).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.salesperson).export_data(["amount_total"])
        with self.assertRaises(AccessError):
            self.theirs.line_ids.with_user(self.salesperson).read(["amount"])

    def test_department_head_and_general_manager_read_the_department(self):
        for role in ("department_head", "deputy_general_manager", "general_manager"):
            user = self.role_users[role]
            with self.subTest(role=role):
                found, grouped, lines, accuracy = self._routes(user)
                self.assertEqual(found, self.both)
                self.assertEqual(grouped, {self.salesperson: 1000, self.other_salesperson: 3000})
                self.assertEqual((lines, accuracy), (self.both, self.both))
                [(total,)] = self.Accuracy.with_user(user)._read_group(
                    [("forecast_id", "in", self.both.ids)], [], ["forecast_amount:sum"]
                )
                self.assertEqual(total, 4000)
                # nobody above the salesperson writes her figures
                with self.assertRaises(AccessError):
                    self.mine.line_ids.with_user(user).write({"amount": 1})
                with self.assertRaises(AccessError):
                    self.Forecast.with_user(user).create({"month": "2026-03-01"})
        gm = self.role_users["general_manager"]
        exported = self.both.with_user(gm).export_data(["user_id", "amount_total"])
        self.assertEqual(len(exported["datas"]), 2)
        with self.assertRaises(AccessError):
            self.mine.with_user(gm).action_cancel("Not a general manager's call")
        with self.assertRaises(AccessError):
            self.mine.with_user(gm).unlink()
        self.assertEqual(self.mine.state, "submitted")

    def test_other_roles_see_no_forecast(self):
        for role in ("telemarketer", "sales_clerk", "regulation_admin"):
            user = self.role_users[role]
            with self.subTest(role=role):
                found, grouped, lines, accuracy = self._routes(user)
                self.assertFalse(found or grouped or lines or accuracy)
                with self.assertRaises(AccessError):
                    self.Forecast.with_user(user).create({"month": "2026-03-01"})
        plain = new_test_user(self.env, login="sdr_forecast_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.Forecast.with_user(plain).search([])

    def test_other_company_forecasts_stay_there(self):
        other = self.env["res.company"].create({"name": "Forecast Other Co"})
        seller = new_test_user(
            self.env,
            login="sdr_forecast_other_co",
            groups=f"{MODULE}.group_role_salesperson",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        foreign = (
            self.Forecast.with_user(seller)
            .with_company(other)
            .create({"month": "2026-03-01", "company_id": other.id})
        )
        self.assertEqual(foreign.company_id, other)
        head = self.role_users["department_head"]
        self.assertFalse(self.Forecast.with_user(head).search([("id", "=", foreign.id)]))
        # nor may a salesperson move her forecast into a company she is not in
        with freeze_time(datetime(2026, 1, 20, 2, 0)):
            draft = self._forecast(date(2026, 4, 1), [])
        with self.assertRaisesMessage(UserError, "buttons|按钮"):
            draft.with_user(self.salesperson).write({"company_id": other.id})
        self.assertEqual(draft.company_id, self.company)
