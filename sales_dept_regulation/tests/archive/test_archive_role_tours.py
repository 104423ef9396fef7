# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Each archive role's main path in the browser, in Chinese, as the demo user
on the demo data: nothing is set up here, the tests only read afterwards."""

from odoo.tests import HttpCase, tagged

MODULE = "sales_dept_regulation"


class ArchiveDemoTour(HttpCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref(f"{MODULE}.archive_loan_demo_requested", raise_if_not_found=False):
            self.skipTest("the archive's demo data is not installed")

    def _demo(self, xmlid):
        return self.env.ref(f"{MODULE}.{xmlid}")


@tagged("post_install", "-at_install")
class TestArchiveRoleTours(ArchiveDemoTour):
    def test_salesperson_asks_to_borrow_also_a_confidential_paper(self):
        salesperson = self._demo("user_demo_salesperson")
        self.start_tour("/odoo", "sales_dept_regulation_archive_borrow_zh", login="wangfang")
        loans = self.env["sale.archive.loan"].search(
            [("borrower_id", "=", salesperson.id), ("state", "=", "requested")]
        )
        plan = self._demo("archive_document_demo_plan")
        price_floor = self._demo("archive_document_demo_price_floor")
        self.assertEqual(
            loans.filtered(lambda loan: loan.document_id == plan).purpose, "准备客户拜访资料"
        )
        hidden = loans.filtered(lambda loan: loan.document_id == price_floor)
        self.assertEqual(hidden.purpose, "核对报价底线")
        # a paper she may not open: the Department Head decides her request
        self.assertFalse(price_floor.with_user(salesperson).has_access("read"))
        self.assertEqual(hidden.review_ids.reviewer_ids, self._demo("user_demo_department_head"))

    def test_department_head_decides_a_confidential_loan(self):
        loan = self._demo("archive_loan_demo_requested")
        self.start_tour("/odoo", "sales_dept_regulation_archive_decide_zh", login="zhangwei")
        self.assertEqual(loan.state, "approved")
        self.assertEqual(loan.review_ids.done_by, self._demo("user_demo_department_head"))


@tagged("post_install", "-at_install")
class TestArchiveClerkPhoneTour(ArchiveDemoTour):
    browser_size = "390x844"
    touch_enabled = True

    def test_clerk_hands_over_and_takes_back_on_a_phone(self):
        handed = self._demo("archive_loan_demo_approved")
        back = self._demo("archive_loan_demo_signed_out")
        clerk = self._demo("user_demo_sales_clerk")
        self.start_tour("/odoo", "sales_dept_regulation_archive_handover_phone", login="liuyang")
        self.assertEqual((handed.state, handed.handover_by_id), ("signed_out", clerk))
        self.assertEqual(handed.document_id.state, "on_loan")
        self.assertEqual(
            (back.state, back.return_condition, back.returned_to_id), ("returned", "good", clerk)
        )
        self.assertEqual(back.document_id.state, "filed")
