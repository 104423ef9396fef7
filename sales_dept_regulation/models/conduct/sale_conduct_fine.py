# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .. import roles
from ..values import check_rules_as_written, set_sequence_numbers, strip_defaults

FINE_STATE = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("paid", "Paid"),
    ("waived", "Waived"),
    ("cancelled", "Cancelled"),
]
APPEAL_STATE = [
    ("pending", "Appeal Pending"),
    ("upheld", "Appeal Upheld"),
    ("rejected", "Appeal Rejected"),
]
# Fines in these states are counted offences.
COUNTED_STATES = ("confirmed", "paid")
# What a user records on a draft fine: the only fields a user may write, and only
# while the fine is a draft. The number, the department and the rule amount follow
# from these; the workflow fields below are set by the action methods.
DRAFT_FIELDS = frozenset(
    {
        "employee_id",
        "rule_id",
        "event_datetime",
        "minutes_late",
        "description",
        "amount",
        "amount_reason",
        "company_id",
    }
)
# Written only by the action methods, as superuser: the only fields that still
# change once a fine leaves draft. Notes, documents and follow-ups after that go
# to the chatter (messages, attachments, activities, followers), which does not
# write the fine and keeps who said what and when.
WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "confirm_user_id",
        "confirm_date",
        "paid_date",
        "cancel_reason",
        "appeal_state",
        "appeal_reason",
        "appeal_user_id",
        "appeal_decision_reason",
        "occurrence",
        "repeat_limit_reached",
    }
)


def _is_text(reason):
    """Whether a reason given to an action method says something."""
    return isinstance(reason, str) and bool(reason.strip())


class SaleConductFine(models.Model):
    _name = "sale.conduct.fine"
    _description = "Conduct Fine"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "event_datetime desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id")
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        index=True,
        help="The employee's department when the fine was recorded.",
    )
    rule_id = fields.Many2one(
        "sale.conduct.rule",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    rule_amount_type = fields.Selection(related="rule_id.amount_type")
    event_datetime = fields.Datetime(
        string="Date and Time",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
    )
    minutes_late = fields.Integer(tracking=True)
    description = fields.Text()
    rule_amount = fields.Monetary(
        string="Amount per Rule",
        compute="_compute_rule_amount",
        store=True,
        help="The amount the rule book sets for this fine.",
    )
    is_manual_amount = fields.Boolean(compute="_compute_rule_amount", store=True)
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        tracking=True,
        aggregator="sum",
    )
    amount_reason = fields.Text(
        string="Reason for the Amount",
        tracking=True,
        help="Required when the amount is set per company rules or overrides the rule.",
    )
    is_override = fields.Boolean(compute="_compute_is_override")
    occurrence = fields.Integer(
        readonly=True,
        copy=False,
        aggregator=None,
        help="The n-th counted offence of this rule for this employee.",
    )
    repeat_limit_reached = fields.Boolean(readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        FINE_STATE,
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default="draft",
        tracking=True,
    )
    confirm_user_id = fields.Many2one("res.users", string="Confirmed By", readonly=True, copy=False)
    confirm_date = fields.Datetime(readonly=True, copy=False)
    paid_date = fields.Date(readonly=True, copy=False, tracking=True)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    appeal_state = fields.Selection(
        APPEAL_STATE, readonly=True, copy=False, index=True, tracking=True
    )
    appeal_reason = fields.Text(readonly=True, copy=False)
    appeal_user_id = fields.Many2one(
        "res.users",
        string="Appeal Decided By",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    appeal_decision_reason = fields.Text(readonly=True, copy=False, tracking=True)

    _amount_positive = models.Constraint(
        "CHECK(amount >= 0)", "The amount of a fine cannot be negative."
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("employee_id")
    def _compute_department_id(self):
        for fine in self:
            fine.department_id = fine.employee_id.department_id

    # Depends on the fine only: a later change of the rule book must not
    # change the amount of fines already recorded.
    @api.depends("rule_id", "minutes_late")
    def _compute_rule_amount(self):
        for fine in self:
            rule = fine.rule_id
            if rule.amount_type == "fixed":
                fine.rule_amount, fine.is_manual_amount = rule.amount, False
            elif rule.amount_type == "band":
                band = rule._band_for(fine.minutes_late) if fine.minutes_late > 0 else False
                fine.rule_amount = band.amount if band else 0.0
                fine.is_manual_amount = bool(band and band.per_company_rules)
            else:
                fine.rule_amount, fine.is_manual_amount = 0.0, bool(rule)

    @api.depends("rule_id", "minutes_late")
    def _compute_amount(self):
        for fine in self:
            fine.amount = 0.0 if fine.is_manual_amount else fine.rule_amount

    @api.depends("amount", "rule_amount", "is_manual_amount", "currency_id")
    def _compute_is_override(self):
        for fine in self:
            fine.is_override = not fine.is_manual_amount and bool(
                float_compare(
                    fine.amount,
                    fine.rule_amount,
                    precision_rounding=fine.currency_id.rounding or 0.01,
                )
            )

    # ------------------------------------------------------------
    # CONSTRAINT METHODS
    # ------------------------------------------------------------

    @api.constrains("rule_id", "minutes_late")
    def _check_minutes_late(self):
        if any(fine.minutes_late < 0 for fine in self):
            raise ValidationError(self.env._("The minutes late cannot be negative."))
        for fine in self.filtered(lambda f: f.rule_id.amount_type == "band"):
            if fine.minutes_late <= 0:
                raise ValidationError(
                    self.env._(
                        "The rule %(rule)s is set by minutes late: enter a number of "
                        "minutes greater than zero.",
                        rule=fine.rule_id.display_name,
                    )
                )
            if not fine.rule_id._band_for(fine.minutes_late):
                raise ValidationError(
                    self.env._(
                        "No band of rule %(rule)s covers %(minutes)s minutes.",
                        rule=fine.rule_id.display_name,
                        minutes=fine.minutes_late,
                    )
                )

    @api.constrains("amount", "amount_reason", "rule_id", "minutes_late")
    def _check_amount(self):
        for fine in self:
            if fine.is_manual_amount and (
                fine.currency_id.is_zero(fine.amount) or not fine.amount_reason
            ):
                raise ValidationError(
                    self.env._(
                        "The fine %(fine)s is set per company rules: enter the amount "
                        "and the reason for it.",
                        fine=fine.name,
                    )
                )
            if fine.is_override and not fine.amount_reason:
                raise ValidationError(
                    self.env._(
                        "Give the reason for changing the amount of %(fine)s.",
                        fine=fine.name,
                    )
                )

    def _check_override_right(self):
        # not a constraint: constraints run as superuser
        if self.env.su or self.env.user.has_group(roles.DEPARTMENT_HEAD):
            return
        for fine in self.filtered("is_override"):
            raise UserError(
                self.env._(
                    "Only a Department Head may change the amount of %(fine)s "
                    "set by the rule book.",
                    fine=fine.name,
                )
            )

    # ------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------

    def _field_labels(self, fnames):
        return ", ".join(
            sorted(
                self._fields[fname]._description_string(self.env)
                if fname in self._fields
                else str(fname)
                for fname in fnames
            )
        )

    def _check_vals(self, vals):
        """Refuse values a client may not write: anything but a dict, fields a
        user does not record, and any change to a fine that left draft."""
        if not isinstance(vals, dict):
            raise UserError(self.env._("The values of a fine must be given by field name."))
        if not self.env.su and (forbidden := vals.keys() - DRAFT_FIELDS):
            raise UserError(
                self.env._(
                    "These fields of a fine are set by its number sequence, its rule "
                    "or its buttons (Confirm, Mark as Paid, Cancel, Appeal), not by "
                    "hand: %(fields)s.",
                    fields=self._field_labels(forbidden),
                )
            )
        for fine in self:
            if fine.state != "draft" and (frozen := vals.keys() - WORKFLOW_FIELDS):
                raise UserError(
                    self.env._(
                        "The fine %(fine)s is no longer a draft: %(fields)s can no "
                        "longer be changed; add a note in its chatter instead.",
                        fine=fine.name,
                        fields=self._field_labels(frozen),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not isinstance(vals_list, (list, tuple)):
            raise UserError(self.env._("The values of a fine must be given by field name."))
        for vals in vals_list:
            # create may be called on records (copy does): check as new fines
            self.browse()._check_vals(vals)
        # the number is added below: leave the caller's dicts alone
        vals_list = [dict(vals) for vals in vals_list]
        # a new record starts in its first state: drop the defaults a client
        # may send for the fields it cannot write
        fines = self if self.env.su else strip_defaults(self, DRAFT_FIELDS)
        set_sequence_numbers(self.env, vals_list, "sale.conduct.fine")
        fines = super(SaleConductFine, fines).create(vals_list)
        fines._check_not_own()
        fines._check_override_right()
        return fines

    def write(self, vals):
        if not self.env.su:
            # access first: a user who may not write the fine learns nothing more
            self.check_access("write")
        self._check_vals(vals)
        self._check_not_own()
        res = super().write(vals)
        # record rules hold on the fine as written, not only as it was
        check_rules_as_written(self)
        self._check_not_own()
        if "amount" in vals:
            self._check_override_right()
        return res

    def _check_not_own(self):
        """A manager may record and correct fines, but not their own: an amount
        they lowered or a draft they deleted would be a decision on their own fine."""
        if self.env.su:
            return
        if own := self.filtered(lambda fine: self.env.user in fine.employee_id.user_id):
            raise UserError(
                self.env._(
                    "Fine %(fine)s is your own: another manager records, corrects or deletes it.",
                    fine=own[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_own(self):
        self._check_not_own()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(fine.state != "draft" for fine in self):
            raise UserError(
                self.env._("A fine cannot be deleted once confirmed; cancel it with a reason.")
            )
