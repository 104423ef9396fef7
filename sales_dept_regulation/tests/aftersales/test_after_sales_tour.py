# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

MODULE = "sales_dept_regulation"
TITLE = "输液泵报警失灵"


@tagged("post_install", "-at_install")
class TestAfterSalesTour(HttpCase):
    """The demo users, on the demo data, from the app's landing page: nothing is
    set up here; the test only reads what the clicks did."""

    def test_request_filed_confirmed_and_closed(self):
        technician = self.env.ref(f"{MODULE}.user_demo_technical_staff", raise_if_not_found=False)
        if not technician:
            self.skipTest("installed without demo data")
        caller = self.env.ref(f"{MODULE}.user_demo_telemarketer")
        head = self.env.ref(f"{MODULE}.user_demo_department_head")
        seller = self.env.ref(f"{MODULE}.user_demo_salesperson")
        customer = self.env.ref(f"{MODULE}.partner_demo_kangda")
        company = self.env.ref(f"{MODULE}.company_demo_jianshi")

        self.start_tour("/odoo", f"{MODULE}_after_sales_file", login=caller.login)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", TITLE)])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.after_sales_state, "to_confirm")
        self.assertEqual(ticket.company_id, company)
        self.assertEqual(ticket.team_id, company._aftersales_team())
        self.assertEqual(ticket.partner_id, customer)
        self.assertEqual(ticket.after_sales_requester_id, caller)
        self.assertEqual(ticket.after_sales_salesperson_id, seller)
        self.assertEqual(ticket.channel_id.company_id, company)
        # a formal C customer of the demo company: a deadline from its grade's rules
        self.assertEqual(ticket.after_sales_grade_id.name, "C")
        self.assertTrue(ticket.sla_deadline)

        self.start_tour("/odoo", f"{MODULE}_after_sales_confirm", login=head.login)
        self.assertEqual(ticket.after_sales_state, "confirmed")
        self.assertEqual(ticket.after_sales_confirmed_by_id, head)
        self.assertEqual(ticket.team_id, company._aftersales_team().technical_team_id)

        self.start_tour("/odoo", f"{MODULE}_after_sales_close", login=technician.login)
        self.assertEqual(ticket.user_id, technician)
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.after_sales_progress, "closed")
        self.assertEqual(ticket.after_sales_service_status, "resolved")
        self.assertIn("重置报警", ticket.after_sales_result)
        # the salesperson calls the customer back
        self.assertEqual(ticket.activity_ids.user_id, seller)


@tagged("post_install", "-at_install")
class TestAfterSalesPhoneTour(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_technician_closes_on_a_phone(self):
        technician = self.env.ref(f"{MODULE}.user_demo_technical_staff", raise_if_not_found=False)
        if not technician:
            self.skipTest("installed without demo data")
        ticket = self.env.ref(f"{MODULE}.helpdesk_ticket_demo_confirmed")
        self.assertEqual(ticket.after_sales_progress, "in_progress")
        self.start_tour("/odoo", f"{MODULE}_after_sales_close_phone", login=technician.login)
        self.assertEqual(ticket.user_id, technician)
        self.assertEqual(ticket.after_sales_progress, "closed")
        self.assertEqual(ticket.after_sales_service_status, "workaround")


@tagged("post_install", "-at_install")
class TestAfterSalesSlaTour(HttpCase):
    def test_regulation_admin_sets_a_response_time(self):
        admin = self.env.ref(f"{MODULE}.user_demo_regulation_admin", raise_if_not_found=False)
        if not admin:
            self.skipTest("installed without demo data")
        company = self.env.ref(f"{MODULE}.company_demo_jianshi")
        self.start_tour("/odoo", f"{MODULE}_after_sales_sla_config", login=admin.login)
        rule = self.env["helpdesk.sla"].search(
            [
                ("company_id", "=", company.id),
                ("name", "=", "Grade C: response"),
            ]
        )
        self.assertEqual(rule.hours, 6)
