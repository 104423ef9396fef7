# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .. import roles
from ..contract.tier_review import as_engine, is_engine
from ..values import check_values, strip_defaults

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("superseded", "Superseded"),
    ("cancelled", "Cancelled"),
]
# the states of a plan that counts: the plan in force and its revision under way
LIVE_STATES = ("draft", "submitted", "approved")
# What the Department Head edits on a draft: the only fields a user may write,
# and only while the plan is a draft. The state, the revision link, the time
# stamps and the reason are set by the action methods (as superuser).
DRAFT_FIELDS = frozenset({"name", "year", "company_id", "line_ids", "note"})
QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]
MIN_YEAR, MAX_YEAR = 2000, 2100


def field_labels(records, names):
    """The labels of fields ``names`` in the user's language, for messages: a
    user reads 年度, not year."""
    return ", ".join(
        sorted(
            records._fields[name]._description_string(records.env)
            if name in records._fields
            else name
            for name in names
        )
    )


class SalePlan(models.Model):
    _name = "sale.plan"
    _description = "Sales Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sale.regulation.tier.validation"]
    _order = "year desc, revision desc, id desc"
    _check_company_auto = True

    # the General Manager approves a submitted plan (OCA tier validation)
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        aggregator=None,
    )
    state = fields.Selection(
        PLAN_STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("sale.plan.line", "plan_id", string="Plan Lines", copy=True)
    note = fields.Text()
    revision = fields.Integer(readonly=True, copy=False, default=0, aggregator=None)
    previous_plan_id = fields.Many2one(
        "sale.plan",
        string="Revision Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The plan this revision replaces once it is approved.",
    )
    revision_ids = fields.One2many("sale.plan", "previous_plan_id", string="Revisions")
    amount_q1 = fields.Monetary(string="Q1", compute="_compute_amounts", store=True)
    amount_q2 = fields.Monetary(string="Q2", compute="_compute_amounts", store=True)
    amount_q3 = fields.Monetary(string="Q3", compute="_compute_amounts", store=True)
    amount_q4 = fields.Monetary(string="Q4", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(
        string="Year Total", compute="_compute_amounts", store=True, tracking=True
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submit_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    approve_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)

    # one plan in force per company and year, and at most one revision under way
    _one_plan_per_year = models.UniqueIndex(
        "(company_id, year, (state = 'approved')) "
        "WHERE state IN ('draft', 'submitted', 'approved')",
        "A company has one sales plan per year: revise the plan in force instead.",
    )
    _year_range = models.Constraint(
        f"CHECK (year BETWEEN {MIN_YEAR} AND {MAX_YEAR})",
        f"The year of a sales plan is between {MIN_YEAR} and {MAX_YEAR}.",
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("line_ids.amount", "line_ids.quarter")
    def _compute_amounts(self):
        totals = {
            (plan.id, quarter): amount
            for plan, quarter, amount in self.env["sale.plan.line"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id", "quarter"], ["amount:sum"]
            )
        }
        for plan in self:
            if not plan.id:
                # a plan being edited in the form: from its lines in memory
                for quarter, _label in QUARTERS:
                    plan[f"amount_q{quarter}"] = sum(
                        line.amount for line in plan.line_ids if line.quarter == quarter
                    )
            else:
                for quarter, _label in QUARTERS:
                    plan[f"amount_q{quarter}"] = totals.get((plan.id, quarter), 0.0)
            plan.amount_total = sum(plan[f"amount_q{q}"] for q, _label in QUARTERS)

    def _compute_next_review(self):
        # OCA's words, said by this addon (translated by its zh_CN.po)
        for plan in self:
            review = plan.review_ids.sorted("sequence").filtered(lambda r: r.status == "pending")[
                :1
            ]
            plan.next_review = self.env._("Next: %s", review.name) if review else False

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if "name" in fields_list and not res.get("name"):
            res["name"] = self._plan_default_name(res.get("year"))
        return res

    def _plan_default_name(self, year):
        year = year or fields.Date.context_today(self).year
        return self.env._("%(year)s Sales Plan", year=year)

    def _plan_check_vals(self, vals):
        if self.env.su:
            return
        if forbidden := vals.keys() - DRAFT_FIELDS - self._plan_mail_fields():
            raise UserError(
                self.env._(
                    "These fields of a sales plan are set by its buttons (Submit, Approve, "
                    "Revise, Cancel), not by hand: %(fields)s.",
                    fields=field_labels(self, forbidden),
                )
            )
        year = vals.get("year")
        if "year" in vals and (
            type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR  # noqa: E721 bool is refused
        ):
            raise ValidationError(
                self.env._(
                    "The year of a sales plan is between %(first)s and %(last)s.",
                    first=MIN_YEAR,
                    last=MAX_YEAR,
                )
            )

    def _plan_mail_fields(self):
        return set(self.env["mail.thread"]._fields) | set(self.env["mail.activity.mixin"]._fields)

    def _plan_check_manager(self):
        """Only the Department Head (and the managers above) edit and submit
        the department's plan."""
        if not (self.env.su or self.env.user.has_groups(roles.DEPARTMENT_HEAD)):
            raise AccessError(self.env._("Only the Department Head prepares the sales plan."))

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        if not self.env.su:
            self._plan_check_manager()
        for vals in vals_list:
            self._plan_check_vals(vals)
            if not vals.get("name"):
                vals["name"] = self._plan_default_name(vals.get("year"))
        plans = self if self.env.su else strip_defaults(self, DRAFT_FIELDS)
        for vals in vals_list:
            company_id = vals.get("company_id") or plans.env.company.id
            year = vals.get("year") or fields.Date.context_today(self).year
            self._plan_check_free_year(company_id, year, vals.get("previous_plan_id"))
        return super(SalePlan, plans).create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        self._plan_check_vals(vals)
        if not self.env.su and vals.keys() - self._plan_mail_fields():
            self._plan_check_manager()
            for plan in self:
                if plan.state != "draft":
                    raise UserError(
                        self.env._(
                            "%(plan)s is no longer a draft: it changes only through a "
                            "revision (Revise), which the General Manager approves again.",
                            plan=plan.display_name,
                        )
                    )
        if {"year", "company_id"} & vals.keys():
            if not self.env.su and self.previous_plan_id:
                # a revision replaces the plan of its own year and company
                raise UserError(
                    self.env._("A revision keeps the year and the company of the plan it revises.")
                )
            for plan in self.filtered(lambda p: p.state in LIVE_STATES):
                company_id = vals.get("company_id", plan.company_id.id)
                self._plan_check_free_year(
                    company_id, vals.get("year", plan.year), plan.previous_plan_id.id, plan.id
                )
        res = super().write(vals)
        if not self.env.su:
            self.check_access("write")
        return res

    def _plan_check_free_year(self, company_id, year, previous_id=None, plan_id=None):
        """A new plan (not a revision) for a year that already has one is
        refused in words, before the unique index would."""
        others = self.sudo().search(
            [
                ("id", "!=", plan_id or 0),
                ("company_id", "=", company_id),
                ("year", "=", year),
                ("state", "in", LIVE_STATES),
            ]
        )
        if others and (len(others) > 1 or others.id != previous_id):
            raise ValidationError(
                self.env._(
                    "%(company)s already has a sales plan for %(year)s: revise the plan "
                    "in force instead.",
                    company=others[:1].company_id.name,
                    year=year,
                )
            )

    def unlink(self):
        # refused before OCA's unlink deletes the reviews; the uninstall's flag is
        # a context key any client can send: it counts only for who may uninstall
        if not (self.env.context.get(MODULE_UNINSTALL_FLAG) and self.env.is_system()):
            self._unlink_never()
        return super().unlink()

    def _unlink_never(self):
        raise UserError(self.env._("Sales plans are never deleted: cancel them with a reason."))

    def copy_data(self, default=None):
        # a copy is a new draft of the department's editable values only (and
        # what the caller, action_revise, sets)
        vals_list = super().copy_data(default=default)
        allowed = DRAFT_FIELDS | set(default or ())
        return [{key: value for key, value in vals.items() if key in allowed} for vals in vals_list]

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _plan_check_state(self, states, message):
        for plan in self:
            if plan.state not in states:
                raise UserError(message % {"plan": plan.display_name})

    def action_submit(self):
        """The Department Head submits the plan; the General Manager's review
        is created by the tier definitions (OCA tier validation)."""
        self._plan_check_manager()
        self.check_access("write")
        self._plan_check_state(
            ("draft",), self.env._("%(plan)s is not a draft: only a draft is submitted.")
        )
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._(
                        "%(plan)s has no plan lines: give each salesperson's monthly amounts "
                        "first.",
                        plan=plan.display_name,
                    )
                )
        for plan in self.sudo():
            # a plan sent back by the General Manager is asked again from scratch
            as_engine(plan.review_ids).unlink()
            plan.write(
                {
                    "state": "submitted",
                    "submitted_by_id": self.env.uid,
                    "submit_date": fields.Datetime.now(),
                }
            )
            plan.invalidate_recordset(["need_validation"])
            if plan.need_validation:
                # as the Department Head: OCA records who asked (four eyes)
                as_engine(plan.with_user(self.env.user)).request_validation()
            else:
                # no tier definition at all: nothing to wait for
                plan._plan_approved()
        return True

    def _plan_requesters(self):
        self.ensure_one()
        return self.sudo().submitted_by_id | self.sudo().review_ids.requested_by

    def _check_can_decide(self):
        """Nobody approves a plan they submitted (hr_expense's _check_can_approve)."""
        if self.env.su:
            return
        for plan in self:
            if self.env.user in plan._plan_requesters():
                raise UserError(
                    self.env._(
                        "%(plan)s was submitted by you: the General Manager approves it, "
                        "not its author.",
                        plan=plan.display_name,
                    )
                )

    def _plan_my_reviews(self):
        self.ensure_one()
        return self.review_ids.filtered(
            lambda r: r.status == "pending" and self.env.user in r.reviewer_ids
        )

    def validate_tier(self):
        self.ensure_one()
        self.check_access("read")
        self._check_can_decide()
        if self.state != "submitted" or not self._plan_my_reviews():
            raise UserError(
                self.env._("%(plan)s is not waiting for your approval.", plan=self.display_name)
            )
        return super(SalePlan, as_engine(self)).validate_tier()

    def reject_tier(self):
        self.ensure_one()
        self.check_access("read")
        self._check_can_decide()
        if self.state != "submitted" or not self._plan_my_reviews():
            raise UserError(
                self.env._("%(plan)s is not waiting for your approval.", plan=self.display_name)
            )
        return super(SalePlan, as_engine(self)).reject_tier()

    def request_validation(self):
        # reviews are created only by action_submit
        if not is_engine(self.env):
            raise UserError(self.env._("Submit the plan instead."))
        return super().request_validation()

    def restart_validation(self):
        raise UserError(self.env._("Submit the plan again instead."))

    def _validate_tier(self, tiers=False):
        # every route to a decision (the buttons, OCA's comment wizard) ends here
        self._check_can_decide()
        res = super(SalePlan, as_engine(self))._validate_tier(tiers)
        self.invalidate_recordset(["validation_status"])
        if self.validation_status == "validated" and self.state == "submitted":
            self.sudo()._plan_approved()
        return res

    def _rejected_tier(self, tiers=False):
        self._check_can_decide()
        res = super(SalePlan, as_engine(self))._rejected_tier(tiers)
        self.invalidate_recordset(["validation_status"])
        if self.validation_status == "rejected" and self.state == "submitted":
            # back to the Department Head, who edits and submits again
            self.sudo().write({"state": "draft"})
        return res

    def evaluate_tier(self, tier):
        return super(SalePlan, self.sudo()).evaluate_tier(tier)

    def _plan_approved(self):
        """The plan comes into force; the plan it revises is superseded."""
        for plan in self.sudo():
            plan.previous_plan_id.filtered(lambda p: p.state == "approved").write(
                {"state": "superseded"}
            )
            plan.write({"state": "approved", "approve_date": fields.Datetime.now()})

    def action_revise(self):
        """A new draft revision of the approved plan: the plan stays in force
        until the revision is approved, then it is superseded."""
        self._plan_check_manager()
        self.check_access("write")
        self.ensure_one()
        self._plan_check_state(
            ("approved",), self.env._("%(plan)s is not in force: only an approved plan is revised.")
        )
        plan = self.sudo()
        if plan.revision_ids.filtered(lambda p: p.state in ("draft", "submitted")):
            raise UserError(
                self.env._(
                    "%(plan)s already has a revision under way: edit that one.",
                    plan=self.display_name,
                )
            )
        revision = plan.copy(
            {
                "previous_plan_id": plan.id,
                "revision": plan.revision + 1,
                "name": plan.name,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": revision.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_cancel(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel the Sales Plan"),
            "res_model": "sale.plan.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_cancel(self, reason):
        """Cancel a plan that is not in force (a draft or a submitted plan, a
        revision given up), with a reason. The plan in force is replaced by a
        revision, never cancelled: the department always has its plan."""
        self._plan_check_manager()
        self.check_access("write")
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason for cancelling the sales plan."))
        self._plan_check_state(
            ("draft", "submitted"),
            self.env._("%(plan)s is in force or closed: revise it instead of cancelling it."),
        )
        for plan in self.sudo():
            as_engine(plan.review_ids).unlink()
            plan.write({"state": "cancelled", "cancel_reason": reason.strip()})
        return True

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _plan_in_force(self, company, year):
        """The approved plan of ``company`` for ``year`` (a hook for the weekly review)."""
        return self.search(
            [("company_id", "=", company.id), ("year", "=", year), ("state", "=", "approved")],
            limit=1,
        )
