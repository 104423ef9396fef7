# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.sale.models.sale_order import INVOICE_STATUS, SALE_ORDER_STATE

from .. import roles
from ..grading.sale_customer_grade import CUSTOMER_STAGES
from ..values import set_sequence_numbers, strip_defaults
from .sale_mould_fee_rule import FEE_POLICIES, check_record_ids

# Fees, budgets and the fee order: R&D never reads them (nor through
# read_group, export or reports); every sales role holds this scope, R&D not.
MONEY_GROUPS = "sales_dept_regulation.group_scope_own"
RD_ENGINEER = roles.RD_ENGINEER

REQUEST_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted by R&D"),
    ("made", "Sample Made"),
    ("sent", "Sent"),
    ("feedback", "Customer Feedback"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
FEEDBACK_RESULTS = [("approved", "Approved"), ("rejected", "Rejected")]
EXCEPTION_STATES = [
    ("none", "None"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]
# What the salesperson records on a draft request: the only fields a user may
# write, and only while the request is a draft. Everything else (the state, the
# time stamps, the fee decision, the exception, the fee order) is set by the
# action methods.
DRAFT_FIELDS = frozenset(
    {
        "partner_id",
        "user_id",
        "team_id",
        "company_id",
        "product_id",
        "product_description",
        "quantity",
        "shape_dimensions",
        "physical_properties",
        "function_requirements",
        "delivery_date",
        "drawing_ids",
        "mould_needed",
        "mould_cost",
        "sample_fee",
    }
)
SECONDS_PER_DAY = 86400.0


class SaleSampleRequest(models.Model):
    _name = "sale.sample.request"
    _description = "Sample Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "sale.regulation.tier.validation"]
    _order = "id desc"
    _check_company_auto = True

    # the exception to the fee decision is what the Department Head reviews
    _state_field = "exception_state"
    _state_from = ["requested"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        check_company=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    partner_stage = fields.Selection(
        related="partner_id.commercial_customer_stage", string="Current Customer Stage"
    )
    partner_grade_id = fields.Many2one(
        related="partner_id.commercial_customer_grade_id", string="Current Customer Grade"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        index=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        check_company=True,
        index="btree_not_null",
    )
    product_id = fields.Many2one("product.product", check_company=True, tracking=True)
    product_description = fields.Text(
        string="New Product", help="The product to sample when it is not in the catalogue yet."
    )
    product_categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, string="Product Category"
    )
    quantity = fields.Float(default=1.0, digits="Product Unit", tracking=True)
    shape_dimensions = fields.Text(string="Shape and Dimensions")
    physical_properties = fields.Text()
    function_requirements = fields.Text(string="Function")
    delivery_date = fields.Date(string="Delivery Date Wanted", tracking=True)
    drawing_ids = fields.Many2many("ir.attachment", string="Drawings", check_company=True)
    mould_needed = fields.Boolean(string="New Mould Needed", tracking=True)
    mould_cost = fields.Monetary(string="Estimated Mould Cost", groups=MONEY_GROUPS, tracking=True)
    sample_fee = fields.Monetary(groups=MONEY_GROUPS, tracking=True)

    state = fields.Selection(
        REQUEST_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    submit_date = fields.Datetime(readonly=True, copy=False, index=True)
    accept_date = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    made_date = fields.Datetime(string="Made On", readonly=True, copy=False)
    sent_date = fields.Datetime(
        string="First Sent On", readonly=True, copy=False, help="The first round's sending."
    )
    last_sent_date = fields.Datetime(string="Last Sent On", readonly=True, copy=False)
    feedback_date = fields.Datetime(
        readonly=True, copy=False, help="The customer's final answer (approved or rejected)."
    )
    close_date = fields.Datetime(readonly=True, copy=False)
    cancel_date = fields.Datetime(readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    revision_count = fields.Integer(
        string="Revisions", readonly=True, copy=False, tracking=True, aggregator="sum"
    )
    feedback_result = fields.Selection(
        FEEDBACK_RESULTS, string="Outcome", readonly=True, copy=False, tracking=True
    )
    feedback_note = fields.Text(readonly=True, copy=False)
    customer_stage = fields.Selection(
        CUSTOMER_STAGES,
        readonly=True,
        copy=False,
        help="The customer's stage when the request was submitted.",
    )
    customer_grade_id = fields.Many2one(
        "sale.customer.grade",
        readonly=True,
        copy=False,
        check_company=True,
        help="The customer's grade when the request was submitted.",
    )

    # the fee decision, made at submission
    fee_rule_id = fields.Many2one(
        "sale.mould.fee.rule",
        readonly=True,
        copy=False,
        ondelete="restrict",
        check_company=True,
        groups=MONEY_GROUPS,
    )
    fee_policy = fields.Selection(
        FEE_POLICIES, readonly=True, copy=False, groups=MONEY_GROUPS, tracking=True
    )
    fee_amount = fields.Monetary(
        string="Fees", readonly=True, copy=False, groups=MONEY_GROUPS, tracking=True
    )
    charged_amount = fields.Monetary(
        string="Charged", readonly=True, copy=False, groups=MONEY_GROUPS, tracking=True
    )
    waived_amount = fields.Monetary(
        string="Waived", readonly=True, copy=False, groups=MONEY_GROUPS, tracking=True
    )
    budget_id = fields.Many2one(
        "sale.market.budget",
        readonly=True,
        ondelete="restrict",
        copy=False,
        check_company=True,
        index="btree_not_null",
        groups=MONEY_GROUPS,
    )
    budget_amount = fields.Monetary(
        string="Drawn from Budget", readonly=True, copy=False, groups=MONEY_GROUPS, tracking=True
    )
    decision_note = fields.Char(string="Decision", readonly=True, copy=False, groups=MONEY_GROUPS)
    # not a money field: the tier validation engine reads it for every user
    exception_state = fields.Selection(
        EXCEPTION_STATES,
        string="Fee Exception",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    exception_reason = fields.Text(readonly=True, copy=False, groups=MONEY_GROUPS)
    fee_order_id = fields.Many2one(
        "sale.order",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
        groups=MONEY_GROUPS,
    )
    # what the fee order must charge at least: the charged fee, unless a
    # Department Head lowered the order's prices (recorded in the chatter)
    fee_lowered_amount = fields.Monetary(
        string="Fee Lowered To",
        readonly=True,
        copy=False,
        groups=MONEY_GROUPS,
        tracking=True,
    )
    fee_lowered_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        check_company=True,
        groups=MONEY_GROUPS,
        tracking=True,
    )
    # computed, not related: a related field is grouped by through its path
    # (fee_order_id.state), past its own groups, and R&D would count the
    # confirmed fee orders
    fee_order_state = fields.Selection(
        SALE_ORDER_STATE,
        string="Fee Order Status",
        compute="_compute_fee_order_status",
        groups=MONEY_GROUPS,
    )
    fee_invoice_status = fields.Selection(
        INVOICE_STATUS,
        compute="_compute_fee_order_status",
        groups=MONEY_GROUPS,
    )
    fee_payment_state = fields.Selection(
        [("not_paid", "Not Paid"), ("partial", "Partially Paid"), ("paid", "Paid")],
        compute="_compute_fee_payment_state",
        groups=MONEY_GROUPS,
    )
    mould_override_reason = fields.Text(
        string="Mould Started Before Payment Because", readonly=True, copy=False, tracking=True
    )

    # statistics: stored, so that pivots group them in SQL
    days_to_send = fields.Float(
        compute="_compute_cycle_days", store=True, aggregator="avg", digits=(16, 1)
    )
    days_to_feedback = fields.Float(
        compute="_compute_cycle_days", store=True, aggregator="avg", digits=(16, 1)
    )
    days_to_send_max = fields.Float(
        string="Max Days to Send",
        compute="_compute_cycle_days",
        store=True,
        aggregator="max",
        digits=(16, 1),
    )
    days_to_feedback_max = fields.Float(
        string="Max Days to Feedback",
        compute="_compute_cycle_days",
        store=True,
        aggregator="max",
        digits=(16, 1),
    )
    approval_rate = fields.Float(
        string="Approval Rate (%)",
        compute="_compute_approval_rate",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 for an approved sample, 0 for a rejected one, empty without an answer: "
        "its average is the approval rate.",
    )

    @api.depends("user_id")
    def _compute_team_id(self):
        for request in self:
            request.team_id = request.user_id.sudo().sale_team_id

    @api.depends("submit_date", "sent_date", "feedback_date")
    def _compute_cycle_days(self):
        for request in self:
            start = request.submit_date
            send = (
                (request.sent_date - start).total_seconds() / SECONDS_PER_DAY
                if start and request.sent_date
                else False
            )
            feedback = (
                (request.feedback_date - start).total_seconds() / SECONDS_PER_DAY
                if start and request.feedback_date
                else False
            )
            request.days_to_send = request.days_to_send_max = send
            request.days_to_feedback = request.days_to_feedback_max = feedback

    @api.depends("feedback_result")
    def _compute_approval_rate(self):
        for request in self:
            request.approval_rate = {"approved": 100.0, "rejected": 0.0}.get(
                request.feedback_result, False
            )

    @api.depends("fee_order_id.state", "fee_order_id.invoice_status")
    def _compute_fee_order_status(self):
        for request in self:
            order = request.sudo().fee_order_id
            request.fee_order_state = order.state
            request.fee_invoice_status = order.invoice_status

    @api.depends("fee_order_id.invoice_ids.payment_state", "fee_order_id.invoice_ids.state")
    def _compute_fee_payment_state(self):
        for request in self:
            invoices = request.fee_order_id.sudo().invoice_ids.filtered(
                lambda m: m.state == "posted" and m.move_type == "out_invoice"
            )
            states = set(invoices.mapped("payment_state"))
            if invoices and states <= {"paid", "in_payment"}:
                request.fee_payment_state = "paid"
            elif states & {"paid", "in_payment", "partial"}:
                request.fee_payment_state = "partial"
            else:
                request.fee_payment_state = "not_paid"

    @api.constrains("product_id", "product_description")
    def _check_product(self):
        for request in self:
            if not request.product_id and not (request.product_description or "").strip():
                raise ValidationError(
                    self.env._("Choose the product to sample or describe the new product.")
                )

    @api.constrains("quantity", "mould_cost", "sample_fee")
    def _check_amounts(self):
        for request in self.sudo():
            if request.quantity <= 0:
                raise ValidationError(self.env._("The quantity of a sample must be positive."))
            if request.mould_cost < 0 or request.sample_fee < 0:
                raise ValidationError(self.env._("A fee or a cost cannot be negative."))

    @api.constrains("team_id", "user_id")
    def _check_team_member(self):
        # a team's budget is drawn for that team's members only
        for request in self.sudo():
            team = request.team_id
            if team and request.user_id not in team.member_ids | team.user_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of the sales team %(team)s: a request "
                        "draws only from the budget of its salesperson's team.",
                        user=request.user_id.name,
                        team=team.name,
                    )
                )

    @api.constrains("delivery_date")
    def _check_delivery_date(self):
        today = fields.Date.context_today(self)
        for request in self:
            if request.state == "draft" and request.delivery_date and request.delivery_date < today:
                raise ValidationError(self.env._("The delivery date wanted cannot be in the past."))

    # ------------------------------------------------------------
    # CRUD: only drafts are edited, and only their draft fields
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

    @api.model
    def _drop_empty_reviews(self, vals):
        """The form sends the reviews it shows, empty on a new request: a no-op.
        Anything else about them stays refused by _check_vals."""
        if isinstance(vals, dict) and "review_ids" in vals and not vals["review_ids"]:
            vals = {key: value for key, value in vals.items() if key != "review_ids"}
        return vals

    def _check_vals(self, vals):
        if not isinstance(vals, dict):
            raise UserError(
                self.env._("The values of a sample request must be given by field name.")
            )
        if self.env.su:
            return
        if forbidden := vals.keys() - DRAFT_FIELDS:
            raise UserError(
                self.env._(
                    "These fields of a sample request are set by its number sequence or "
                    "its buttons (Submit, Accept, Sent, Feedback, Cancel...), not by hand: "
                    "%(fields)s.",
                    fields=self._field_labels(forbidden),
                )
            )
        for request in self:
            if request.state != "draft":
                raise UserError(
                    self.env._(
                        "The sample request %(request)s is no longer a draft: it changes "
                        "only through its buttons; add a note in its chatter instead.",
                        request=request.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not isinstance(vals_list, (list, tuple)):
            raise UserError(
                self.env._("The values of a sample request must be given by field name.")
            )
        vals_list = [self._drop_empty_reviews(vals) for vals in vals_list]
        for vals in vals_list:
            self.browse()._check_vals(vals)
        check_record_ids(self, vals_list)
        vals_list = [dict(vals) for vals in vals_list]
        # a new record starts in its first state: drop the defaults a client
        # may send for the fields it cannot write
        requests = self if self.env.su else strip_defaults(self, DRAFT_FIELDS)
        set_sequence_numbers(self.env, vals_list, "sale.sample.request")
        records = super(SaleSampleRequest, requests).create(vals_list)
        if not self.env.su:
            records.check_access("create")
        return records

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
        vals = self._drop_empty_reviews(vals)
        self._check_vals(vals)
        check_record_ids(self, [vals])
        res = super().write(vals)
        if not self.env.su:
            # record rules hold on the request as written, not only as it was
            self.check_access("write")
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(request.state != "draft" for request in self):
            raise UserError(
                self.env._("A submitted sample request cannot be deleted; cancel it with a reason.")
            )

    def copy_data(self, default=None):
        # a copy is a new draft: its own number, no decision, no time stamps
        vals_list = super().copy_data(default=default)
        return [
            {key: value for key, value in vals.items() if key in DRAFT_FIELDS} for vals in vals_list
        ]
