# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""SLA lines (helpdesk_mgmt_sla's helpdesk.ticket.sla) of after-sales requests are
read by whoever reads their request, under the ticket's record rules whatever they
are: helpdesk_mgmt_sla ships no rule for them, so every internal user read every
line, and through its ticket the number and title of requests of other teams and
companies. The lines of other teams' tickets are left as helpdesk_mgmt_sla has
them (the same hole, OCA's to close).

The lines of after-sales requests are written by the SLA engine only: a user who
may work a request must not move its deadline or mark it accomplished. The lines
of other tickets are written as helpdesk_mgmt_sla lets them be."""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from .. import roles
from ..values import check_rules_as_written, check_values
from .helpdesk_ticket_team import after_sales_record


class HelpdeskTicketSla(models.Model):
    _inherit = "helpdesk.ticket.sla"

    def _after_sales_engine_error(self):
        return AccessError(
            self.env._(
                "The SLA of an after-sales request is kept by the system: its deadline "
                "and state cannot be created, changed or deleted by hand."
            )
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # search, read, read_group and export all go through here; done in Python
        # rather than as record rules copied from the ticket's, so that a ticket
        # rule added later (the company's own, another module's) is followed too
        if not (self.env.su or kwargs.get("bypass_access")):
            tickets = self.env["helpdesk.ticket"].with_context(active_test=False)
            readable = tickets._search([])
            # other tickets' lines stay as helpdesk_mgmt_sla shows them (every
            # internal user reads them: its own test_sla_no_write_permission
            # relies on it); installing the addon changes nothing for them
            others = tickets.sudo()._search([("after_sales_state", "=", False)])
            domain = Domain(domain) & (
                Domain("ticket_id", "in", readable) | Domain("ticket_id", "in", others)
            )
        return super()._search(domain, offset, limit, order, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or operation == "read" or self.env.su:
            return result
        # create, write and unlink: the engine runs as superuser, users never do
        forbidden = self.sudo().filtered(lambda line: line.ticket_id.after_sales_state)
        if forbidden:
            return self.browse(forbidden.ids), self._after_sales_engine_error
        return None

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        if not self.env.su:
            # the ticket looked up here, before the ORM inserts a bad id
            for vals in vals_list:
                ticket = after_sales_record(self.env, "helpdesk.ticket", vals.get("ticket_id"))
                if ticket.after_sales_state:
                    raise self._after_sales_engine_error()
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        if not self.env.su and "ticket_id" in vals:
            ticket = after_sales_record(self.env, "helpdesk.ticket", vals["ticket_id"])
            if ticket.after_sales_state:
                raise self._after_sales_engine_error()
        result = super().write(vals)
        check_rules_as_written(self)
        return result

    def _stage_recompute(self):
        # the engine's own update when the request changes stage
        if not self.env.su and self.sudo().ticket_id.after_sales_state:
            return super(HelpdeskTicketSla, self.sudo())._stage_recompute()
        return super()._stage_recompute()


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    after_sales_sla_deadline = fields.Datetime(
        string="SLA Deadline", compute="_compute_after_sales_sla_deadline"
    )

    @api.depends("ticket_sla_ids.state", "ticket_sla_ids.deadline")
    def _compute_after_sales_sla_deadline(self):
        # helpdesk_mgmt_sla's sla_deadline as the requests' list shows it: one
        # aggregate for the page rather than every SLA line of every request
        deadlines = dict(
            self.env["helpdesk.ticket.sla"]._read_group(
                [("ticket_id", "in", self._origin.ids), ("state", "=", "in_progress")],
                ["ticket_id"],
                ["deadline:min"],
            )
        )
        for ticket in self:
            ticket.after_sales_sla_deadline = deadlines.get(ticket._origin, False)

    def _after_sales_sla_engine(self, method):
        """Run helpdesk_mgmt_sla's ``method`` as the engine on after-sales requests.
        A request without SLA lines yet gets them (its creation, whoever creates
        it); replacing existing lines loses their history (a breach, time on
        hold), so only the managers who read the request ask for it."""
        if not self.env.su and self.sudo().ticket_sla_ids:
            self.check_access("read")
            if not self.env.user.has_groups(roles.MANAGERS):
                raise AccessError(
                    self.env._(
                        "Only the Department Head and the managers apply the SLA rules "
                        "again to an after-sales request."
                    )
                )
        return getattr(super(HelpdeskTicket, self.sudo()), method)()

    def set_sla(self):
        after_sales = self.sudo().filtered("after_sales_state").with_env(self.env)
        if after_sales:
            after_sales._after_sales_sla_engine("set_sla")
        return super(HelpdeskTicket, self - after_sales).set_sla()

    def refresh_sla(self):
        self.ensure_one()
        if self.sudo().after_sales_state:
            return self._after_sales_sla_engine("refresh_sla")
        return super().refresh_sla()
