# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .receivables_common import ReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivablesAccess(ReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.invoice(cls.customer, date(2026, 1, 10), amount=100.0)
        cls.theirs = cls.invoice(cls.customer_2, date(2026, 1, 10), amount=200.0)
        cls.moves = cls.mine | cls.theirs
        cls.promise = cls.Promise.with_user(cls.seller).create(
            {"move_id": cls.mine.id, "promised_date": "2099-01-01"}
        )
        cls.seller.group_ids += cls.env.ref("base.group_allow_export")
        cls.plain_user = new_test_user(cls.env, login="sdr_rcv_plain", groups="base.group_user")

    def visible(self, user, model="sale.receivable.overdue"):
        Model = self.env[model].with_user(user)
        field = "move_id"
        return Model.search([(field, "in", self.moves.ids)]).mapped(field)

    def test_salesperson_sees_her_customers_only(self):
        self.assertEqual(self.visible(self.seller), self.mine)
        self.assertEqual(self.visible(self.seller_2), self.theirs)
        self.assertFalse(self.visible(self.telemarketer))
        self.assertEqual(self.visible(self.head), self.moves)
        # read_group and export go through the same rules
        Overdue = self.Overdue.with_user(self.seller)
        [(count, amount)] = Overdue._read_group(
            [("move_id", "in", self.moves.ids)], [], ["__count", "amount_residual:sum"]
        )
        self.assertEqual((count, amount), (1, 100.0))
        groups = Overdue.formatted_read_group(
            [("move_id", "in", self.moves.ids)], ["user_id"], ["amount_residual:sum"]
        )
        self.assertEqual([g["user_id"][0] for g in groups], [self.seller.id])
        lines = Overdue.search([("move_id", "in", self.moves.ids)])
        self.assertEqual(
            lines.export_data(["name", "amount_residual"])["datas"], [[self.mine.name, 100.0]]
        )
        other_line = self.overdue(self.theirs)
        with self.assertRaises(AccessError):
            other_line.with_user(self.seller).read(["amount_residual"])
        with self.assertRaises(AccessError):
            other_line.with_user(self.seller).export_data(["name"])
        # core's own access to the invoices stays as core gives it: the
        # salesperson reads the invoice she is the salesperson of
        self.assertTrue(self.mine.with_user(self.seller).has_access("read"))
        self.assertFalse(self.theirs.with_user(self.seller).has_access("read"))
        self.assertFalse(self.mine.with_user(self.seller).has_access("write"))

    def test_department_head_sees_the_department_by_salesperson(self):
        Overdue = self.Overdue.with_user(self.head)
        groups = dict(
            Overdue._read_group(
                [("move_id", "in", self.moves.ids)], ["user_id"], ["amount_residual:sum"]
            )
        )
        self.assertEqual(groups, {self.seller: 100.0, self.seller_2: 200.0})
        pivot = Overdue.formatted_read_group(
            [("move_id", "in", self.moves.ids)], ["user_id", "ageing"], ["amount_residual:sum"]
        )
        self.assertEqual(len(pivot), 2)
        self.assertEqual(self.visible(self.head, "sale.receivable.promise"), self.mine)
        self.assertFalse(self.visible(self.seller_2, "sale.receivable.promise"))
        self.assertEqual(self.visible(self.seller, "sale.receivable.promise"), self.mine)

    def test_nobody_writes_the_view(self):
        line = self.overdue(self.mine)
        for user in (self.seller, self.head):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Overdue.with_user(user).create({"name": "x"})
                with self.assertRaises(AccessError):
                    line.with_user(user).write({"amount_residual": 0})
                with self.assertRaises(AccessError):
                    line.with_user(user).unlink()

    def test_no_role_no_receivables(self):
        for model in ("sale.receivable.overdue", "sale.receivable.promise"):
            with self.subTest(model=model):
                with self.assertRaises(AccessError):
                    self.env[model].with_user(self.plain_user).search([])
        with self.assertRaises(AccessError):
            self.Promise.with_user(self.plain_user).create(
                {"move_id": self.mine.id, "promised_date": "2099-01-01"}
            )

    def test_other_companies_stay_apart(self):
        other_company = (
            self.env["account.journal"]
            .search([("type", "=", "sale"), ("company_id", "!=", self.company.id)], limit=1)
            .company_id
        )
        if not other_company:
            self.skipTest("no second company with a chart of accounts")
        move = (
            self.env["account.move"]
            .with_company(other_company)
            .create(
                {
                    "move_type": "out_invoice",
                    "company_id": other_company.id,
                    "partner_id": self.customer.id,
                    "invoice_user_id": self.seller.id,
                    "invoice_date": date(2026, 1, 1),
                    "invoice_line_ids": [
                        Command.create({"name": "Bottles", "quantity": 1, "price_unit": 50.0})
                    ],
                }
            )
        )
        move.action_post()
        move.invoice_date_due = date(2026, 1, 10)
        self.assertEqual(self.overdue(move).company_id, other_company)
        for user in (self.seller, self.head):
            with self.subTest(user=user.login):
                self.assertFalse(self.overdue(move, user=user))
