# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The after-sales flow with its five users: the telemarketer logs the request,
the Department Head confirms it, the technician works and closes it, the
salesperson and the Department Head get the feedback."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .aftersales_common import AfterSalesCommon


@tagged("post_install", "-at_install")
class TestAfterSalesFlow(AfterSalesCommon):
    def _feedback_messages(self, ticket):
        return ticket.message_ids.filtered(lambda m: m.subtype_id == self.feedback)

    def test_whole_flow(self):
        Ticket = self.env["helpdesk.ticket"]
        ticket = self.request()
        # 1. the request waits for the Department Head
        self.assertEqual(ticket.after_sales_state, "to_confirm")
        self.assertEqual(ticket.stage_id, self.stage_to_confirm)
        self.assertEqual(ticket.team_id, self.team)
        self.assertFalse(ticket.user_id)
        self.assertEqual(ticket.after_sales_requester_id, self.caller)
        self.assertEqual(ticket.after_sales_salesperson_id, self.seller)
        self.assertEqual(ticket.after_sales_phone, "+86 138 1234 5678")
        followers = ticket.message_follower_ids.filtered(
            lambda f: f.partner_id in (self.head | self.seller).partner_id
        )
        self.assertEqual(followers.partner_id, (self.head | self.seller).partner_id)
        for follower in followers:
            self.assertIn(self.feedback, follower.subtype_ids)
        # the technical department does not see it yet
        self.assertFalse(Ticket.with_user(self.technician).search([("id", "=", ticket.id)]))
        with self.assertRaises(AccessError):
            ticket.with_user(self.technician).read(["name"])
        # the salesperson sees the request of their customer
        self.assertEqual(Ticket.with_user(self.seller).search([("id", "=", ticket.id)]), ticket)

        # 2. the Department Head confirms it
        ticket.with_user(self.head).action_confirm_after_sales()
        self.assertEqual(ticket.after_sales_state, "confirmed")
        self.assertEqual(ticket.team_id, self.tech_team)
        self.assertEqual(ticket.stage_id, self.stage_new)
        self.assertEqual(ticket.after_sales_confirmed_by_id, self.head)
        self.assertTrue(ticket.after_sales_confirmed_date)

        # 3. the technician sees it, talks to the customer and reports
        as_tech = ticket.with_user(self.technician)
        self.assertEqual(Ticket.with_user(self.technician).search([("id", "=", ticket.id)]), ticket)
        as_tech.assign_to_me()
        as_tech.write({"stage_id": self.stage_progress.id})
        call_note = "Called the customer"
        as_tech.message_post(body=call_note, message_type="comment")
        as_tech.write({"after_sales_service_status": "workaround"})
        self.flush_tracking()
        self.assertTrue(self._feedback_messages(ticket))

        # closing needs the service status and the result
        as_tech.write({"after_sales_service_status": False})
        with self.assertRaisesRegex(ValidationError, "service status and the result"):
            as_tech.write({"stage_id": self.stage_done.id})
        self.assertEqual(ticket.stage_id, self.stage_progress)
        with self.assertRaisesRegex(ValidationError, "service status and the result"):
            as_tech.write(
                {
                    "stage_id": self.stage_done.id,
                    "after_sales_service_status": "resolved",
                    "after_sales_result": "   ",
                }
            )
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertFalse(ticket.after_sales_service_status)

        as_tech.write(
            {
                "stage_id": self.stage_done.id,
                "after_sales_service_status": "resolved",
                "after_sales_result": "Seal replaced on site.",
            }
        )
        self.assertTrue(ticket.closed)
        self.flush_tracking()
        self.assertGreater(ticket.after_sales_resolution_hours, -1)

        # 4. the closing reaches the salesperson and the Department Head
        closing = self._feedback_messages(ticket.sudo())[:1]
        self.assertIn(self.stage_done.name, closing.tracking_value_ids.mapped("new_value_char"))
        notified = closing.notification_ids.res_partner_id
        self.assertIn(self.seller.partner_id, notified)
        self.assertIn(self.head.partner_id, notified)
        follow_up = ticket.activity_ids.filtered(lambda a: a.user_id == self.seller)
        self.assertEqual(len(follow_up), 1)
        self.assertEqual(
            follow_up.activity_type_id,
            self.env.ref("sales_dept_regulation.mail_activity_after_sales_follow_up"),
        )
        # the salesperson reads the result
        self.assertEqual(
            ticket.with_user(self.seller).read(["after_sales_result"])[0]["after_sales_result"],
            "Seal replaced on site.",
        )
        # the General Manager sees it too
        self.assertEqual(Ticket.with_user(self.gm).search([("id", "=", ticket.id)]), ticket)

    def test_decline_with_reason(self):
        ticket = self.request()
        wizard_action = ticket.with_user(self.head).action_open_after_sales_decline()
        Wizard = self.env[wizard_action["res_model"]].with_user(self.head)
        wizard = Wizard.with_context(**wizard_action["context"]).create({"reason": "  "})
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.action_decline()
        self.assertEqual(ticket.after_sales_state, "to_confirm")
        wizard = Wizard.with_context(**wizard_action["context"]).create(
            {"reason": "Not our product"}
        )
        wizard.action_decline()
        self.assertEqual(ticket.after_sales_state, "declined")
        self.assertEqual(ticket.stage_id, self.stage_declined)
        self.assertEqual(ticket.after_sales_decline_reason, "Not our product")
        message = ticket.message_ids.filtered(lambda m: "Not our product" in (m.body or ""))[:1]
        self.assertIn(self.caller.partner_id, message.partner_ids)
        # declined: nobody confirms it afterwards
        with self.assertRaisesRegex(UserError, "not an after-sales request waiting"):
            ticket.with_user(self.head).action_confirm_after_sales()
        self.assertEqual(ticket.team_id, self.team)

    def test_only_the_department_head_confirms(self):
        ticket = self.request()
        for user in (self.caller, self.seller, self.gm, self.technician):
            with self.assertRaisesRegex(AccessError, "Only the Department Head"):
                ticket.with_user(user).action_confirm_after_sales()
            with self.assertRaisesRegex(AccessError, "Only the Department Head"):
                ticket.with_user(user).action_decline("no")
        self.assertEqual(ticket.after_sales_state, "to_confirm")
        ticket.with_user(self.head).action_confirm_after_sales()
        with self.assertRaisesRegex(UserError, "not an after-sales request waiting"):
            ticket.with_user(self.head).action_confirm_after_sales()
        plain = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "x", "team_id": self.other_team.id}
        )
        with self.assertRaisesRegex(UserError, "not an after-sales request waiting"):
            plain.with_user(self.head).action_confirm_after_sales()

    def test_customer_without_salesperson(self):
        ticket = self.request(partner_id=self.orphan.id)
        self.assertFalse(ticket.after_sales_salesperson_id)
        notice = ticket.message_ids.filtered(lambda m: "no salesperson" in (m.body or ""))
        self.assertIn(self.head.partner_id, notice.partner_ids)
        ticket.with_user(self.head).action_confirm_after_sales()
        ticket.with_user(self.technician).write(
            {
                "stage_id": self.stage_done.id,
                "after_sales_service_status": "unresolved",
                "after_sales_result": "Customer unreachable",
            }
        )
        self.assertEqual(ticket.activity_ids.user_id, self.head)

    def test_phone_validated(self):
        Ticket = self.env["helpdesk.ticket"]
        count = Ticket.search_count([])
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.request(after_sales_phone="12")
        with self.assertRaisesRegex(ValidationError, "must be text"):
            self.request(after_sales_phone=12345)
        self.assertEqual(Ticket.search_count([]), count)
        ticket = self.request()
        with self.assertRaisesRegex(ValidationError, "not valid"):
            ticket.write({"after_sales_phone": "abc"})
        self.assertEqual(ticket.after_sales_phone, "+86 138 1234 5678")

    def test_complaints_on_the_customer(self):
        self.request(category_id=self.category_complaint.id)
        self.request(category_id=self.category_complaint.id)
        self.request()
        customer = self.customer.with_user(self.head)
        self.assertEqual(customer.sdr_complaint_count, 2)
        action = customer.action_aftersales_view_complaints()
        self.assertEqual(self.env["helpdesk.ticket"].search_count(action["domain"]), 2)
