# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .cycle_common import CycleCommon


@tagged("post_install", "-at_install")
class TestOrderCycleAccess(CycleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.order("2026-03-02 02:00:00", committed="2026-03-05 02:00:00")
        cls.theirs = cls.order(
            "2026-03-02 02:00:00", committed="2026-03-05 02:00:00", seller=cls.seller_2
        )
        cls.orders = cls.mine | cls.theirs
        cls.seller.group_ids += cls.env.ref("base.group_allow_export")
        cls.plain_user = new_test_user(cls.env, login="sdr_cyc_plain", groups="base.group_user")

    def visible(self, user):
        Cycle = self.Cycle.with_user(user)
        return Cycle.search([("order_id", "in", self.orders.ids)]).order_id

    def test_rows_per_role(self):
        self.assertEqual(self.visible(self.seller), self.mine)
        self.assertEqual(self.visible(self.seller_2), self.theirs)
        self.assertEqual(self.visible(self.head), self.orders)
        for role in ("deputy_general_manager", "general_manager"):
            user = self.role_users[role]
            user.write({"company_ids": [(4, self.company.id)], "company_id": self.company.id})
            self.assertEqual(self.visible(user), self.orders)
        with self.assertRaises(AccessError):
            self.visible(self.plain_user)
        # read_group and export go through the same rules
        Cycle = self.Cycle.with_user(self.seller)
        [(count,)] = Cycle._read_group([("order_id", "in", self.orders.ids)], [], ["__count"])
        self.assertEqual(count, 1)
        rows = Cycle.search([("order_id", "in", self.orders.ids)])
        self.assertEqual(
            rows.export_data(["order_id", "is_late"])["datas"], [[self.mine.name, True]]
        )
        theirs = self.cycle(self.theirs)
        with self.assertRaises(AccessError):
            theirs.with_user(self.seller).read(["days_to_delivery"])
        # a view: nobody writes it
        with self.assertRaises(AccessError):
            self.cycle(self.mine).with_user(self.head).write({"is_late": False})

    def test_delay_causes_kept_by_the_regulation_administrator(self):
        Cause = self.env["sale.delay.cause"]
        cause = Cause.with_user(self.admin).create({"name": "Customs hold"})
        cause.with_user(self.admin).write({"name": "Customs inspection", "active": False})
        self.assertEqual(
            Cause.with_user(self.seller).search([("name", "=", "Production delay")]), self.cause
        )
        for user in (self.seller, self.head):
            with self.assertRaises(AccessError):
                Cause.with_user(user).create({"name": "Mine"})
            with self.assertRaises(AccessError):
                self.cause.with_user(user).write({"name": "Mine"})
        # archived, never deleted: the orders keep their cause
        for user in (self.admin, self.head):
            with self.assertRaises(AccessError):
                self.cause.with_user(user).unlink()
