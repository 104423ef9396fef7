# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_dept_regulation.models.contract.tier_review import as_engine, is_engine

CREDIT_PROBLEMS = [
    ("missing", "No Credit Assessment"),
    ("expired", "Credit Assessment Expired"),
    ("over_limit", "Over the Credit Limit"),
]
EXCEPTION_STATES = [
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class SaleCreditException(models.Model):
    """The General Manager's exception to the credit check of one contract, up
    to its amount, decided through OCA's tier validation (a tier definition
    shipped for every company, the General Manager reviewing)."""

    _name = "sale.credit.exception"
    _description = "Credit Exception"
    _inherit = ["mail.thread", "mail.activity.mixin", "sale.regulation.tier.validation"]
    # asked from the contract, never restarted
    _sdr_hidden_tier_buttons = ("request_validation", "restart_validation")
    _order = "id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    _state_field = "state"
    _state_from = ["requested"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    order_id = fields.Many2one(
        "sale.order",
        string="Contract",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id.commercial_partner_id", string="Customer", store=True
    )
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, index=True
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    amount_total = fields.Monetary(
        string="Amount Covered", readonly=True, currency_field="currency_id"
    )
    problem = fields.Selection(CREDIT_PROBLEMS, string="Credit Problem", readonly=True)
    reason = fields.Text(string="Why an Exception", required=True)
    state = fields.Selection(
        EXCEPTION_STATES, default="requested", required=True, readonly=True, tracking=True
    )
    requested_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("order_id.name", "problem")
    def _compute_display_name(self):
        problems = dict(self._fields["problem"]._description_selection(self.env))
        for exception in self:
            parts = [exception.order_id.name or "", problems.get(exception.problem, "")]
            exception.display_name = " · ".join(part for part in parts if part)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not is_engine(self.env):
            raise UserError(
                self.env._("Ask for a credit exception from the contract (Ask for an Exception).")
            )
        exceptions = super().create(vals_list)
        exceptions.request_validation()
        return exceptions

    def write(self, vals):
        if not is_engine(self.env) and set(vals if isinstance(vals, dict) else ()) - {
            "message_follower_ids",
            "message_main_attachment_id",
            "activity_ids",
        }:
            raise UserError(
                self.env._(
                    "A credit exception does not change once asked: ask for a new one "
                    "from the contract."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not is_engine(self.env):
            raise UserError(self.env._("A credit exception is kept: it cannot be deleted."))

    # ------------------------------------------------------------
    # TIER VALIDATION
    # ------------------------------------------------------------

    def request_validation(self):
        if not is_engine(self.env):
            raise UserError(
                self.env._("Ask for a credit exception from the contract (Ask for an Exception).")
            )
        return super(SaleCreditException, as_engine(self)).request_validation()

    def restart_validation(self):
        raise UserError(
            self.env._("A refused exception is not restarted: ask for a new one from the contract.")
        )

    def _check_can_decide(self):
        """Nobody decides an exception to their own contract."""
        for exception in self:
            engine = exception.sudo()
            if self.env.user in (engine.requested_by_id | engine.user_id):
                raise UserError(
                    self.env._(
                        "The credit exception of %(order)s is your own: the General Manager "
                        "decides it.",
                        order=engine.order_id.display_name,
                    )
                )

    def validate_tier(self):
        self.ensure_one()
        self.check_access("read")
        self._check_can_decide()
        return super(SaleCreditException, as_engine(self)).validate_tier()

    def reject_tier(self):
        self.ensure_one()
        self.check_access("read")
        self._check_can_decide()
        return super(SaleCreditException, as_engine(self)).reject_tier()

    def _validate_tier(self, tiers=False):
        self._check_can_decide()
        res = super(SaleCreditException, as_engine(self))._validate_tier(tiers)
        engine = self.sudo()
        if engine.validation_status == "validated" and engine.state == "requested":
            # computed before the reviews existed: OCA would request them again
            engine.invalidate_recordset(["need_validation"])
            as_engine(engine).write({"state": "approved"})
            engine.order_id.message_post(
                body=self.env._(
                    "%(user)s approved the credit exception (%(problem)s) up to %(amount)s.",
                    user=self.env.user.name,
                    problem=dict(self._fields["problem"]._description_selection(self.env)).get(
                        engine.problem, ""
                    ),
                    amount=engine.currency_id.format(engine.amount_total),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return res

    def _rejected_tier(self, tiers=False):
        self._check_can_decide()
        res = super(SaleCreditException, as_engine(self))._rejected_tier(tiers)
        engine = self.sudo()
        if engine.validation_status == "rejected" and engine.state == "requested":
            as_engine(engine).write({"state": "refused"})
            engine.order_id.message_post(
                body=self.env._("%(user)s refused the credit exception.", user=self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )
        return res

    def _compute_hide_reviews(self):
        for exception in self:
            exception.hide_reviews = not exception.review_ids

    def _compute_next_review(self):
        # OCA's words, said by this addon (translated by its zh_CN.po)
        for exception in self:
            review = exception.review_ids.sorted("sequence").filtered(
                lambda r: r.status == "pending"
            )[:1]
            exception.next_review = self.env._("Next: %s", review.name) if review else False

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
        }
