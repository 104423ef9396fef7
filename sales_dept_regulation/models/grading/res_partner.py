# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import split_every

from .. import roles
from ..values import check_values
from .sale_customer_grade import (
    CUSTOMER_STAGES,
    INTEREST_LEVELS,
    MAX_AMOUNT,
)
from .sale_customer_order_stats import bulk_planning

GRADING_CHUNK = 2000
ORDER_FIGURE_FIELDS = [
    "customer_last_order_date",
    "customer_sales_12m",
    "customer_orders_12m",
]
# Workflow fields: set only by the grading engine (the grading and the lock and
# unlock actions), never by a plain create or write, whoever the caller
GRADING_FIELDS = {
    "customer_stage",
    "customer_grade_id",
    "customer_grade_locked",
    "customer_grade_lock_reason",
    "customer_next_visit_date",
    "customer_visit_priority",
}
# what lets the engine write them: a Python object in the context, which no
# JSON-RPC or XML-RPC client can send
GRADING_ENGINE_PASS = object()
# what a salesperson records on a customer of their own
SALESPERSON_FIELDS = {
    "customer_expected_volume",
    "customer_interest_level",
    "customer_last_visit_date",
}
# who keeps the customers they enter (003 §客户管理1): a new customer of theirs
# is theirs unless they name another salesperson
CUSTOMER_KEEPERS = (
    "sales_dept_regulation.group_role_salesperson,sales_dept_regulation.group_role_telemarketer"
)
# The grading fields are fetched together, not with every read of a partner:
# orders, invoices and addresses read partners all the time, the grading fields
# only the grading and its screens need (as website does for its SEO fields).
GRADING_PREFETCH = "customer_grading"


class ResPartner(models.Model):
    _inherit = "res.partner"

    customer_stage = fields.Selection(
        CUSTOMER_STAGES,
        readonly=True,
        copy=False,
        index=True,
        prefetch=GRADING_PREFETCH,
    )
    customer_grade_id = fields.Many2one(
        "sale.customer.grade",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        prefetch=GRADING_PREFETCH,
    )
    customer_grade_locked = fields.Boolean(
        string="Grade Locked",
        readonly=True,
        copy=False,
        tracking=True,
        prefetch=GRADING_PREFETCH,
    )
    customer_grade_lock_reason = fields.Text(
        string="Lock Reason",
        readonly=True,
        copy=False,
        tracking=True,
        prefetch=GRADING_PREFETCH,
    )
    # what the contacts of a company show and are filtered on
    commercial_customer_stage = fields.Selection(
        related="commercial_partner_id.customer_stage", string="Stage of the Customer"
    )
    commercial_customer_grade_id = fields.Many2one(
        related="commercial_partner_id.customer_grade_id", string="Grade of the Customer"
    )
    customer_expected_volume = fields.Monetary(
        string="Expected Annual Volume",
        currency_field="customer_grading_currency_id",
        help="What the salesperson expects this prospect to buy in a year.",
        prefetch=GRADING_PREFETCH,
    )
    customer_grading_currency_id = fields.Many2one(
        "res.currency", compute="_compute_customer_grading_currency_id"
    )
    customer_interest_level = fields.Selection(
        INTEREST_LEVELS, string="Interest Level", prefetch=GRADING_PREFETCH
    )
    customer_last_visit_date = fields.Date(
        string="Last Visit", copy=False, prefetch=GRADING_PREFETCH
    )
    customer_next_visit_date = fields.Date(
        string="Next Visit Due",
        compute="_compute_customer_next_visit_date",
        store=True,
        index="btree_not_null",
        prefetch=GRADING_PREFETCH,
    )
    customer_visit_priority = fields.Integer(
        compute="_compute_customer_visit_priority",
        store=True,
        help="Lower first: A-grade prospects come first.",
        prefetch=GRADING_PREFETCH,
    )
    # what the grade is computed from (sale.customer.order.stats)
    customer_last_order_date = fields.Date(
        string="Last Confirmed Order", compute="_compute_customer_order_figures"
    )
    customer_sales_12m = fields.Monetary(
        string="Sales, Last 12 Months",
        currency_field="customer_grading_currency_id",
        compute="_compute_customer_order_figures",
        help="Untaxed amount of the confirmed orders of the last 12 months, in the "
        "company currency.",
    )
    customer_orders_12m = fields.Integer(
        string="Orders, Last 12 Months", compute="_compute_customer_order_figures"
    )
    customer_grade_history_ids = fields.One2many(
        "sale.customer.grade.history", "partner_id", string="Grade History"
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_customer_grading_currency_id(self):
        for partner in self:
            partner.customer_grading_currency_id = (
                partner.company_id or self.env.company
            ).currency_id

    @api.depends("commercial_partner_id")
    def _compute_customer_order_figures(self):
        # the user's own access: a salesperson sees the figures of own customers
        # only; a customer's figures are the sum of its rows (its counted row and
        # those its confirmations appended since)
        stats_model = self.env["sale.customer.order.stats"]
        figures = {}
        if stats_model.has_access("read"):
            figures = {
                partner.id: values
                for partner, *values in stats_model._read_group(
                    [("partner_id", "in", self.commercial_partner_id._origin.ids)],
                    ["partner_id"],
                    ["last_order_date:max", "sales_12m:sum", "orders_12m:sum"],
                )
            }
        for partner in self:
            last, amount, count = figures.get(
                partner.commercial_partner_id._origin.id, (False, 0.0, 0)
            )
            partner.customer_last_order_date = last
            partner.customer_sales_12m = amount
            partner.customer_orders_12m = count

    @api.depends(
        "customer_last_visit_date",
        "customer_grade_id.regular_visits",
        "customer_grade_id.visit_interval_days",
    )
    def _compute_customer_next_visit_date(self):
        for partner in self:
            grade = partner.customer_grade_id
            last = partner.customer_last_visit_date
            partner.customer_next_visit_date = (
                last + timedelta(days=grade.visit_interval_days)
                if grade.regular_visits and last
                else False
            )

    @api.depends("customer_stage", "customer_grade_id.sequence")
    def _compute_customer_visit_priority(self):
        for partner in self:
            partner.customer_visit_priority = partner.customer_grade_id.sequence * 2 + (
                partner.customer_stage != "potential"
            )

    @api.constrains("customer_expected_volume")
    def _check_customer_expected_volume(self):
        for partner in self:
            if not 0 <= partner.customer_expected_volume <= MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "The expected annual volume of %(customer)s must be between 0 and %(max)s.",
                        customer=partner.display_name,
                        max=MAX_AMOUNT,
                    )
                )

    @api.constrains("customer_last_visit_date")
    def _check_customer_last_visit_date(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.customer_last_visit_date and partner.customer_last_visit_date > today:
                raise ValidationError(
                    self.env._(
                        "The last visit of %(customer)s cannot be in the future (%(date)s).",
                        customer=partner.display_name,
                        date=partner.customer_last_visit_date,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        # a new customer gets its stage and grade from the grading, whatever would
        # bring them: the values, default_* keys of the context or the user's defaults
        given = [vals[name] for vals in vals_list for name in GRADING_FIELDS & vals.keys()]
        missing = [name for name in GRADING_FIELDS if any(name not in vals for vals in vals_list)]
        given += self.default_get(missing).values() if missing else []
        if any(value is not False and value is not None for value in given):
            raise AccessError(self._grading_fields_error())
        if not self.env.su and self.env.user.has_groups(CUSTOMER_KEEPERS):
            # a customer a salesperson or telemarketer enters is hers to keep (the
            # record rule lets her create and edit her own customers only)
            for vals in vals_list:
                if not vals.get("parent_id") and not vals.get("user_id"):
                    vals["user_id"] = self.env.uid
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        if (
            GRADING_FIELDS & vals.keys()
            and self.env.context.get("sdr_grading_engine") is not GRADING_ENGINE_PASS
            and self._grading_fields_change(vals)
        ):
            raise AccessError(self._grading_fields_error())
        if (
            vals
            and vals.keys() <= SALESPERSON_FIELDS
            and not self.env.su
            and self.env.user.has_group(roles.SCOPE_OWN)
            and not self.has_access("write")
        ):
            # sales users may not edit contacts in general, but they keep the
            # prospect and visit information of their own customers current;
            # the partners they may read only (another company's are not theirs)
            self.check_access("read")
            if any(
                partner.commercial_partner_id.user_id != self.env.user for partner in self
            ) and not self.env.user.has_group(roles.SCOPE_DEPARTMENT):
                raise AccessError(
                    self.env._("You can only record visits and interest for your own customers.")
                )
            return super(ResPartner, self.sudo()).write(vals)
        return super().write(vals)

    def _grading_fields_change(self, vals):
        """Whether ``vals`` changes a grading field of these partners (writing back
        the values they have, as the contact merge does, changes nothing)."""
        for name in GRADING_FIELDS & vals.keys():
            field = self._fields[name]
            try:
                new = field.convert_to_cache(vals[name], self) or False
            except (TypeError, ValueError):
                return True
            if any((field.convert_to_cache(p[name], p) or False) != new for p in self):
                return True
        return False

    def _grading_fields_error(self):
        return self.env._(
            "The stage, grade and grade lock of a customer are set by the grading: use the "
            "Lock Grade and Unlock Grade buttons to change the grade."
        )

    def _grading_engine(self):
        """These partners, to be written by the grading engine."""
        return self.sudo().with_context(sdr_grading_engine=GRADING_ENGINE_PASS)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_customer_grade_lock(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Lock Grade"),
            "res_model": "sale.customer.grade.lock",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    def action_unlock_customer_grade(self):
        if not self._can_override_customer_grade():
            raise AccessError(self.env._("Only a Department Head or above can unlock a grade."))
        partners = self.commercial_partner_id.filtered("customer_grade_locked")._grading_engine()
        partners.write({"customer_grade_locked": False, "customer_grade_lock_reason": False})
        self.env["sale.customer.grade.history"].sudo().create(
            [
                partner._grade_history_vals(
                    partner.customer_stage,
                    partner.customer_grade_id.id,
                    change_type="unlock",
                    user_id=self.env.uid,
                )
                for partner in partners
            ]
        )
        partners.sudo()._recompute_customer_grading()
        return True

    def _lock_customer_grade(self, grade, reason):
        """Set and lock the grade of these customers (called by the lock wizard)."""
        if not self._can_override_customer_grade():
            raise AccessError(self.env._("Only a Department Head or above can lock a grade."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the grade is locked."))
        partners = self.commercial_partner_id
        scale_field = self.env["sale.customer.grade"]._fields["customer_stage"]
        scale_labels = dict(scale_field._description_selection(self.env))
        for partner in partners:
            company = partner.company_id or self.env.company
            scale = "potential" if partner.customer_stage in (False, "potential") else "formal"
            if not grade.active or grade.company_id != company or grade.customer_stage != scale:
                raise UserError(
                    self.env._(
                        "Grade %(grade)s cannot be given to %(customer)s: choose an active "
                        "grade of %(company)s for %(scale)s.",
                        grade=grade.display_name,
                        customer=partner.display_name,
                        company=company.display_name,
                        scale=scale_labels[scale],
                    )
                )
        history = [
            partner._grade_history_vals(
                partner.customer_stage,
                grade.id,
                change_type="lock",
                user_id=self.env.uid,
                reason=reason,
            )
            for partner in partners
        ]
        partners._grading_engine().write(
            {
                "customer_grade_id": grade.id,
                "customer_grade_locked": True,
                "customer_grade_lock_reason": reason,
            }
        )
        self.env["sale.customer.grade.history"].sudo().create(history)

    @api.model
    def action_recompute_customer_grades(self):
        """The managers' button: regrade every customer now."""
        if not (
            self._can_override_customer_grade() or self.env.user.has_group(roles.REGULATION_ADMIN)
        ):
            raise AccessError(self.env._("Only a Department Head or above can regrade customers."))
        # the customers of the user's companies: another company's are not theirs to regrade
        partners = self.sudo()._get_gradable_customers(
            ["|", ("company_id", "=", False), ("company_id", "in", self.env.companies.ids)]
        )
        history = self.env["sale.customer.grade.history"].sudo()
        last_line = history.search([], order="id desc", limit=1).id
        # one transaction: its chunks planned for bulk once (see bulk_planning)
        with bulk_planning(self.env.cr, len(partners)):
            for chunk in split_every(GRADING_CHUNK, partners.ids, self.browse):
                chunk._recompute_customer_grading()
        changed = history.search_count([("id", ">", last_line), ("change_type", "=", "automatic")])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s customers regraded: %(changed)s changed stage or grade "
                    "(see the grade history).",
                    count=len(partners),
                    changed=changed,
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
