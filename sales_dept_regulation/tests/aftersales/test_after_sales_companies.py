# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .aftersales_common import AfterSalesCommon


@tagged("post_install", "-at_install")
class TestAfterSalesCompanies(AfterSalesCommon):
    """Every company has its after-sales and technical teams and its grade SLA
    rules; the technicians are in the technical team by holding the role."""

    def company_records(self, company):
        Team = self.env["helpdesk.ticket.team"].with_context(active_test=False)
        team = Team.search([("company_id", "=", company.id), ("is_after_sales", "=", True)])
        rules = self.env["helpdesk.sla"].search([("team_ids", "in", team.ids)])
        return team, rules

    def check_company(self, company):
        team, rules = self.company_records(company)
        self.assertEqual(len(team), 1, "one after-sales team per company")
        tech = team.technical_team_id
        self.assertTrue(tech.is_technical)
        self.assertEqual(tech.company_id, company)
        self.assertEqual(len(rules), 10, "a response and a resolution rule per grade and prospects")
        self.assertEqual(rules.company_id, company)
        grades = self.env["sale.customer.grade"].search([("company_id", "=", company.id)])
        named = {
            int(rule.domain.rsplit(",", 1)[1].strip(" )]"))
            for rule in rules
            if "after_sales_grade_id" in rule.domain
        }
        self.assertEqual(len(named), 4, "the formal grades A to D")
        self.assertLessEqual(named, set(grades.ids), "the company's own grades")
        stages = team._get_applicable_stages().mapped("after_sales_role")
        self.assertIn("to_confirm", stages)
        self.assertIn("declined", stages)
        self.assertTrue(
            self.env["helpdesk.ticket.channel"].search_count([("company_id", "=", company.id)])
        )
        return team

    def test_company_created_after_install(self):
        company = self.env["res.company"].create({"name": "AS Later Company"})
        team = self.check_company(company)
        self.assertNotEqual(team, self.team, "not the install company's team")
        self.assertEqual(company._aftersales_team(), team)
        # a technician given the new company joins its technical team at once
        self.technician.company_ids = [Command.link(company.id)]
        self.assertIn(self.technician, team.technical_team_id.user_ids)
        # and a formal C customer of the company gets a deadline
        grade_c = self.env["sale.customer.grade"].search(
            [("company_id", "=", company.id), ("customer_stage", "=", "formal"), ("name", "=", "C")]
        )
        customer = self.env["res.partner"].create(
            {"name": "AS Later Customer", "is_company": True, "company_id": company.id}
        )
        customer._grading_engine().write(
            {"customer_stage": "formal", "customer_grade_id": grade_c.id}
        )
        caller = new_test_user(
            self.env,
            login="sdr_as_later_caller",
            groups=f"{MODULE}.group_role_telemarketer",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        Ticket = self.env["helpdesk.ticket"].with_user(caller).with_company(company)
        defaults = Ticket.with_context(after_sales_new_request=True).default_get(["team_id"])
        self.assertEqual(defaults["team_id"], team.id)
        ticket = Ticket.create(
            {
                "name": "Later leak",
                "description": "<p>Leaks</p>",
                "partner_id": customer.id,
                "team_id": team.id,
            }
        )
        self.assertEqual(ticket.after_sales_state, "to_confirm")
        self.assertEqual(ticket.after_sales_grade_id, grade_c)
        self.assertTrue(ticket.sla_deadline)
        self.assertEqual(ticket.sudo().sla_ids.company_id, company)

    def test_demo_company(self):
        company = self.env.ref(f"{MODULE}.company_demo_jianshi", raise_if_not_found=False)
        if not company:
            self.skipTest("installed without demo data")
        self.check_company(company)
        technician = self.env.ref(f"{MODULE}.user_demo_technical_staff")
        self.assertIn(technician, company._aftersales_team().technical_team_id.user_ids)
        states = set(
            self.env["helpdesk.ticket"]
            .search([("company_id", "=", company.id), ("after_sales_state", "!=", False)])
            .mapped("after_sales_progress")
        )
        self.assertEqual(states, {"to_confirm", "in_progress", "closed", "declined"})

    def test_technician_follows_the_role(self):
        newcomer = new_test_user(self.env, login="sdr_as_newcomer", groups="base.group_user")
        self.assertNotIn(newcomer, self.tech_team.user_ids)
        request = self.request()
        request.with_user(self.head).action_confirm_after_sales()
        self.assertFalse(request.with_user(newcomer).has_access("read"))
        role = self.env.ref(f"{MODULE}.group_role_technical_staff")
        newcomer.group_ids = [Command.link(role.id)]
        self.assertIn(newcomer, self.tech_team.user_ids)
        # the access is current at once: no cache to clear by hand
        self.assertTrue(request.with_user(newcomer).has_access("read"))
        request.with_user(newcomer).assign_to_me()
        self.assertEqual(request.user_id, newcomer)
        # given the role from the group's side too, taken out when it is lost
        role.user_ids = [Command.unlink(newcomer.id)]
        self.assertNotIn(newcomer, self.tech_team.user_ids)
        other = new_test_user(self.env, login="sdr_as_other_tech", groups="base.group_user")
        role.user_ids = [Command.link(other.id)]
        self.assertIn(other, self.tech_team.user_ids)

    def test_regulation_admin_keeps_the_after_sales_rules(self):
        admin = self.role_users["regulation_admin"]
        Sla = self.env["helpdesk.sla"].with_user(admin).with_context(after_sales_sla=True)
        rule = self.env.ref(f"{MODULE}.helpdesk_sla_formal_c_response").with_user(admin)
        rule.hours = 6
        self.assertEqual(rule.hours, 6)
        defaults = Sla.default_get(["team_ids", "company_id"])
        self.assertEqual(defaults["team_ids"], [Command.set(self.team.ids)])
        new_rule = Sla.create({"name": "Urgent", "team_ids": defaults["team_ids"], "hours": 1})
        self.assertEqual(new_rule.team_ids, self.team)
        foreign = self.env["helpdesk.sla"].create(
            {"name": "IT rule", "team_ids": [Command.set(self.other_team.ids)], "hours": 3}
        )
        with self.assertRaises(AccessError):
            foreign.with_user(admin).hours = 1
        with self.assertRaises(AccessError):
            Sla.create({"name": "IT", "team_ids": [Command.set(self.other_team.ids)]})
        with self.assertRaises(AccessError):
            # an after-sales rule widened to another team
            new_rule.team_ids = [Command.link(self.other_team.id)]
        menu = self.env.ref(f"{MODULE}.helpdesk_sla_menu_after_sales")
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(admin)._visible_menu_ids())

    def test_close_asks_the_outcome(self):
        request = self.request()
        request.with_user(self.head).action_confirm_after_sales()
        tech_request = request.with_user(self.technician)
        self.assertEqual(tech_request.after_sales_progress, "in_progress")
        with self.assertRaises(UserError):
            tech_request.action_close_after_sales("resolved", "  ")
        with self.assertRaises(UserError):
            tech_request.action_close_after_sales("maybe", "Done")
        wizard = (
            self.env["helpdesk.ticket.close.wizard"]
            .with_user(self.technician)
            .create(
                {
                    "ticket_ids": [Command.set(request.ids)],
                    "service_status": "unresolved",
                    "result": "The part is out of production",
                }
            )
        )
        wizard.action_close()
        self.assertTrue(request.closed)
        self.assertEqual(request.after_sales_progress, "closed")
        self.assertEqual(request.after_sales_service_status, "unresolved")
        self.assertEqual(request.after_sales_result, "The part is out of production")
        with self.assertRaises(UserError):
            tech_request.action_close_after_sales("resolved", "Again")
        # the caller may not close a request
        other = self.request()
        other.with_user(self.head).action_confirm_after_sales()
        with self.assertRaises(AccessError):
            other.with_user(self.caller).action_close_after_sales("resolved", "Done")

    def test_new_request_display_name(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.caller)
        new = Ticket.new({"name": "Pump noise"})
        self.assertEqual(new.display_name, "Pump noise")
        self.assertNotIn("False", Ticket.new({}).display_name)
