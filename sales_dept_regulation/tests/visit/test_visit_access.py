# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .visit_common import NOW, VisitCommon


@tagged("post_install", "-at_install")
class TestVisitAccess(VisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Log = cls.env["sale.work.log"]
        with freeze_time(NOW):
            cls.own_log = Log.with_user(cls.salesperson).create(
                {"date": date(2026, 6, 12), "outcome": "Mine"}
            )
            cls.other_log = Log.with_user(cls.other_salesperson).create(
                {"date": date(2026, 6, 12), "outcome": "Theirs"}
            )
        cls.logs = cls.own_log | cls.other_log

        export = cls.env.ref("base.group_allow_export")
        for user in (cls.salesperson, cls.head, cls.manager):
            user.group_ids = [Command.link(export.id)]

    def _domain(self):
        return [("id", "in", self.logs.ids)]

    def test_salesperson_reads_and_writes_her_own_logs_only(self):
        Log = self.env["sale.work.log"].with_user(self.salesperson)
        self.assertEqual(Log.search(self._domain()), self.own_log)
        self.assertEqual(
            Log._read_group(self._domain(), ["user_id"], ["__count"]),
            [(self.salesperson, 1)],
        )
        exported = Log.browse(self.own_log.ids).export_data(["outcome", "user_id/name"])
        self.assertEqual(exported["datas"], [["Mine", self.salesperson.name]])
        with self.assertRaises(AccessError):
            self.other_log.with_user(self.salesperson).read(["outcome"])
        with self.assertRaises(AccessError):
            self.other_log.with_user(self.salesperson).write({"outcome": "Overwritten"})
        with self.assertRaises(AccessError):
            self.other_log.with_user(self.salesperson).export_data(["outcome"])
        self.own_log.with_user(self.salesperson).write({"call_count": 2})
        self.assertEqual(self.own_log.call_count, 2)

    def test_she_cannot_open_a_log_for_someone_else(self):
        with freeze_time(NOW), self.assertRaisesMessage(UserError, "Salesperson"):
            self.env["sale.work.log"].with_user(self.salesperson).create(
                {"date": date(2026, 6, 11), "user_id": self.other_salesperson.id}
            )
        with freeze_time(NOW):
            log = (
                self.env["sale.work.log"]
                .with_user(self.salesperson)
                .with_context(default_user_id=self.other_salesperson.id, default_is_late=True)
                .create({"date": date(2026, 6, 11)})
            )
        self.assertEqual((log.user_id, log.is_late), (self.salesperson, False))

    def test_head_and_general_manager_read_the_department(self):
        for user in (self.head, self.manager):
            Log = self.env["sale.work.log"].with_user(user)
            self.assertEqual(Log.search(self._domain()), self.logs)
            groups = dict(Log._read_group(self._domain(), ["user_id"], ["__count"]))
            self.assertEqual(groups, {self.salesperson: 1, self.other_salesperson: 1})
            self.assertEqual(len(Log.browse(self.logs.ids).export_data(["outcome"])["datas"]), 2)
            with self.assertRaisesMessage(AccessError, "comment on it"):
                self.other_log.with_user(user).write({"outcome": "Edited"})
            with self.assertRaises(AccessError):
                self.other_log.with_user(user).unlink()

    def test_salesperson_sees_visits_of_her_customers_only(self):
        others = self._customer("Other's customer", user_id=self.other_salesperson.id)
        own = self._visit(self.customer, self.salesperson, date(2026, 6, 16))
        foreign = self._visit(others, self.other_salesperson, date(2026, 6, 16))
        domain = [("id", "in", (own | foreign).ids)]
        self.assertEqual(self.env["mail.activity"].with_user(self.salesperson).search(domain), own)
        self.assertEqual(
            self.env["mail.activity"].with_user(self.head).search(domain), own | foreign
        )
        with self.assertRaises(AccessError):
            foreign.with_user(self.salesperson).read(["summary"])
