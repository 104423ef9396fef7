# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The trust boundary of after-sales requests (issue 22): the SLA lines follow
their request's record rules and are written by the SLA engine only; whatever
reaches the technical team becomes a request waiting for the Department Head;
the record rules hold on a request as written; bad input is a clear message.
Every call is what a JSON-RPC client sends: plain create / write / unlink as the
user."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .aftersales_common import AfterSalesCommon

SLA_FIELDS = ["ticket_id", "sla_id", "deadline", "state", "consumed_time"]
# the SLA engine's refusal, or the access rights' (no write right on the model)
REFUSED = r"kept by the system|helpdesk\.ticket\.sla"
TICKET_FIELDS = ["name", "team_id", "stage_id", "user_id", "company_id", "after_sales_phone"]


@tagged("post_install", "-at_install")
class TestAfterSalesTrust(AfterSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.helpdesk_user = new_test_user(
            cls.env,
            login="sdr_helpdesk_it",
            name="IT helpdesk user",
            groups="helpdesk_mgmt.group_helpdesk_user_team,base.group_allow_export",
        )
        cls.other_team.user_ids = [Command.link(cls.helpdesk_user.id)]
        cls.rd = new_test_user(
            cls.env,
            login="sdr_rd",
            groups=f"{MODULE}.group_role_rd_engineer,base.group_allow_export",
        )
        cls.employee = new_test_user(
            cls.env, login="sdr_employee", groups="base.group_user,base.group_allow_export"
        )
        cls.caller2 = new_test_user(
            cls.env,
            login="sdr_caller2",
            groups=f"{MODULE}.group_role_telemarketer,base.group_allow_export",
        )
        for user in (cls.caller, cls.seller, cls.head, cls.gm):
            user.group_ids = [Command.link(cls.env.ref("base.group_allow_export").id)]
        # helpdesk_mgmt_sla as a company runs it for another team
        cls.other_team.use_sla = True
        cls.it_sla = cls.env["helpdesk.sla"].create(
            {
                "name": "IT resolution",
                "team_ids": [Command.set(cls.other_team.ids)],
                "stage_id": cls.stage_done.id,
                "hours": 8,
            }
        )
        cls.company_b = cls.env["res.company"].create({"name": "AS Trust Company B"})

    def plain_ticket(self, user=None, **values):
        vals = {"name": "Printer jam", "description": "x", "team_id": self.other_team.id}
        vals.update(values)
        return self.env["helpdesk.ticket"].with_user(user or self.helpdesk_user).create(vals)

    def sla_snapshot(self, lines):
        lines.invalidate_recordset()
        return lines.sudo().read(SLA_FIELDS)

    def ticket_snapshot(self, tickets):
        tickets.invalidate_recordset()
        return tickets.sudo().read(TICKET_FIELDS)

    # ------------------------------------------------------------------
    # 1. SLA lines: read as the request, written by the engine only
    # ------------------------------------------------------------------

    def test_sla_lines_follow_the_request(self):
        Ticket, Line = self.env["helpdesk.ticket"], self.env["helpdesk.ticket.sla"]
        waiting = self.request()
        confirmed = self.request(name="Valve")
        confirmed.with_user(self.head).action_confirm_after_sales()
        plain = self.plain_ticket()
        team_b = self.team.copy({"name": "After-Sales B", "company_id": self.company_b.id})
        self.stage_to_confirm.team_ids = [Command.link(team_b.id)]
        self.env["helpdesk.sla"].create(
            {"name": "B", "team_ids": [Command.set(team_b.ids)], "stage_id": self.stage_done.id}
        )
        ticket_b = (
            Ticket.with_company(self.company_b)
            .sudo()
            .create({"name": "B", "description": "x", "team_id": team_b.id})
        )
        tickets = waiting | confirmed | plain | ticket_b
        lines = tickets.sudo().ticket_sla_ids
        for ticket in tickets:
            self.assertTrue(ticket.sudo().ticket_sla_ids, ticket.name)
        users = {
            "caller": self.caller,
            "caller2": self.caller2,
            "seller": self.seller,
            "head": self.head,
            "gm": self.gm,
            "technician": self.technician,
            "rd": self.rd,
            "employee": self.employee,
            "helpdesk_user": self.helpdesk_user,
        }
        expected = {
            "caller": waiting | confirmed,
            "caller2": Ticket,
            "seller": waiting | confirmed,
            "head": waiting | confirmed,
            "gm": waiting | confirmed,
            "technician": confirmed | plain,
            "rd": Ticket,
            "employee": Ticket,
            "helpdesk_user": plain,
        }
        requests = waiting | confirmed | ticket_b
        for key, user in users.items():
            with self.subTest(user=key):
                seen_tickets = Ticket.with_user(user).search([("id", "in", tickets.ids)])
                seen = Line.with_user(user).search([("id", "in", lines.ids)])
                # the lines of requests a user sees are exactly those of the
                # requests she sees; another team's lines stay as
                # helpdesk_mgmt_sla shows them, to every internal user
                self.assertEqual(seen.sudo().ticket_id, (seen_tickets | plain).sudo())
                self.assertEqual(seen_tickets.sudo(), expected[key].sudo())
                hidden = lines - seen.sudo()
                if hidden:
                    with self.assertRaises(AccessError):
                        hidden.with_user(user).read(["deadline"])
                    with self.assertRaises(AccessError):
                        hidden.with_user(user).export_data(["ticket_id/name"])
                # read_group and export tell no more than search
                groups = Line.with_user(user).formatted_read_group(
                    [("id", "in", lines.ids)], ["ticket_id"], ["__count"]
                )
                self.assertEqual(
                    {g["ticket_id"][0] for g in groups}, set((expected[key] | plain).ids), key
                )
                exported = (
                    Line.with_user(user)
                    .search([("id", "in", requests.sudo().ticket_sla_ids.ids)])
                    .export_data(["ticket_id/number"])
                )
                numbers = {row[0] for row in exported["datas"]}
                self.assertFalse(numbers & set((requests - expected[key]).sudo().mapped("number")))
        # the ticket's own SLA fields, as the technician sees the confirmed one
        self.assertTrue(confirmed.with_user(self.technician).sla_deadline)

    def test_sla_lines_written_by_the_engine_only(self):
        Line = self.env["helpdesk.ticket.sla"]
        waiting = self.request()
        confirmed = self.request(name="Valve")
        confirmed.with_user(self.head).action_confirm_after_sales()
        admin = self.env.ref("base.user_admin")
        attempts = {
            self.caller: waiting,
            self.seller: waiting,
            self.head: waiting,
            self.gm: confirmed,
            self.technician: confirmed,
            admin: confirmed,
        }
        forged = [{"deadline": "2099-12-31 00:00:00"}, {"state": "accomplished"}]
        for user, ticket in attempts.items():
            lines = ticket.sudo().ticket_sla_ids
            before = self.sla_snapshot(lines)
            count = Line.sudo().search_count([])
            with self.subTest(user=user.login):
                for vals in forged:
                    with self.assertRaisesMessage(AccessError, REFUSED):
                        lines.with_user(user).write(vals)
                with self.assertRaisesMessage(AccessError, REFUSED):
                    lines.with_user(user).unlink()
                with self.assertRaisesMessage(AccessError, REFUSED):
                    Line.with_user(user).create(
                        {
                            "ticket_id": ticket.id,
                            "sla_id": lines[:1].sla_id.id,
                            "state": "accomplished",
                        }
                    )
                # nor through the request's own field
                with self.assertRaises(AccessError):
                    ticket.with_user(user).write(
                        {"ticket_sla_ids": [Command.update(lines[0].id, {"state": "accomplished"})]}
                    )
                # nor by re-applying the rules over the lines' history
                if user not in (self.head, self.gm):
                    with self.assertRaisesMessage(AccessError, "apply the SLA rules again"):
                        ticket.with_user(user).set_sla()
                    with self.assertRaisesMessage(AccessError, "apply the SLA rules again"):
                        ticket.with_user(user).refresh_sla()
                self.assertEqual(self.sla_snapshot(lines), before)
                self.assertEqual(Line.sudo().search_count([]), count)
        # those whom the access rights let write SLA lines get the engine's answer
        for user in (self.technician, admin):
            with self.assertRaisesMessage(AccessError, "kept by the system"):
                confirmed.ticket_sla_ids.with_user(user).write({"state": "accomplished"})
        # a line moved from another ticket onto a request is refused too
        plain = self.plain_ticket()
        plain_line = plain.ticket_sla_ids
        with self.assertRaisesMessage(AccessError, "kept by the system"):
            plain_line.with_user(self.helpdesk_user).write({"ticket_id": waiting.id})
        self.assertEqual(plain_line.ticket_id, plain)
        # the engine keeps working for the people who work the request
        response = confirmed.ticket_sla_ids.filtered(
            lambda line: line.expected_stage_id == self.stage_progress
        )
        self.assertEqual(response.state, "in_progress")
        confirmed.with_user(self.technician).write({"stage_id": self.stage_progress.id})
        self.assertEqual(response.state, "accomplished")
        # the Department Head may apply the rules again
        confirmed.with_user(self.head).refresh_sla()
        self.assertEqual(confirmed.sla_ids, confirmed.sudo()._get_sla())

    def test_sla_lines_of_other_teams_unchanged(self):
        # helpdesk_mgmt_sla's behaviour for the lines of other teams' tickets
        plain = self.plain_ticket(user_id=self.helpdesk_user.id)
        line = plain.ticket_sla_ids
        self.assertEqual(line.sla_id, self.it_sla)
        as_user = line.with_user(self.helpdesk_user)
        self.assertTrue(as_user.has_access("write"))
        as_user.write({"consumed_time": 1.0})
        self.assertEqual(line.consumed_time, 1.0)
        # a rule the company adds on tickets hides the ticket, while its line
        # stays found as helpdesk_mgmt_sla finds it (its own
        # test_sla_no_write_permission relies on that); a request's lines follow
        # the request's rules (test_sla_lines_follow_the_request)
        self.env["ir.rule"].create(
            {
                "name": "Very high priority tickets for their assignee only",
                "model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                "domain_force": "['|', ('priority', '!=', '3'), ('user_id', '=', user.id)]",
            }
        )
        plain.write({"priority": "3", "user_id": self.env.user.id})
        Ticket = self.env["helpdesk.ticket"].with_user(self.helpdesk_user)
        self.assertFalse(Ticket.search([("id", "=", plain.id)]))
        Line = self.env["helpdesk.ticket.sla"].with_user(self.helpdesk_user)
        self.assertEqual(Line.search([("id", "=", line.id)]), line)

    # ------------------------------------------------------------------
    # 2. The technical team keeps what arrives
    # ------------------------------------------------------------------

    def assertWaiting(self, ticket, requester):
        ticket.invalidate_recordset()
        self.assertEqual(ticket.after_sales_state, "to_confirm")
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.stage_id, self.stage_to_confirm)
        self.assertFalse(ticket.user_id)
        self.assertEqual(ticket.after_sales_requester_id, requester)
        self.assertEqual(ticket.sudo().sla_ids.team_ids, self.team)
        # the Department Head confirms it as any other request
        ticket.with_user(self.head).action_confirm_after_sales()
        self.assertEqual(ticket.team_id, self.tech_team)
        self.assertEqual(ticket.after_sales_state, "confirmed")

    def test_assignment_to_the_technical_team(self):
        plain = self.plain_ticket(user_id=self.helpdesk_user.id)
        plain.with_user(self.helpdesk_user).write(
            {
                "team_id": self.tech_team.id,
                "stage_id": self.stage_progress.id,
                "user_id": self.technician.id,
                "priority": "2",
            }
        )
        # no error, not lost: the sender still reads it, the rest of the write holds
        self.assertEqual(plain.with_user(self.helpdesk_user).read(["priority"])[0]["priority"], "2")
        self.assertIn("waits in", plain.message_ids[:1].body)
        # the technicians do not see it before the Department Head confirms it
        self.assertFalse(
            self.env["helpdesk.ticket"].with_user(self.technician).search([("id", "=", plain.id)])
        )
        self.assertWaiting(plain, self.helpdesk_user)

    def test_assignment_to_the_after_sales_team(self):
        plain = self.plain_ticket()
        plain.with_user(self.helpdesk_user).write({"team_id": self.team.id})
        self.assertWaiting(plain, self.helpdesk_user)

    def test_creation_in_the_technical_team(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.technician)
            .create(
                {
                    "name": "Pump noise",
                    "description": "x",
                    "team_id": self.tech_team.id,
                    "stage_id": self.stage_progress.id,
                    "user_id": self.technician.id,
                }
            )
        )
        # the technician who logged it reads it; another technician does not
        self.assertEqual(ticket.with_user(self.technician).read(["name"])[0]["name"], "Pump noise")
        tech2 = new_test_user(
            self.env, login="sdr_tech2", groups=f"{MODULE}.group_role_technical_staff"
        )
        self.tech_team.user_ids = [Command.link(tech2.id)]
        self.assertFalse(
            self.env["helpdesk.ticket"].with_user(tech2).search([("id", "=", ticket.id)])
        )
        # nor through the team helpdesk_mgmt derives from the assignee
        derived = (
            self.env["helpdesk.ticket"]
            .with_user(tech2)
            .create({"name": "x", "description": "x", "user_id": tech2.id})
        )
        # a helpdesk user of the technical team (no sales role), whose client
        # asks not to follow what it creates
        self.tech_team.user_ids = [Command.link(self.helpdesk_user.id)]
        sent = (
            self.env["helpdesk.ticket"]
            .with_user(self.helpdesk_user)
            .with_context(mail_create_nosubscribe=True)
            .create({"name": "Leak", "description": "x", "team_id": self.tech_team.id})
        )
        self.assertEqual(sent.with_user(self.helpdesk_user).read(["name"])[0]["name"], "Leak")
        self.assertWaiting(ticket, self.technician)
        self.assertWaiting(derived, tech2)
        self.assertWaiting(sent, self.helpdesk_user)

    def test_mail_to_the_technical_team(self):
        alias_domain = self.env["mail.alias.domain"].create({"name": "sdr-test.example.com"})
        self.env.company.alias_domain_id = alias_domain
        self.tech_team.alias_id.write(
            {"alias_name": "sdr-tech-support", "alias_domain_id": alias_domain.id}
        )
        domain = alias_domain.name
        Ticket = self.env["helpdesk.ticket"]
        for subject, name in (("Pump broken", "Pump broken"), ("   ", "No Subject")):
            with self.subTest(subject=subject):
                raw = (
                    "From: Customer <customer@example.org>\r\n"
                    f"To: sdr-tech-support@{domain}\r\n"
                    f"Subject: {subject}\r\n"
                    f"Message-ID: <sdr-{len(subject)}@example.org>\r\n"
                    "Content-Type: text/plain\r\n\r\nThe pump is broken.\r\n"
                )
                thread_id = self.env["mail.thread"].message_process(None, raw)
                ticket = Ticket.browse(thread_id)
                self.assertEqual(ticket.name, name)
                ticket.invalidate_recordset()
                self.assertEqual(ticket.after_sales_state, "to_confirm")
                self.assertEqual(ticket.team_id, self.team)
                self.assertEqual(ticket.stage_id, self.stage_to_confirm)

    def test_only_technical_teams_receive_requests(self):
        with self.assertRaisesMessage(ValidationError, "flagged as technical"):
            self.team.technical_team_id = self.other_team
        self.assertEqual(self.team.technical_team_id, self.tech_team)
        with self.assertRaisesMessage(ValidationError, "stays a technical team"):
            self.tech_team.is_technical = False
        self.assertTrue(self.tech_team.is_technical)
        with self.assertRaisesMessage(ValidationError, "both"):
            self.team.is_technical = True
        self.assertFalse(self.team.is_technical)
        # a team flagged technical may be chosen; the former one is a plain team again
        self.other_team.is_technical = True
        self.team.technical_team_id = self.other_team
        self.tech_team.is_technical = False
        plain = (
            self.env["helpdesk.ticket"]
            .with_user(self.technician)
            .create({"name": "x", "description": "x", "team_id": self.tech_team.id})
        )
        self.assertFalse(plain.after_sales_state)
        self.assertEqual(plain.team_id, self.tech_team)

    # ------------------------------------------------------------------
    # 3. Record rules on the request as written
    # ------------------------------------------------------------------

    def test_rules_hold_on_the_request_as_written(self):
        ticket = self.request()
        ticket.with_user(self.head).action_confirm_after_sales()
        # a technical team the technician is no member of
        far_team = self.env["helpdesk.ticket.team"].create(
            {"name": "Field Service", "is_technical": True}
        )
        before = self.ticket_snapshot(ticket)
        with self.assertRaises(AccessError):
            ticket.with_user(self.technician).write({"team_id": far_team.id})
        for user in (self.head, self.gm, self.caller):
            with self.assertRaises(AccessError):
                ticket.with_user(user).write({"company_id": self.company_b.id})
        self.assertEqual(self.ticket_snapshot(ticket), before)
        # the after-sales SLA rules the Department Head edits
        sla = self.env.ref(f"{MODULE}.helpdesk_sla_formal_a_response")
        # the install company's, as its team and the grades it names
        company = sla.company_id
        self.assertEqual(company, self.team.company_id)
        with self.assertRaises(AccessError):
            sla.with_user(self.head).write({"company_id": self.company_b.id})
        self.assertEqual(sla.company_id, company)
        # the after-sales teams a helpdesk manager edits
        manager = new_test_user(
            self.env, login="sdr_hd_manager", groups="helpdesk_mgmt.group_helpdesk_manager"
        )
        with self.assertRaises(AccessError):
            self.tech_team.with_user(manager).write({"company_id": self.company_b.id})
        self.assertEqual(self.tech_team.company_id, self.env.company)

    # ------------------------------------------------------------------
    # 4. Bad input
    # ------------------------------------------------------------------

    def test_bad_input(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.caller)
        count = Ticket.sudo().search_count([])
        with self.assertRaisesMessage(UserError, "dictionary"):
            Ticket.create(None)
        for name in ("", " ", "\t\n", None, 5):
            with self.subTest(name=name):
                with self.assertRaisesMessage(ValidationError, "title"):
                    self.request(name=name)
        for phone in ({}, [], ["13812345678"], 13812345678):
            with self.subTest(phone=phone):
                with self.assertRaisesMessage(ValidationError, "must be text"):
                    self.request(after_sales_phone=phone)
        big = 2**31
        for field in ("team_id", "partner_id"):
            with self.subTest(field=field):
                with self.assertRaisesMessage(ValidationError, "not the id of an existing"):
                    self.request(**{field: big})
        self.assertEqual(Ticket.sudo().search_count([]), count)
        ticket = self.request()
        before = self.ticket_snapshot(ticket)
        as_caller = ticket.with_user(self.caller)
        for vals, exc, pattern in (
            ({"name": "  "}, ValidationError, "title"),
            ({"name": False}, ValidationError, "title"),
            ({"after_sales_phone": {}}, ValidationError, "must be text"),
            ({"after_sales_phone": []}, ValidationError, "must be text"),
            ({"partner_id": big, "after_sales_phone": "13812345678"}, ValidationError, "existing"),
            ({"team_id": big}, AccessError, "cannot be changed this way"),
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesMessage(exc, pattern):
                    as_caller.write(vals)
                self.assertEqual(self.ticket_snapshot(ticket), before)
        plain = self.plain_ticket()
        with self.assertRaisesMessage(ValidationError, "not the id of an existing"):
            plain.with_user(self.helpdesk_user).write({"team_id": big})
        self.assertEqual(plain.team_id, self.other_team)
        Line = self.env["helpdesk.ticket.sla"]
        lines = Line.sudo().search_count([])
        with self.assertRaisesMessage(ValidationError, "not the id of an existing"):
            Line.with_user(self.caller).create({"ticket_id": big, "sla_id": 1})
        self.assertEqual(Line.sudo().search_count([]), lines)

    def test_messages_in_the_users_language(self):
        # a JSON-RPC call carries the user's language in its context (the new
        # messages are read from zh_CN.po once the .pot lists them)
        self.env["res.lang"]._activate_lang("zh_CN")
        ticket = self.request().with_context(lang="zh_CN")
        for phone in ({}, []):
            with self.assertRaisesMessage(ValidationError, "电话号码必须是文本"):
                ticket.with_user(self.caller).write({"after_sales_phone": phone})
        self.assertEqual(ticket.after_sales_phone, "+86 138 1234 5678")
