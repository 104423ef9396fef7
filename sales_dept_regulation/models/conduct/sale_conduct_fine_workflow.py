# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, formatLang

from .. import roles
from .sale_conduct_fine import (
    COUNTED_STATES,
    _is_text,
)


class SaleConductFine(models.Model):
    """The workflow of a fine: confirmation, payment, cancellation and appeal,
    and what a confirmation counts (occurrences, the repeat limit)."""

    _inherit = "sale.conduct.fine"

    appeal_deadline = fields.Date(
        compute="_compute_appeal_deadline",
        help="The last day the fined employee may appeal the fine.",
    )

    @api.depends("confirm_date", "company_id.sdr_fine_appeal_days")
    def _compute_appeal_deadline(self):
        for fine in self:
            fine.appeal_deadline = (
                fields.Date.context_today(fine, fine.confirm_date)
                + timedelta(days=fine.company_id.sdr_fine_appeal_days)
                if fine.confirm_date
                else False
            )

    # ------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------

    # The action methods check the user's right and the fine's state, then write
    # the workflow fields as superuser: no plain write by a user can set them.

    def action_confirm(self):
        self._check_manager()
        self.check_access("write")
        if any(fine.state != "draft" for fine in self):
            raise UserError(self.env._("Only draft fines can be confirmed."))
        self.sudo().write(
            {
                "state": "confirmed",
                "confirm_user_id": self.env.uid,
                "confirm_date": fields.Datetime.now(),
            }
        )
        self.sudo()._assign_occurrence()
        self._escalate_repeat_limit()
        self._notify_fine_confirmed()
        return True

    def action_mark_paid(self):
        self._check_manager()
        self.check_access("write")
        if any(fine.state != "confirmed" or fine.appeal_state == "pending" for fine in self):
            raise UserError(
                self.env._("Only confirmed fines without a pending appeal can be marked as paid.")
            )
        self.sudo().write({"state": "paid", "paid_date": fields.Date.context_today(self)})
        return True

    def action_open_reason_wizard(self):
        """Open the wizard asking the reason for cancel / appeal / decision."""
        self.ensure_one()
        titles = {
            "appeal": self.env._("Appeal the Fine"),
            "uphold": self.env._("Uphold the Appeal"),
            "reject": self.env._("Reject the Appeal"),
            "cancel": self.env._("Cancel the Fine"),
        }
        return {
            "type": "ir.actions.act_window",
            "name": titles.get(self.env.context.get("reason_action"), self.env._("Reason")),
            "res_model": "sale.conduct.fine.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_fine_id": self.id,
                "default_action": self.env.context.get("reason_action"),
            },
        }

    def action_cancel(self, reason):
        self._check_manager()
        self.check_access("write")
        if not _is_text(reason):
            raise UserError(self.env._("Give the reason for cancelling the fine."))
        if any(fine.state not in ("draft", "confirmed") for fine in self):
            raise UserError(self.env._("Only draft or confirmed fines can be cancelled."))
        self.sudo().write({"state": "cancelled", "cancel_reason": reason})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_appeal(self, reason):
        """The fined employee appeals over the head of their own superior."""
        self.ensure_one()
        if not _is_text(reason):
            raise UserError(self.env._("Give the reason for the appeal."))
        if self.employee_id.user_id != self.env.user:
            raise UserError(self.env._("Only the fined employee can appeal the fine."))
        if self.state != "confirmed" or self.appeal_state:
            raise UserError(self.env._("Only a confirmed fine can be appealed, and only once."))
        if self.appeal_deadline and fields.Date.context_today(self) > self.appeal_deadline:
            raise UserError(
                self.env._(
                    "The fine could be appealed until %(date)s only.",
                    date=format_date(self.env, self.appeal_deadline),
                )
            )
        reviewer = self._get_appeal_reviewer()
        fine = self.sudo()
        fine.write(
            {
                "appeal_state": "pending",
                "appeal_reason": reason,
                "appeal_user_id": reviewer.id,
            }
        )
        fine.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Appeal against fine %(fine)s", fine=self.name),
            note=reason,
            user_id=reviewer.id,
        )
        return True

    def action_appeal_decide(self, upheld, reason):
        """Uphold (the fine is waived) or reject the pending appeal."""
        self.ensure_one()
        if not _is_text(reason):
            raise UserError(self.env._("Give the reason for the decision."))
        if self.appeal_state != "pending":
            raise UserError(self.env._("The fine has no pending appeal."))
        if self.appeal_user_id != self.env.user and not self.env.su:
            raise UserError(
                self.env._(
                    "Only %(user)s can decide this appeal.",
                    user=self.appeal_user_id.name,
                )
            )
        self._check_can_decide(appeal=True)
        fine = self.sudo()
        vals = {
            "appeal_state": "upheld" if upheld else "rejected",
            "appeal_decision_reason": reason,
        }
        if upheld:
            vals["state"] = "waived"
        fine.write(vals)
        fine.activity_feedback(
            ["mail.mail_activity_data_todo"],
            user_id=self.appeal_user_id.id,
            feedback=reason,
            only_automated=False,
        )
        body = (
            self.env._(
                "Your appeal against fine %(fine)s is upheld: the fine is waived. "
                "Reason: %(reason)s",
                fine=self.name,
                reason=reason,
            )
            if upheld
            else self.env._(
                "Your appeal against fine %(fine)s is rejected. Reason: %(reason)s",
                fine=self.name,
                reason=reason,
            )
        )
        fine.message_post(
            body=body,
            partner_ids=(self.employee_id.user_id | fine._department_heads()).partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _notify_fine_confirmed(self):
        """Tell each fined employee, in their language, what the fine is for, its
        amount, and how and until when to appeal."""
        for fine in self.sudo():
            user = fine.employee_id.user_id
            if not user:
                continue
            fine = fine.with_context(lang=user.lang or self.env.lang)
            fine.message_post(
                body=fine.env._(
                    "You are fined %(amount)s under rule %(rule)s (fine %(fine)s). If you "
                    "disagree, open the fine and click Appeal, with your reason, by "
                    "%(deadline)s: the appeal goes to the superior above your own.",
                    amount=formatLang(fine.env, fine.amount, currency_obj=fine.currency_id),
                    rule=fine.rule_id.name,
                    fine=fine.name,
                    deadline=format_date(fine.env, fine.appeal_deadline),
                ),
                partner_ids=user.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _department_heads(self):
        """The head of the fined employee's department, else the company's
        Department Heads."""
        self.ensure_one()
        head = self.sudo().department_id.manager_id.user_id
        if head:
            return head
        group = self.env.ref(roles.DEPARTMENT_HEAD).sudo()
        return group.all_user_ids.filtered(lambda user: self.company_id in user.company_ids)

    def _check_manager(self):
        if not (
            self.env.su
            or self.env.user.has_groups(f"{roles.DEPARTMENT_HEAD},{roles.GENERAL_MANAGER}")
        ):
            raise UserError(
                self.env._("Only a Department Head or the General Manager can do this.")
            )
        self._check_can_decide()

    def _check_can_decide(self, appeal=False):
        """Four eyes (as hr_expense's _check_can_approve): nobody decides their own
        fine; an appeal is decided neither by the fined employee nor by whoever
        confirmed the fine. Recording a fine is no decision: the fine is confirmed
        by a manager and can be appealed over the head of the employee's superior."""
        if self.env.su:
            return
        user = self.env.user
        for fine in self:
            if user in fine.employee_id.user_id:
                raise UserError(
                    self.env._("Nobody decides an appeal against their own fine.")
                    if appeal
                    else self.env._(
                        "Your own fine is confirmed, settled or cancelled by another manager."
                    )
                )
            if appeal and user == fine.confirm_user_id:
                raise UserError(
                    self.env._(
                        "You confirmed fine %(fine)s: its appeal is decided by another manager.",
                        fine=fine.name,
                    )
                )

    def _general_managers(self):
        self.ensure_one()
        group = self.env.ref(roles.GENERAL_MANAGER).sudo()
        return group.all_user_ids.filtered(lambda user: self.company_id in user.company_ids).sorted(
            "id"
        )

    def _assign_occurrence(self):
        """Number each fine among the counted offences of its rule and employee."""
        counted = self.sudo().search_fetch(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("rule_id", "in", self.rule_id.ids),
                ("state", "in", COUNTED_STATES),
            ],
            ["employee_id", "rule_id", "event_datetime"],
        )
        events = defaultdict(list)
        for other in counted:
            events[other.employee_id.id, other.rule_id.id].append((other.event_datetime, other.id))
        for fine in self:
            key = (fine.event_datetime, fine.id)
            start = (
                fine.event_datetime - timedelta(days=fine.rule_id.repeat_period_days)
                if fine.rule_id.repeat_period_days
                else None
            )
            fine.occurrence = sum(
                1
                for other in events[fine.employee_id.id, fine.rule_id.id]
                if other <= key and (start is None or other[0] > start)
            )

    def _escalate_repeat_limit(self):
        """Flag fines at the repeat limit; on reaching it, tell the managers."""
        for fine in self.filtered(
            lambda f: f.rule_id.has_repeat_limit and f.occurrence >= f.rule_id.repeat_limit
        ):
            fine.sudo().repeat_limit_reached = True
            if fine.occurrence != fine.rule_id.repeat_limit:
                continue
            rule = fine.rule_id
            summary = self.env._(
                "%(consequence)s under clause %(clause)s",
                consequence=rule.repeat_consequence or self.env._("Repeat limit reached"),
                clause=rule.clause or rule.display_name,
            )
            note = self.env._(
                "%(employee)s reached %(count)s counted offences of %(rule)s with fine %(fine)s.",
                employee=fine.employee_id.name,
                count=fine.occurrence,
                rule=rule.display_name,
                fine=fine.name,
            )
            users = fine.department_id.manager_id.user_id | fine._general_managers()
            employee = fine.employee_id.sudo()
            for user in users:
                employee.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=summary,
                    note=note,
                    user_id=user.id,
                )
            fine.message_post(body=summary + ": " + note)

    def _get_appeal_reviewer(self):
        """The superior of the employee's superior, else up the chain, else the
        General Manager; never the confirmer nor the employee."""
        self.ensure_one()
        excluded = self.confirm_user_id | self.employee_id.user_id
        candidates = self.env["res.users"]
        superior = self.employee_id.sudo().parent_id
        seen = self.env["hr.employee"]
        # skip the direct superior: the appeal goes over their head
        manager = superior.parent_id
        while manager and manager not in seen:
            seen |= manager
            candidates |= manager.user_id
            manager = manager.parent_id
        candidates |= self._general_managers()
        reviewer = candidates.filtered(lambda user: user not in excluded)[:1]
        if not reviewer:
            raise UserError(
                self.env._(
                    "Nobody above %(employee)s's superior can decide the appeal: "
                    "set the employee's superiors or a General Manager.",
                    employee=self.employee_id.name,
                )
            )
        return reviewer
