# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

MODULE = "sales_dept_regulation"
ACTION = f"/odoo/action-{MODULE}.action_after_sales_ticket"


@tagged("post_install", "-at_install")
class TestAfterSalesTour(HttpCase):
    def _user(self, login, group):
        return new_test_user(
            self.env, login=login, password=login, name=login, lang="zh_CN", groups=group
        )

    def test_request_confirmed_closed_and_reported(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        caller = self._user("tour_as_caller", f"{MODULE}.group_role_telemarketer")
        head = self._user("tour_as_head", f"{MODULE}.group_role_department_head")
        seller = self._user("tour_as_seller", f"{MODULE}.group_role_salesperson")
        tech = self._user("tour_as_tech", f"{MODULE}.group_role_technical_staff")
        self.env.ref(f"{MODULE}.group_role_department_head").user_ids = [Command.set(head.ids)]
        self.env.ref(f"{MODULE}.helpdesk_team_technical").user_ids = [Command.set(tech.ids)]
        customer = self.env["res.partner"].create(
            {
                "name": "Tour AS Customer",
                "is_company": True,
                "user_id": seller.id,
                "country_id": self.env.ref("base.cn").id,
            }
        )
        self.start_tour(ACTION, f"{MODULE}_after_sales_request", login=caller.login)
        ticket = self.env["helpdesk.ticket"].search([("partner_id", "=", customer.id)])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.after_sales_state, "to_confirm")
        self.assertEqual(ticket.after_sales_requester_id, caller)
        self.assertEqual(ticket.after_sales_salesperson_id, seller)

        self.start_tour(f"{ACTION}/{ticket.id}", f"{MODULE}_after_sales_confirm", login=head.login)
        self.assertEqual(ticket.after_sales_state, "confirmed")
        self.assertEqual(ticket.after_sales_confirmed_by_id, head)

        self.start_tour(f"{ACTION}/{ticket.id}", f"{MODULE}_after_sales_close", login=tech.login)
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.after_sales_service_status, "resolved")

        self.start_tour(
            f"{ACTION}/{ticket.id}", f"{MODULE}_after_sales_feedback", login=seller.login
        )
        self.assertEqual(ticket.activity_ids.user_id, seller)
