# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""What the addon adds to the web client's calls on a helpdesk ticket, in
queries: each route as the client sends it (the specification built from the
user's own form and list), against the same call built from the views without
the addon's extensions. A user without the addon's roles on a plain team pays
nothing for the after-sales flow; the salesperson pays for what she is shown."""

from lxml import etree

from odoo import Command
from odoo.tests import new_test_user, tagged

from ..common import MODULE
from .aftersales_common import AfterSalesCommon

# what the addon may add to one call, in queries
MARGIN = 3
X2MANY = ("one2many", "many2many")


def fields_spec(arch, fields_info):
    """The specification the web client sends for ``arch``: its top-level
    fields, a many2one's display name, an x2many's inline list (or its tags)."""
    spec = {}
    root = etree.fromstring(arch)
    for node in root.xpath(".//field[not(ancestor::field)]"):
        name = node.get("name")
        kind = fields_info.get(name, {}).get("type")
        if kind in ("many2one", "reference"):
            spec[name] = {"fields": {"display_name": {}}}
        elif kind in X2MANY:
            inline = node.xpath("./list")
            columns = inline[0].xpath(".//field") if inline else []
            spec[name] = {
                "fields": {column.get("name"): {} for column in columns} or {"display_name": {}}
            }
        else:
            spec.setdefault(name, {})
    return spec


@tagged("post_install", "-at_install")
class TestTicketQueryCost(AfterSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain_user = new_test_user(
            cls.env,
            login="sdr_plain_helpdesk",
            name="Plain helpdesk user",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        # a team with an SLA, as helpdesk_mgmt_sla's users have them: its lines
        # are created and read with every ticket
        cls.plain_team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Plain IT team",
                "use_sla": True,
                "user_ids": [Command.set(cls.plain_user.ids)],
            }
        )
        cls.env["helpdesk.sla"].create(
            {
                "name": "IT answers in a day",
                "team_ids": [Command.set(cls.plain_team.ids)],
                "days": 1,
            }
        )
        cls.plain_ticket = (
            cls.env["helpdesk.ticket"]
            .with_user(cls.plain_user)
            .create(
                {
                    "name": "Printer jammed",
                    "description": "<p>Paper stuck.</p>",
                    "team_id": cls.plain_team.id,
                    "partner_id": cls.customer.id,
                }
            )
        )
        # a graded customer: the grade's name is one more read on the requests
        cls.customer._grading_engine().write(
            {
                "customer_stage": "formal",
                "customer_grade_id": cls.env.ref(f"{MODULE}.sale_customer_grade_formal_a").id,
            }
        )
        cls.seller_request = cls.request(cls.seller)
        cls.seller.group_ids = [Command.link(cls.env.ref("helpdesk_mgmt.group_helpdesk_user").id)]
        cls.plain_team.user_ids = [Command.link(cls.seller.id)]
        cls.seller_ticket = (
            cls.env["helpdesk.ticket"]
            .with_user(cls.seller)
            .create(
                {
                    "name": "Screen flickers",
                    "description": "<p>Every few seconds.</p>",
                    "team_id": cls.plain_team.id,
                    "partner_id": cls.customer.id,
                }
            )
        )
        cls.addon_views = (
            cls.env["ir.model.data"]
            .search([("module", "=", MODULE), ("model", "=", "ir.ui.view")])
            .mapped(lambda d: cls.env["ir.ui.view"].browse(d.res_id))
            .filtered(lambda v: v.model == "helpdesk.ticket" and v.inherit_id)
        )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def specs(self, user, list_view=False):
        Ticket = self.env["helpdesk.ticket"].with_user(user)
        views = Ticket.get_views([(False, "form"), (list_view, "list")])
        info = views["models"]["helpdesk.ticket"]["fields"]
        return (
            fields_spec(views["views"]["form"]["arch"], info),
            fields_spec(views["views"]["list"]["arch"], info),
        )

    def count(self, call):
        """Queries of one call as a request makes them: cold record cache,
        the writes flushed, the tracking of the commit done."""
        self.env.invalidate_all()
        call()  # warm the ormcaches (rules, views) as a running server has them
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        call()
        self.env.flush_all()
        self.env.cr.precommit.run()
        return self.env.cr.sql_log_count - before

    @classmethod
    def bare(cls, records):
        """``records`` seen past the addon's own classes of their model: a call
        on it runs Odoo's and the OCA modules' code, not the addon's override."""
        mro = type(records).__mro__
        own = [klass for klass in mro[1:] if getattr(klass, "_module", None) == MODULE]
        # the addon's classes come first (it is loaded after what it extends)
        assert mro[1 : len(own) + 1] == tuple(own), mro
        return super(own[-1], records)

    def web_save(self, records, vals, spec, bare):
        """The web client's save; ``bare``: with create and write as they are
        without the addon."""
        vals = dict(vals)  # create fills in the values it is given
        if not bare:
            return records.web_save(vals, spec)
        if records:
            self.bare(records).write(vals)
        else:
            records = self.bare(records).create(vals)
        return records.with_context(bin_size=True).web_read(spec)

    def measure(self, user, ticket, team, context, list_view, list_domain, bare=False, stage=None):
        form, listing = self.specs(user, list_view)
        # the web client's context, not the test's (which keeps the chatter quiet)
        env = self.env(
            user=user,
            context={
                "lang": user.lang,
                "tz": user.tz,
                "uid": user.id,
                "allowed_company_ids": user.company_id.ids,
                **context,
            },
        )
        Ticket = env["helpdesk.ticket"]
        record = ticket.with_env(env)
        new = {
            "name": "Noise in the motor",
            "description": "<p>It hums.</p>",
            "team_id": team.id,
            "partner_id": self.customer.id,
        }
        counts = {
            "onchange": self.count(lambda: Ticket.onchange({}, [], form)),
            "web_save create": self.count(lambda: self.web_save(Ticket, new, form, bare)),
            "web_save write": self.count(
                lambda: self.web_save(record, {"description": "<p>It still hums.</p>"}, form, bare)
            ),
            "web_read": self.count(lambda: record.web_read(form)),
            "web_search_read": self.count(
                lambda: Ticket.web_search_read(list_domain, listing, limit=80)
            ),
        }
        if stage:
            # the stage moves the ticket's SLA lines along
            counts["web_save stage"] = self.count(
                lambda: self.web_save(record, {"stage_id": stage.id}, form, bare)
            )
        return counts

    def compare(
        self,
        user,
        ticket,
        team,
        context=None,
        list_view=False,
        list_domain=(),
        bare=True,
        stage=None,
    ):
        """``bare``: the baseline skips the addon's create and write too (a
        ticket the addon has nothing to do with); else only its views."""
        with_addon = self.measure(
            user, ticket, team, context or {}, list_view, list_domain, stage=stage
        )
        self.addon_views.active = False
        try:
            baseline = self.measure(
                user, ticket, team, context or {}, False, list_domain, bare, stage
            )
        finally:
            self.addon_views.active = True
        for route, queries in with_addon.items():
            print(  # pylint: disable=print-used
                f"{user.login:20} {route:16} addon {queries:3}  baseline {baseline[route]:3}"
                f"  ({queries - baseline[route]:+d})"
            )
        for route, queries in with_addon.items():
            with self.subTest(user=user.login, route=route):
                self.assertLessEqual(queries, baseline[route] + MARGIN)

    # ------------------------------------------------------------------
    # tests
    # ------------------------------------------------------------------

    def test_plain_helpdesk_user(self):
        # the addon's fields are not in her views: neither shown nor fetched (the
        # state only, stored, read with the row, for the attributes it decides)
        for spec in self.specs(self.plain_user):
            self.assertLessEqual(
                {name for name in spec if name.startswith("after_sales")}, {"after_sales_state"}
            )
        self.compare(self.plain_user, self.plain_ticket, self.plain_team, stage=self.stage_progress)

    def test_salesperson_plain_ticket(self):
        """A salesperson who also works the helpdesk, on a ticket of a plain team:
        the addon's fields are in her form, its flow is not."""
        self.compare(self.seller, self.seller_ticket, self.plain_team, stage=self.stage_progress)

    def test_salesperson_request(self):
        """Her after-sales request, from the addon's menu: the flow's own work
        (the gate, the followers, the SLA) is the addon's to do; what its views
        add to each call is not to cost more than a few queries."""
        self.compare(
            self.seller,
            self.seller_request,
            self.team,
            context={"after_sales_new_request": True},
            list_view=self.env.ref(f"{MODULE}.helpdesk_ticket_view_list_after_sales").id,
            list_domain=[("after_sales_state", "!=", False)],
            bare=False,
        )

    def test_customer_of_requests_only(self):
        """The customer's salesperson and grade are a request's: a plain ticket
        does not read them, a ticket taken in gets them as it becomes one."""
        grade = self.env.ref(f"{MODULE}.sale_customer_grade_formal_a")
        self.assertFalse(self.plain_ticket.after_sales_salesperson_id)
        self.assertFalse(self.plain_ticket.after_sales_grade_id)
        self.assertEqual(self.seller_request.after_sales_salesperson_id, self.seller)
        self.assertEqual(self.seller_request.after_sales_grade_id, grade)
        self.plain_ticket.with_user(self.plain_user).write({"team_id": self.tech_team.id})
        self.assertEqual(self.plain_ticket.after_sales_state, "to_confirm")
        self.assertEqual(self.plain_ticket.after_sales_salesperson_id, self.seller)
        self.assertEqual(self.plain_ticket.after_sales_grade_id, grade)
