# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command

from ..accounting_common import AccountingCommon


class ReceivablesCommon(AccountingCommon):
    """Two salespeople with a customer each, a Department Head, and posted
    invoices made by the test in the company that has a chart of accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls.company_user
        cls.seller = user("sdr_rcv_seller", "group_role_salesperson")
        cls.seller_2 = user("sdr_rcv_seller_2", "group_role_salesperson")
        cls.telemarketer = user("sdr_rcv_tele", "group_role_telemarketer")
        cls.head = user("sdr_rcv_head", "group_role_department_head")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Receivables Customer A", "user_id": cls.seller.id, "is_company": True}
        )
        cls.customer_2 = cls.env["res.partner"].create(
            {"name": "Receivables Customer B", "user_id": cls.seller_2.id, "is_company": True}
        )
        cls.Overdue = cls.env["sale.receivable.overdue"]
        cls.Promise = cls.env["sale.receivable.promise"]

    @classmethod
    def invoice(cls, customer, due, amount=1000.0, invoice_date=None, salesperson=None):
        """A posted customer invoice of ``customer`` due on ``due``."""
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "company_id": cls.company.id,
                "partner_id": customer.id,
                "invoice_date": invoice_date or due,
                "invoice_date_due": due,
                "invoice_line_ids": [
                    Command.create({"name": "Bottles", "quantity": 1, "price_unit": amount})
                ],
            }
        )
        move.invoice_line_ids.tax_ids = False
        if salesperson is not None:
            move.invoice_user_id = salesperson
        move.action_post()
        # a payment term would recompute it: the test names the due date
        move.invoice_date_due = due
        return move

    def overdue(self, move, user=None, **context):
        """The view's line of ``move``, read afresh (as a new request would:
        the view's values depend on the day and the reader's time zone)."""
        self.env.invalidate_all()
        Overdue = self.Overdue.with_user(user) if user else self.Overdue
        return Overdue.with_context(**context).search([("move_id", "=", move.id)])
