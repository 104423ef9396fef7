# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import roles
from ..values import check_rules_as_written, check_values, strip_defaults
from .helpdesk_ticket_team import MAX_ID, after_sales_record

AFTER_SALES_STATES = [
    ("to_confirm", "To Confirm"),
    ("confirmed", "Confirmed"),
    ("declined", "Declined"),
]
# what a request reads as, from its state and its stage: a closed request is no
# longer "confirmed" to whoever reads it
AFTER_SALES_PROGRESS = [
    ("to_confirm", "To Confirm"),
    ("in_progress", "With the Technical Team"),
    ("closed", "Closed"),
    ("declined", "Declined"),
]
SERVICE_STATUSES = [
    ("resolved", "Resolved"),
    ("workaround", "Workaround Given"),
    ("replaced", "Replaced or Returned"),
    ("unresolved", "Unresolved"),
]
# Workflow fields: written only by the after-sales actions and the escalation
# cron, never by a plain create or write, whoever the caller
WORKFLOW_FIELDS = {
    "after_sales_state",
    "after_sales_requester_id",
    "after_sales_confirmed_date",
    "after_sales_confirmed_by_id",
    "after_sales_decline_reason",
    "after_sales_escalated",
}
# what lets those actions write them: a Python object in the context, which no
# JSON-RPC or XML-RPC client can send
AFTER_SALES_GATE = object()
# what the requester may still fill in or correct on a request, whatever its state
REQUEST_FIELDS = {
    "name",
    "description",
    "partner_id",
    "partner_name",
    "partner_email",
    "after_sales_phone",
    "after_sales_product_id",
    "sale_order_ids",
    "category_id",
    "tag_ids",
    "channel_id",
    "priority",
    "attachment_ids",
    "properties",
    "color",
    "kanban_state",
    # written by mail and portal as the thread is used
    "access_token",
    "message_main_attachment_id",
    "message_follower_ids",
    "activity_ids",
    "email_cc",
}
CLOSING_FIELDS = {"after_sales_service_status", "after_sales_result"}
# what the gate decides for a ticket it takes in
GATE_FIELDS = {"team_id", "stage_id", "user_id"}
# what the technical team (and the managers) change on a confirmed request
WORK_FIELDS = {
    "stage_id",
    "user_id",
    "team_id",
    "sequence",
    "after_sales_service_status",
    "after_sales_result",
    "last_stage_update",
    "closed_date",
    "assigned_date",
    "active",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    after_sales_state = fields.Selection(
        AFTER_SALES_STATES,
        string="After-Sales State",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
    )
    after_sales_requester_id = fields.Many2one(
        "res.users", string="Requested by", readonly=True, copy=False
    )
    after_sales_salesperson_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_after_sales_customer",
        store=True,
        index="btree_not_null",
    )
    after_sales_grade_id = fields.Many2one(
        "sale.customer.grade",
        string="Customer Grade",
        compute="_compute_after_sales_customer",
        store=True,
    )
    after_sales_customer_stage = fields.Selection(
        related="after_sales_grade_id.customer_stage", string="Customer Stage"
    )
    after_sales_team = fields.Boolean(related="team_id.is_after_sales")
    after_sales_phone = fields.Char(string="Phone")
    after_sales_product_id = fields.Many2one("product.product", string="Product")
    after_sales_confirmed_date = fields.Datetime(string="Confirmed on", readonly=True, copy=False)
    after_sales_confirmed_by_id = fields.Many2one(
        "res.users", string="Confirmed by", readonly=True, copy=False
    )
    after_sales_decline_reason = fields.Text(string="Decline Reason", readonly=True, copy=False)
    after_sales_service_status = fields.Selection(
        SERVICE_STATUSES, string="Service Status", tracking=True, copy=False
    )
    after_sales_result = fields.Text(string="Result", tracking=True, copy=False)
    after_sales_confirm_hours = fields.Float(
        string="Confirmation Time (h)",
        compute="_compute_after_sales_hours",
        store=True,
        aggregator="avg",
    )
    after_sales_resolution_hours = fields.Float(
        string="Resolution Time (h)",
        compute="_compute_after_sales_hours",
        store=True,
        aggregator="avg",
    )
    after_sales_escalated = fields.Boolean(
        string="SLA Breached", readonly=True, copy=False, index="btree_not_null"
    )
    after_sales_progress = fields.Selection(
        AFTER_SALES_PROGRESS, string="Progress", compute="_compute_after_sales_progress"
    )

    @api.depends("after_sales_state", "closed")
    def _compute_after_sales_progress(self):
        for ticket in self:
            state = ticket.after_sales_state
            if state == "confirmed":
                state = "closed" if ticket.closed else "in_progress"
            ticket.after_sales_progress = state

    @api.depends("name", "number")
    def _compute_display_name(self):
        # a request not saved yet has no number: "/ - False" says nothing
        res = super()._compute_display_name()
        for ticket in self:
            if not ticket.number or ticket.number == "/":
                ticket.display_name = ticket.name or self.env._("New Request")
        return res

    @api.onchange("partner_id")
    def _onchange_after_sales_phone(self):
        # the number to call back: the customer's own, unless one was typed
        if self.partner_id and not self.after_sales_phone:
            self.after_sales_phone = self.partner_id.phone or False

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        if (
            "team_id" in fields
            and not defaults.get("team_id")
            and self.env.context.get("after_sales_new_request")
        ):
            # the after-sales team of the company the request is filed in (a
            # default only: the gate checks the team whatever the client sends)
            company = self.env["res.company"].browse(
                defaults.get("company_id") or self.env.company.id
            )
            defaults["team_id"] = company._aftersales_team().id or False
            if defaults["team_id"] and "user_id" in defaults:
                # helpdesk_mgmt's auto-assignment: a request waits unassigned
                defaults["user_id"] = False
        return defaults

    def _after_sales_default_team(self, vals_list):
        """A new request filed from the after-sales menu without a team (an import,
        a script, the demo data): the after-sales team of its company, as the
        form's default gives it."""
        for vals in vals_list:
            if vals.get("team_id") or "team_id" in vals:
                continue
            company = after_sales_record(self.env, "res.company", vals.get("company_id"))
            team = (company or self.env.company)._aftersales_team()
            if team:
                vals["team_id"] = team.id

    @api.depends("commercial_partner_id")
    def _compute_after_sales_customer(self):
        # the grade when the request is made: the SLA and the reports use that one.
        # Requests only (a ticket taken in gets them as it becomes one): a plain
        # ticket does not read the customer's grading
        for ticket in self:
            ticket.update(ticket._after_sales_customer_values(ticket.after_sales_state))

    def _after_sales_customer_values(self, request):
        customer = self.commercial_partner_id.sudo()
        if not request:
            customer = customer.browse()
        return {
            "after_sales_salesperson_id": customer.user_id.id,
            "after_sales_grade_id": customer.customer_grade_id.id,
        }

    @api.depends("after_sales_confirmed_date", "closed_date")
    def _compute_after_sales_hours(self):
        for ticket in self:
            start = ticket.create_date
            confirmed, closed = ticket.after_sales_confirmed_date, ticket.closed_date
            ticket.after_sales_confirm_hours = (
                (confirmed - start).total_seconds() / 3600 if start and confirmed else 0.0
            )
            ticket.after_sales_resolution_hours = (
                (closed - start).total_seconds() / 3600
                if start and closed and ticket.after_sales_state
                else 0.0
            )

    # ------------------------------------------------------------------
    # The gate, for every caller
    # ------------------------------------------------------------------

    def _after_sales_engine(self):
        return self.env.context.get("after_sales_gate") is AFTER_SALES_GATE

    def _after_sales_format_phone(self, vals, partner=None):
        if "after_sales_phone" not in vals:
            return
        number = vals["after_sales_phone"]
        if number in (False, None, ""):
            return
        # {} and [] are no phone numbers either: the ORM would store them as text
        if not isinstance(number, str):
            raise ValidationError(self.env._("The phone number must be text."))
        if not number.strip():
            vals["after_sales_phone"] = False
            return
        if partner is None:
            partner = after_sales_record(self.env, "res.partner", vals.get("partner_id"))
        country = partner.sudo().country_id or self.env.company.country_id
        try:
            vals["after_sales_phone"] = self._phone_format(
                number=number,
                country=country,
                force_format="INTERNATIONAL",
                raise_exception=True,
            )
        except UserError as error:
            raise ValidationError(
                self.env._("The phone number %(number)s is not valid.", number=number)
            ) from error

    def _after_sales_check_name(self, vals):
        name = vals.get("name")
        if "name" in vals and (not isinstance(name, str) or not name.strip()):
            raise ValidationError(self.env._("Give the after-sales request a title."))

    @api.model
    def _after_sales_gate_stage(self, team, role):
        stage = team._get_applicable_stages().filtered(lambda s: s.after_sales_role == role)[:1]
        if not stage:
            raise UserError(
                self.env._(
                    "The team %(team)s has no stage for this step of the after-sales flow.",
                    team=team.display_name,
                )
            )
        return stage

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        engine = self._after_sales_engine()
        if not engine:
            # Odoo fills readonly fields from context defaults too: a client's
            # default_after_sales_state must not do what a value may not
            self = strip_defaults(self, set(self._fields) - WORKFLOW_FIELDS)
        if self.env.context.get("after_sales_new_request"):
            self._after_sales_default_team(vals_list)
        for vals in vals_list:
            if not engine and WORKFLOW_FIELDS.intersection(vals):
                raise AccessError(self.env._("The after-sales state is set by its actions only."))
            team = after_sales_record(self.env, "helpdesk.ticket.team", vals.get("team_id"))
            if team._after_sales_technical():
                # created in (or mailed to) the technical team: taken in below
                self._after_sales_check_name({"name": vals.get("name")})
            self._after_sales_format_phone(vals)
            if not team.is_after_sales:
                continue
            self._after_sales_check_name({"name": vals.get("name")})
            gate = self._after_sales_gate_stage(team, "to_confirm")
            if vals.get("stage_id", gate.id) != gate.id or vals.get("user_id"):
                raise AccessError(
                    self.env._(
                        "A new after-sales request waits for the Department Head's "
                        "confirmation: it cannot be given a stage or an assignee."
                    )
                )
            vals.update(
                stage_id=gate.id,
                user_id=False,
                after_sales_state="to_confirm",
                after_sales_requester_id=self.env.uid,
            )
        tickets = super().create(vals_list)
        requests = tickets.filtered("after_sales_state")
        if not engine:
            # created in the technical team, or in the team helpdesk_mgmt derives
            # from the assignee: created as asked (and as the record rules let the
            # user), then a request waiting for the Department Head
            tickets._after_sales_take_in()
        tickets._after_sales_check_gate()
        requests._after_sales_subscribe()
        return tickets

    def _after_sales_take_in(self, team=None):
        """Tickets that reach an after-sales or a technical team (``team``, or the
        one they are in: a computed team) other than through the Department
        Head's confirmation become requests waiting in the after-sales team's
        gate: kept, never refused."""
        arrived = self.filtered(lambda t: not t.after_sales_state)
        if not team:
            # a plain team's tickets cost no search (see _after_sales_technical)
            technical = arrived.team_id._after_sales_technical()
            arrived = arrived.filtered(
                lambda t: t.team_id in technical or t.team_id.sudo().is_after_sales
            )
        for ticket in arrived:
            gate_team = (team or ticket.team_id).sudo()
            if not gate_team.is_after_sales:
                gate_team = gate_team._after_sales_gate_team(ticket.company_id)
            gate = self._after_sales_gate_stage(gate_team, "to_confirm")
            ticket.with_context(after_sales_gate=AFTER_SALES_GATE).write(
                {
                    "team_id": gate_team.id,
                    "stage_id": gate.id,
                    "user_id": False,
                    "after_sales_state": "to_confirm",
                    "after_sales_requester_id": self.env.uid,
                    # its customer's salesperson and grade, as a request's
                    **ticket._after_sales_customer_values(True),
                }
            )
        if arrived:
            # the SLA of the after-sales team, not of the team it was sent to
            arrived.sudo().set_sla()
            arrived._after_sales_subscribe()
            arrived._after_sales_taken_in()
        return arrived

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        # a mail with a blank subject to an after-sales or technical team is kept
        # as "No Subject" (helpdesk_mgmt's title for a missing one), not refused
        team_id = (custom_values or {}).get("team_id")
        team = (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .browse(team_id if type(team_id) is int and 0 < team_id <= MAX_ID else [])
        )
        subject = msg_dict.get("subject")
        if (
            (team.is_after_sales or team._after_sales_technical())
            and isinstance(subject, str)
            and not subject.strip()
        ):
            msg_dict = dict(msg_dict, subject=False)
        return super().message_new(msg_dict, custom_values=custom_values)

    def _after_sales_taken_in(self):
        """Whoever sent them still reads the requests taken in, as a follower
        (helpdesk_mgmt's rule), while they wait; the chatter says why they moved."""
        if not self.env.su:
            self.sudo().message_subscribe(self.env.user.partner_id.ids)
        for ticket in self.sudo():
            ticket.message_post(
                body=ticket.env._(
                    "This ticket reached the after-sales flow other than through the "
                    "Department Head's confirmation: it waits in %(team)s for that "
                    "confirmation.",
                    team=ticket.team_id.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def write(self, vals):
        check_values(self.env, [vals])
        if self._after_sales_engine():
            return super().write(vals)
        if WORKFLOW_FIELDS.intersection(vals):
            raise AccessError(self.env._("The after-sales state is set by its actions only."))
        after_sales = self.filtered("after_sales_state")
        if after_sales:
            after_sales._after_sales_check_write(vals)
            after_sales._after_sales_check_name(vals)
        if "after_sales_phone" in vals:
            partner = after_sales_record(self.env, "res.partner", vals.get("partner_id"))
            self._after_sales_format_phone(vals, partner=(self.partner_id | partner)[:1])
        if "team_id" in vals:
            team = after_sales_record(self.env, "helpdesk.ticket.team", vals["team_id"])
            if after_sales:
                after_sales._after_sales_check_team(team)
            plain = self - after_sales
            if plain and (team.is_after_sales or team._after_sales_technical()):
                # the rest of the write as asked; the team, its stage and user are
                # the gate's
                rest = {k: v for k, v in vals.items() if k not in GATE_FIELDS}
                if after_sales:
                    after_sales.write(vals)
                if rest:
                    plain.write(rest)
                plain._after_sales_take_in(team)
                return True
        if after_sales and {"stage_id", *CLOSING_FIELDS} & vals.keys():
            after_sales._after_sales_check_closing(vals)
        result = super().write(vals)
        (self - after_sales)._after_sales_take_in()
        self._after_sales_check_gate()
        # the record rules once more on the requests as written (a team the
        # writer may not reach, a customer that hides it from her)
        check_rules_as_written(after_sales)
        return result

    def _after_sales_check_write(self, vals):
        """Whitelist per state: before the confirmation only the request itself
        changes; after it, the technical team and the managers work it."""
        allowed = set(REQUEST_FIELDS)
        if set(self.mapped("after_sales_state")) == {"confirmed"} and (
            self.env.su or self.env.user.has_groups(f"{roles.TECHNICAL_STAFF},{roles.MANAGERS}")
        ):
            allowed |= WORK_FIELDS
        refused = set(vals) - allowed
        if refused:
            names = ", ".join(
                sorted(
                    self._fields[f].get_description(self.env)["string"]
                    for f in refused
                    if f in self._fields
                )
                or sorted(refused)
            )
            raise AccessError(
                self.env._(
                    "This after-sales request cannot be changed this way (%(fields)s): "
                    "the Department Head confirms a request, then the technical team works it.",
                    fields=names,
                )
            )

    def _after_sales_check_team(self, team):
        if team.is_after_sales or (
            team._after_sales_technical() and any(t.after_sales_state != "confirmed" for t in self)
        ):
            raise AccessError(
                self.env._(
                    "Tickets reach the team %(team)s only as after-sales requests "
                    "confirmed by the Department Head.",
                    team=team.display_name,
                )
            )

    def _after_sales_check_gate(self):
        """Safety net after any create or write (computed team, stage or user
        included): an unconfirmed request stays in its team's gate stage."""
        for ticket in self.filtered(lambda t: t.after_sales_state in ("to_confirm", "declined")):
            if (
                not ticket.team_id.is_after_sales
                or ticket.user_id
                or (ticket.stage_id.after_sales_role != ticket.after_sales_state)
            ):
                raise AccessError(
                    self.env._(
                        "The after-sales request %(ticket)s has not been confirmed "
                        "by the Department Head.",
                        ticket=ticket.display_name,
                    )
                )
        for ticket in self.filtered(lambda t: not t.after_sales_state and t.team_id.is_after_sales):
            raise AccessError(
                self.env._(
                    "The ticket %(ticket)s cannot join an after-sales team: "
                    "log a new after-sales request instead.",
                    ticket=ticket.display_name,
                )
            )

    def _after_sales_check_closing(self, vals):
        """Before the write, so that a refused closing leaves nothing written."""
        stage_id = vals.get("stage_id")
        stage = self.env["helpdesk.ticket.stage"].browse(
            stage_id if isinstance(stage_id, int) else []
        )
        for ticket in self:
            ticket._after_sales_check_result(
                stage if "stage_id" in vals else ticket.stage_id,
                vals.get("after_sales_service_status", ticket.after_sales_service_status),
                vals.get("after_sales_result", ticket.after_sales_result),
            )

    @api.constrains("stage_id", "after_sales_service_status", "after_sales_result")
    def _check_after_sales_closing(self):
        for ticket in self:
            ticket._after_sales_check_result(
                ticket.stage_id, ticket.after_sales_service_status, ticket.after_sales_result
            )

    def _after_sales_check_result(self, stage, status, result):
        if self.after_sales_state != "confirmed" or not stage.closed:
            return
        if not status or not isinstance(result, str) or not result.strip():
            raise ValidationError(
                self.env._(
                    "Record the service status and the result of %(ticket)s before closing it.",
                    ticket=self.display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_after_sales(self):
        if self.filtered("after_sales_state"):
            raise UserError(
                self.env._("After-sales requests are kept: decline or close them instead.")
            )

    def copy(self, default=None):
        if self.filtered("after_sales_state"):
            raise UserError(self.env._("Log a new after-sales request instead of copying one."))
        return super().copy(default)
