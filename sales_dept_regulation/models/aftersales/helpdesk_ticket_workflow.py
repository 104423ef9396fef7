# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import roles
from .helpdesk_ticket import AFTER_SALES_GATE, SERVICE_STATUSES

FEEDBACK_SUBTYPE = "sales_dept_regulation.mt_after_sales_feedback"
FOLLOW_UP_ACTIVITY = "sales_dept_regulation.mail_activity_after_sales_follow_up"
ESCALATION_ACTIVITY = "sales_dept_regulation.mail_activity_after_sales_escalation"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _after_sales_department_heads(self):
        group = self.env.ref(roles.DEPARTMENT_HEAD)
        return group.sudo().all_user_ids.filtered(
            lambda u: not u.share and u.active and self.company_id in u.company_ids
        )

    def _after_sales_subscribe(self):
        """The Department Head and the customer's salesperson follow each request
        with the feedback subtype: every status report and the closing reach them."""
        if not self:
            return
        subtype = self.env.ref(FEEDBACK_SUBTYPE)
        for ticket in self.sudo():
            heads = ticket._after_sales_department_heads()
            users = heads | ticket.after_sales_salesperson_id
            ticket.message_subscribe(users.partner_id.ids, subtype_ids=subtype.ids)
            if not ticket.after_sales_salesperson_id and heads:
                ticket.message_post(
                    body=ticket.env._(
                        "The customer has no salesperson: the Department Head receives "
                        "the feedback of this request instead."
                    ),
                    partner_ids=heads.partner_id.ids,
                    subtype_xmlid=FEEDBACK_SUBTYPE,
                )

    def _after_sales_check_manager(self, state):
        if not self.env.user.has_group(roles.DEPARTMENT_HEAD):
            raise AccessError(
                self.env._("Only the Department Head confirms or declines after-sales requests.")
            )
        for ticket in self:
            if ticket.after_sales_state != state:
                raise UserError(
                    self.env._(
                        "The ticket %(ticket)s is not an after-sales request waiting "
                        "for confirmation.",
                        ticket=ticket.display_name,
                    )
                )

    def action_confirm_after_sales(self):
        self._after_sales_check_manager("to_confirm")
        for ticket in self:
            team = ticket.team_id.technical_team_id
            if not team:
                raise UserError(
                    self.env._(
                        "The after-sales team %(team)s has no technical team to hand requests to.",
                        team=ticket.team_id.display_name,
                    )
                )
            stage = team._get_applicable_stages().filtered(lambda s: not s.after_sales_role)[:1]
            ticket.with_context(after_sales_gate=AFTER_SALES_GATE).write(
                {
                    "team_id": team.id,
                    "stage_id": stage.id,
                    "after_sales_state": "confirmed",
                    "after_sales_confirmed_date": fields.Datetime.now(),
                    "after_sales_confirmed_by_id": self.env.uid,
                }
            )
        return True

    def action_open_after_sales_decline(self):
        self._after_sales_check_manager("to_confirm")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decline the Request"),
            "res_model": "helpdesk.ticket.decline.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_ids": self.ids},
        }

    def action_decline(self, reason):
        self._after_sales_check_manager("to_confirm")
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason for declining the request."))
        for ticket in self:
            stage = self._after_sales_gate_stage(ticket.team_id, "declined")
            ticket.with_context(after_sales_gate=AFTER_SALES_GATE).write(
                {
                    "stage_id": stage.id,
                    "after_sales_state": "declined",
                    "after_sales_decline_reason": reason.strip(),
                }
            )
            requester = ticket.after_sales_requester_id
            ticket.message_post(
                body=Markup("%s<br/>%s")
                % (
                    self.env._("The Department Head declined this request:"),
                    reason.strip(),
                ),
                partner_ids=requester.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _after_sales_check_open(self):
        for ticket in self:
            if ticket.after_sales_state != "confirmed" or ticket.closed:
                raise UserError(
                    self.env._(
                        "The ticket %(ticket)s is not an after-sales request the technical "
                        "team is working on.",
                        ticket=ticket.display_name,
                    )
                )

    def action_open_after_sales_close(self):
        self._after_sales_check_open()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close the Request"),
            "res_model": "helpdesk.ticket.close.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_ids": self.ids},
        }

    def action_close_after_sales(self, status, result):
        """Close with the outcome (the service status) and what was done: the
        closing asks both, so that no request closes without a word."""
        self._after_sales_check_open()
        if not isinstance(status, str) or status not in dict(SERVICE_STATUSES):
            raise UserError(self.env._("Choose the outcome of the service."))
        if not isinstance(result, str) or not result.strip():
            raise UserError(self.env._("Say what the technical team did and how it ended."))
        for ticket in self:
            stage = ticket.team_id._get_applicable_stages().filtered(
                lambda s: s.closed and not s.after_sales_role
            )[:1]
            if not stage:
                raise UserError(
                    self.env._(
                        "The team %(team)s has no closing stage.",
                        team=ticket.team_id.display_name,
                    )
                )
            # as the user: the write checks who may work the request
            ticket.write(
                {
                    "after_sales_service_status": status,
                    "after_sales_result": result.strip(),
                    "stage_id": stage.id,
                }
            )
        return True

    def _track_subtype(self, init_values):
        self.ensure_one()
        feedback = {"after_sales_service_status", "after_sales_result", "stage_id"}
        if self.after_sales_state in ("confirmed", "declined") and feedback.intersection(
            init_values
        ):
            return self.env.ref(FEEDBACK_SUBTYPE)
        return super()._track_subtype(init_values)

    def write(self, vals):
        closing = self.browse()
        if isinstance(vals, dict) and vals.get("stage_id"):
            closing = self.filtered(lambda t: t.after_sales_state == "confirmed" and not t.closed)
        result = super().write(vals)
        closing.filtered("closed")._after_sales_schedule_follow_up()
        return result

    def _after_sales_schedule_follow_up(self):
        """After the closing, the salesperson calls the customer back (or the
        Department Head, when the customer has none)."""
        for ticket in self.sudo():
            user = ticket.after_sales_salesperson_id or ticket._after_sales_department_heads()[:1]
            if user:
                ticket.activity_schedule(
                    FOLLOW_UP_ACTIVITY,
                    user_id=user.id,
                    note=ticket.after_sales_result,
                )

    @api.model
    def _cron_after_sales_escalate(self):
        """Flag each breached SLA once and give the Department Head an activity."""
        tickets = self.sudo().search(
            [
                ("after_sales_state", "in", ["to_confirm", "confirmed"]),
                ("after_sales_escalated", "=", False),
                ("sla_expired", "=", True),
            ]
        )
        tickets.with_context(after_sales_gate=AFTER_SALES_GATE).write(
            {"after_sales_escalated": True}
        )
        for ticket in tickets:
            heads = ticket._after_sales_department_heads()
            for head in heads[:1]:
                ticket.activity_schedule(ESCALATION_ACTIVITY, user_id=head.id)
        return len(tickets)
