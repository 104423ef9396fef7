# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .. import roles
from ..values import check_values
from .sale_order_line import WRITABLE_LINE_FIELDS_WHEN_SIGNED
from .tier_review import as_engine, is_engine

APPROVAL_KINDS = [
    ("contract", "Contract"),
    ("department_head", "Department Head Confirmation"),
]
ORDER_CHANNELS = [
    ("visit", "Visit or Meeting"),
    ("phone", "Phone"),
    ("fax", "Fax"),
    ("online", "Online"),
]
DELIVERY_METHODS = [
    ("pickup", "Customer Pickup"),
    ("own", "Our Delivery"),
    ("carrier", "Carrier"),
]
# The signatures and the receivables shown to signers are for the regulations'
# roles; the views show the addon's fields to them only, so that a Sales user
# without any role reads and edits quotations as in standard Odoo.
ROLES = roles.SCOPE_OWN
# What may still change on an order once its signatures have started or it is
# an effective contract: nothing of it is printed on, or decides, the contract.
# A company adds fields with OCA's tier validation exceptions.
WRITABLE_WHEN_SIGNED = {
    "tag_ids",
    "message_follower_ids",
    "message_main_attachment_id",
    "access_token",
}
# The signing engine's own fields: no user writes them, frozen or not.
ENGINE_FIELDS = {
    "sdr_contract_version",
    "sdr_amending",
    "validation_status",
    "review_ids",
}
# what a new order has of them (a form sends these), compared by type and value
ENGINE_FIELD_DEFAULTS = {
    "sdr_contract_version": {(bool, False), (int, 1)},
    "sdr_amending": {(bool, False)},
    "validation_status": {(bool, False), (str, "no")},
}
# Contract fields an ordinary quotation never reads: fetched together, only when
# a contract needs them (see GRADING_PREFETCH on res.partner).
CONTRACT_PREFETCH = "sdr_contract"
# Fields every contract needs before it is submitted, by the regulations.
CONTRACT_REQUIRED_FIELDS = [
    "client_order_ref",
    "payment_term_id",
    "commitment_date",
    "sdr_delivery_method",
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    is_contract = fields.Boolean(
        string="Formal Contract",
        tracking=True,
        help="The quotation is a formal contract: it takes effect only once the "
        "Department Head, the Deputy General Manager and the General Manager have signed.",
    )
    sdr_order_channel = fields.Selection(ORDER_CHANNELS, string="Order Taken By", tracking=True)
    sdr_delivery_method = fields.Selection(
        DELIVERY_METHODS,
        # not "Delivery Method": the carrier of Odoo's delivery has that label
        string="Delivery Arrangement",
        tracking=True,
        prefetch=CONTRACT_PREFETCH,
    )
    sdr_approval_kind = fields.Selection(
        APPROVAL_KINDS,
        string="Signatures Needed",
        compute="_compute_sdr_approval",
        help="Which rule of the regulations applies to this quotation. Empty: none, "
        "the quotation behaves as in standard Odoo.",
    )
    sdr_approval_reason = fields.Char(string="Why", compute="_compute_sdr_approval")
    sdr_contract_version = fields.Integer(
        string="Contract Version",
        default=1,
        copy=False,
        readonly=True,
        tracking=True,
        prefetch=CONTRACT_PREFETCH,
    )
    sdr_amending = fields.Boolean(
        string="Amendment Open",
        copy=False,
        readonly=True,
        prefetch=CONTRACT_PREFETCH,
        help="A supplementary agreement to this effective contract is being signed.",
    )
    sdr_signature_ids = fields.One2many(
        "sale.contract.signature",
        "order_id",
        string="Signatures",
        readonly=True,
        groups=ROLES,
    )
    # the regulations check credit first: the signers see who the customer is
    # (the salesperson knows her customer; the order form does not read it for her)
    sdr_customer_stage = fields.Selection(related="partner_id.commercial_customer_stage")
    sdr_customer_grade_id = fields.Many2one(related="partner_id.commercial_customer_grade_id")
    sdr_partner_credit = fields.Monetary(
        string="Open Receivables",
        compute="_compute_sdr_partner_credit",
        currency_field="sdr_company_currency_id",
        groups=roles.MANAGERS,
    )
    sdr_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    sdr_signed_by_me = fields.Boolean(
        compute="_compute_sdr_signed_by_me",
        search="_search_sdr_signed_by_me",
        groups=ROLES,
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends(
        "is_contract",
        "amount_untaxed",
        "sdr_order_channel",
        "order_line.sdr_below_pricelist",
        "company_id",
    )
    def _compute_sdr_approval(self):
        for order in self:
            company = order.company_id or self.env.company
            rules = company._regulation_rules()
            reasons = []
            kind = False
            if order.is_contract:
                reasons.append(self.env._("marked as a formal contract"))
            elif (
                rules.sdr_contract_amount_threshold
                and order._contract_amount_in_company(company)
                >= rules.sdr_contract_amount_threshold
            ):
                reasons.append(self.env._("amount reaches the contract threshold"))
            if reasons:
                kind = "contract"
            else:
                if rules.sdr_phone_order_rule and order.sdr_order_channel in (
                    "phone",
                    "fax",
                ):
                    reasons.append(self.env._("phone or fax order without a contract"))
                if rules.sdr_below_price_rule and any(
                    order.order_line.mapped("sdr_below_pricelist")
                ):
                    reasons.append(self.env._("price below the pricelist"))
                if reasons:
                    kind = "department_head"
            order.sdr_approval_kind = kind
            order.sdr_approval_reason = ", ".join(reasons) or False

    def _contract_amount_in_company(self, company):
        self.ensure_one()
        if not self.currency_id or self.currency_id == company.currency_id:
            return self.amount_untaxed
        return self.currency_id._convert(
            self.amount_untaxed,
            company.currency_id,
            company,
            self.date_order or fields.Date.context_today(self),
        )

    @api.depends("partner_id")
    def _compute_sdr_partner_credit(self):
        # Signers must see the receivables without holding accounting rights.
        for order in self:
            partner = order.partner_id.commercial_partner_id.sudo()
            order.sdr_partner_credit = (
                partner.with_company(order.company_id).credit if partner else 0.0
            )

    @api.depends_context("uid")
    @api.depends("sdr_signature_ids.user_id")
    def _compute_sdr_signed_by_me(self):
        for order in self:
            order.sdr_signed_by_me = (
                self.env.user
                in order.sdr_signature_ids.filtered(lambda s: s.state == "signed").user_id
            )

    def _search_sdr_signed_by_me(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        signed = [("user_id", "=", self.env.uid), ("state", "=", "signed")]
        positive = (operator == "in") == (True in value)
        return [("sdr_signature_ids", "any" if positive else "not any", signed)]

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed_contract(self):
        if self.sudo().sdr_signature_ids:
            raise UserError(
                self.env._("A contract that was signed cannot be deleted: cancel it instead.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_engine(self.env):
            new = self.browse()
            check_values(self.env, vals_list)
            for vals in vals_list:
                new._contract_check_engine_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        if not is_engine(self.env):
            self._contract_check_engine_fields(vals)
            self._contract_check_signed_terms(vals)
        return super().write(vals)

    def _contract_check_engine_fields(self, vals):
        """Refuse values of the signing engine's fields, unless they are what the
        orders (a new one: the defaults) already have, as a form sends them."""
        for name in ENGINE_FIELDS.intersection(vals):
            value = vals[name]
            if name == "review_ids":
                same = not value
            elif not self:
                same = (
                    isinstance(value, (bool, int, str))
                    and (type(value), value) in ENGINE_FIELD_DEFAULTS[name]
                )
            else:
                same = isinstance(value, (bool, int, str)) and all(
                    order[name] == value for order in self
                )
            if not same:
                raise UserError(
                    self.env._(
                        "The contract version, the amendment and the signatures of an "
                        "order change only through its signing actions."
                    )
                )

    def unlink(self):
        return super(SaleOrder, as_engine(self)).unlink()

    def _contract_signed_under_rules(self):
        """The orders of ``self`` signed under the regulations' tiers: their
        signatures have started, or they are effective contracts. What defines
        them no longer changes, and only the signing order decides who signs."""
        reviewed = self.filtered(lambda order: order.validation_status not in (False, "no"))
        return reviewed.filtered(
            lambda order: order.sudo().review_ids.definition_id.filtered("sdr_applies_to")
        )

    def _contract_signed_by_rules(self):
        """The orders of ``self`` the regulations sign: under one of their rules,
        or with signatures of their tiers. Every review on them is the engine's."""
        return self.filtered("sdr_approval_kind") | self._contract_signed_under_rules()

    def _contract_check_signed_terms(self, vals):
        """Refuse a write of ``vals`` that changes what was signed, unless the
        signatures are restarted or an amendment is opened."""
        frozen = self._contract_signed_under_rules()
        if not frozen:
            return
        # the form records a delivered quantity through the order: what its
        # lines may still change, which their own write checks again
        if "order_line" in vals and self._contract_updates_delivered_only(vals["order_line"]):
            vals = {name: value for name, value in vals.items() if name != "order_line"}
        # e-mailing a quotation marks it as sent: both are quotation states
        if (
            vals.keys() == {"state"}
            and vals["state"] == "sent"
            and set(frozen.mapped("state")) == {"draft"}
        ):
            return
        # the company's exceptions depend on its company and the phase only: one
        # search per (company, phase), not per order of a mass edit
        allowed_by_key = {}
        for order in frozen:
            validated = order.validation_status == "validated"
            key = (order.company_id.id, validated)
            if key not in allowed_by_key:
                allowed_by_key[key] = WRITABLE_WHEN_SIGNED.union(
                    order._get_after_validation_exceptions()
                    if validated
                    else order._get_under_validation_exceptions()
                )
            if not vals.keys() <= allowed_by_key[key]:
                order._contract_refuse_signed_change()

    @api.model
    def _contract_updates_delivered_only(self, commands):
        """Whether the ``order_line`` value ``commands`` only updates what the
        lines of a signed order may still change (WRITABLE_LINE_FIELDS_WHEN_SIGNED)."""
        return isinstance(commands, (list, tuple)) and all(
            isinstance(command, (list, tuple))
            and len(command) == 3
            and command[0] == Command.UPDATE
            and isinstance(command[2], dict)
            and command[2].keys() <= WRITABLE_LINE_FIELDS_WHEN_SIGNED
            for command in commands
        )

    def _contract_refuse_signed_change(self):
        order = self[:1]
        if order.validation_status == "validated" and order.state == "sale":
            raise UserError(
                self.env._(
                    "%(order)s is an effective contract: ask the Department Head to open "
                    "an amendment to change it.",
                    order=order.display_name,
                )
            )
        raise UserError(
            self.env._(
                "The signatures of %(order)s have started: what was submitted for "
                "signature can no longer change. Ask the Department Head to restart "
                "the signatures.",
                order=order.display_name,
            )
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    # Sales' own actions move the state of a signed order: they may, a plain
    # write of the same fields may not.
    def action_confirm(self):
        return super(SaleOrder, self._contract_in_action()).action_confirm()

    def _action_cancel(self):
        return super(SaleOrder, self._contract_in_action())._action_cancel()

    def action_draft(self):
        return super(SaleOrder, self._contract_in_action()).action_draft()

    def action_lock(self):
        return super(SaleOrder, self._contract_in_action()).action_lock()

    def action_unlock(self):
        return super(SaleOrder, self._contract_in_action()).action_unlock()

    def _contract_in_action(self):
        """The order as an action of its own sees it: the freeze lets the action's
        own writes through (never reachable from a client's values or context)."""
        return as_engine(self)

    def _create_down_payment_section_line_if_needed(self):
        # the invoicing wizard adds down payment lines to signed contracts
        return super(SaleOrder, as_engine(self))._create_down_payment_section_line_if_needed()

    def _create_down_payment_lines_from_base_lines(self, down_payment_base_lines):
        return super(SaleOrder, as_engine(self))._create_down_payment_lines_from_base_lines(
            down_payment_base_lines
        )

    def action_sdr_amend(self):
        """Open a supplementary agreement: the contract is signed again as a new version."""
        self._contract_check_manager(
            self.env._(
                "Only the Department Head, the Deputy General Manager or the General "
                "Manager may open an amendment."
            )
        )
        for order in self:
            if order.validation_status != "validated" or not order.sdr_approval_kind:
                raise UserError(
                    self.env._(
                        "Only an effective contract can be amended: %(order)s is not.",
                        order=order.display_name,
                    )
                )
            engine = as_engine(order)
            engine.sudo().review_ids.unlink()
            engine.write(
                {
                    "sdr_amending": True,
                    "sdr_contract_version": order.sdr_contract_version + 1,
                }
            )
            order.message_post(
                body=self.env._(
                    "Amendment opened: version %(version)s must be signed again.",
                    version=order.sdr_contract_version,
                )
            )
        return True

    def _contract_check_manager(self, message):
        if not self.env.su and not self.env.user.has_groups(roles.MANAGERS):
            raise UserError(message)
