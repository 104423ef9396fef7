# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Nobody moves a request past the Department Head's gate: the calls below are
what a JSON-RPC client sends (plain create / write / unlink, any values, any
context). Other helpdesk teams work as helpdesk_mgmt alone."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .aftersales_common import AfterSalesCommon

CLIENT_CONTEXTS = [
    {},
    {"after_sales_gate": True, "install_mode": True},
    {"tracking_disable": True, "active_test": False, "sudo": True},
]
SNAPSHOT = ["stage_id", "team_id", "user_id", "after_sales_state", "after_sales_confirmed_date"]


@tagged("post_install", "-at_install")
class TestAfterSalesGuard(AfterSalesCommon):
    def snapshot(self, ticket):
        ticket.invalidate_recordset()
        return ticket.read(SNAPSHOT)

    def test_gate_holds_against_rpc_writes(self):
        ticket = self.request()
        before = self.snapshot(ticket)
        moves = [
            {"stage_id": self.stage_progress.id},
            {"stage_id": self.stage_done.id},
            {"team_id": self.tech_team.id},
            {"team_id": self.other_team.id},
            {"user_id": self.technician.id},
            {"after_sales_state": "confirmed"},
            {"after_sales_confirmed_date": "2026-01-01 00:00:00"},
            {"after_sales_service_status": "resolved"},
        ]
        for user in (self.caller, self.seller, self.head, self.gm):
            for context in CLIENT_CONTEXTS:
                for vals in moves:
                    with self.subTest(user=user.login, vals=vals, context=context):
                        with self.assertRaises(AccessError):
                            ticket.with_user(user).with_context(**context).write(vals)
                        self.assertEqual(self.snapshot(ticket), before)
        # even the server code (sudo) cannot move it
        with self.assertRaisesRegex(AccessError, "cannot be changed this way"):
            ticket.sudo().write({"stage_id": self.stage_done.id})
        self.assertEqual(self.snapshot(ticket), before)
        # what the request itself holds may still be corrected
        ticket.with_user(self.caller).write({"name": "Pump leaks at the joint", "priority": "2"})
        self.assertEqual(ticket.name, "Pump leaks at the joint")

    def test_create_cannot_skip_the_gate(self):
        Ticket = self.env["helpdesk.ticket"]
        count = Ticket.sudo().search_count([])
        with self.assertRaisesRegex(AccessError, "waits for the Department Head"):
            self.request(stage_id=self.stage_done.id)
        with self.assertRaisesRegex(AccessError, "waits for the Department Head"):
            self.request(user_id=self.technician.id)
        for context in CLIENT_CONTEXTS:
            with self.assertRaisesRegex(AccessError, "set by its actions only"):
                self.env["helpdesk.ticket"].with_user(self.head).with_context(**context).create(
                    {
                        "name": "x",
                        "description": "x",
                        "team_id": self.team.id,
                        "after_sales_state": "confirmed",
                    }
                )
        self.assertEqual(Ticket.sudo().search_count([]), count)
        # nor through the defaults of a client's context, on any team
        workflow = {
            "default_after_sales_state": "confirmed",
            "default_after_sales_confirmed_by_id": self.head.id,
            "default_after_sales_confirmed_date": "2026-01-01 00:00:00",
            "default_after_sales_escalated": True,
            "default_after_sales_decline_reason": "x",
        }
        for team, user in ((self.team, self.caller), (self.other_team, self.technician)):
            ticket = (
                Ticket.with_user(user)
                .with_context(**workflow)
                .create({"name": "x", "description": "x", "team_id": team.id})
            )
            self.assertEqual(ticket.after_sales_state, "to_confirm" if team == self.team else False)
            self.assertFalse(ticket.after_sales_confirmed_by_id)
            self.assertFalse(ticket.after_sales_confirmed_date)
            self.assertFalse(ticket.after_sales_escalated)
            self.assertFalse(ticket.after_sales_decline_reason)

    def test_other_teams_unchanged(self):
        plain = (
            self.env["helpdesk.ticket"]
            .with_user(self.technician)
            .create(
                {
                    "name": "Printer",
                    "description": "x",
                    "team_id": self.other_team.id,
                    "stage_id": self.stage_progress.id,
                    "user_id": self.technician.id,
                }
            )
        )
        self.assertFalse(plain.after_sales_state)
        self.assertEqual(plain.stage_id, self.stage_progress)
        plain.write({"stage_id": self.stage_done.id})
        self.assertTrue(plain.closed)
        self.assertFalse(plain.activity_ids)
        copy = plain.copy()
        self.assertFalse(copy.after_sales_state)
        copy.with_user(self.env.user).unlink()

    def test_after_confirmation_only_the_technical_side_works_it(self):
        ticket = self.request()
        ticket.with_user(self.head).action_confirm_after_sales()
        before = self.snapshot(ticket)
        for user in (self.caller, self.seller):
            for vals in (
                {"stage_id": self.stage_done.id},
                {"user_id": user.id},
                {"after_sales_result": "done"},
            ):
                with self.assertRaisesRegex(AccessError, "cannot be changed this way"):
                    ticket.with_user(user).write(vals)
                self.assertEqual(self.snapshot(ticket), before)
        # nor back into the after-sales team
        with self.assertRaisesRegex(AccessError, "only as after-sales requests"):
            ticket.with_user(self.technician).write({"team_id": self.team.id})
        self.assertEqual(self.snapshot(ticket), before)

    def test_no_delete_no_copy(self):
        ticket = self.request()
        with self.assertRaises(AccessError):
            ticket.with_user(self.head).unlink()
        # not even a helpdesk manager
        with self.assertRaisesRegex(UserError, "are kept"):
            ticket.with_user(self.env.user).unlink()
        with self.assertRaisesRegex(UserError, "instead of copying"):
            ticket.copy()
        self.assertTrue(ticket.exists())

    def test_bad_input(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.caller)
        ticket = self.request()
        with self.assertRaisesRegex(UserError, "dictionary"):
            ticket.with_user(self.caller).write(None)
        with self.assertRaisesRegex(UserError, "dictionary"):
            Ticket.create("abc")
        with self.assertRaises(ValueError):
            ticket.with_user(self.caller).write({"priority": "99"})
        with self.assertRaises(AccessError):
            ticket.with_user(self.caller).write({"team_id": "abc"})
        self.assertEqual(ticket.team_id, self.team)

    def test_access_per_role(self):
        Ticket = self.env["helpdesk.ticket"]
        mine = self.request()
        orphan = self.request(partner_id=self.orphan.id, user=self.seller)
        confirmed = self.request()
        confirmed.with_user(self.head).action_confirm_after_sales()
        other_caller = new_test_user(
            self.env, login="sdr_caller2", groups="sales_dept_regulation.group_role_telemarketer"
        )
        domain = [("after_sales_state", "!=", False)]
        seen = {
            "caller": Ticket.with_user(self.caller).search(domain),
            "seller": Ticket.with_user(self.seller).search(domain),
            "head": Ticket.with_user(self.head).search(domain),
            "gm": Ticket.with_user(self.gm).search(domain),
            "tech": Ticket.with_user(self.technician).search(domain),
            "caller2": Ticket.with_user(other_caller).search(domain),
        }
        all_three = mine | orphan | confirmed
        self.assertEqual(seen["caller"] & all_three, mine | confirmed)
        self.assertEqual(seen["seller"] & all_three, all_three)
        self.assertEqual(seen["head"] & all_three, all_three)
        self.assertEqual(seen["gm"] & all_three, all_three)
        self.assertEqual(seen["tech"] & all_three, confirmed)
        self.assertFalse(seen["caller2"] & all_three)
        # read_group and export tell no more than search
        groups = Ticket.with_user(self.technician).formatted_read_group(
            [("id", "in", all_three.ids)], ["after_sales_state"], ["__count"]
        )
        self.assertEqual({g["after_sales_state"]: g["__count"] for g in groups}, {"confirmed": 1})
        exported = (
            Ticket.with_user(self.technician)
            .search([("id", "in", all_three.ids)])
            .export_data(["number", "after_sales_state"])["datas"]
        )
        self.assertEqual(exported, [[confirmed.number, "Confirmed"]])
        with self.assertRaises(AccessError):
            (mine | confirmed).with_user(self.technician).export_data(["number"])

    def test_rules_hold_after_the_write(self):
        ticket = self.request(user=self.seller)
        ticket = ticket.with_user(self.seller)
        # the requester still sees it: moving it to another customer is allowed
        ticket.write({"partner_id": self.orphan.id})
        self.assertEqual(ticket.after_sales_salesperson_id.id, False)
        # the former salesperson follows it still (feedback subtype), so still sees it
        self.assertTrue(ticket.with_user(self.seller).search([("id", "=", ticket.id)]))

    def test_multi_company(self):
        company_b = self.env["res.company"].create({"name": "AS Company B"})
        team_b = self.team.copy({"name": "After-Sales B", "company_id": company_b.id})
        self.stage_to_confirm.team_ids = [Command.link(team_b.id)]
        self.stage_declined.team_ids = [Command.link(team_b.id)]
        head_b = new_test_user(
            self.env,
            login="sdr_head_b",
            groups="sales_dept_regulation.group_role_department_head",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        ticket_b = (
            self.env["helpdesk.ticket"]
            .with_user(head_b)
            .with_company(company_b)
            .create({"name": "B", "description": "x", "team_id": team_b.id})
        )
        self.assertEqual(ticket_b.company_id, company_b)
        for user in (self.head, self.gm, self.seller):
            self.assertFalse(
                self.env["helpdesk.ticket"].with_user(user).search([("id", "=", ticket_b.id)])
            )
        with self.assertRaises(AccessError):
            ticket_b.with_user(self.head).action_confirm_after_sales()
        self.assertEqual(ticket_b.after_sales_state, "to_confirm")
