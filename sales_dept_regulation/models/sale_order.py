# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from .sale_customer_grade import check_values
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
# Roles allowed to restart signatures and open amendments ("Department Head and above").
MANAGER_ROLES = (
    "sales_dept_regulation.group_role_department_head,"
    "sales_dept_regulation.group_role_deputy_general_manager,"
    "sales_dept_regulation.group_role_general_manager"
)
# The signatures and the receivables shown to signers are for the regulations'
# roles; the views show the addon's fields to them only, so that a Sales user
# without any role reads and edits quotations as in standard Odoo.
ROLES = "sales_dept_regulation.group_scope_own"
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
# Fields every contract needs before it is submitted (seed 000 §合同管理).
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
    sdr_order_channel = fields.Selection(
        ORDER_CHANNELS, string="Order Taken By", tracking=True
    )
    sdr_delivery_method = fields.Selection(
        DELIVERY_METHODS,
        string="Delivery Method",
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
    # the credit check comes first (seed 000 §合同管理): signers see who the customer is
    sdr_customer_stage = fields.Selection(
        related="partner_id.commercial_customer_stage"
    )
    sdr_customer_grade_id = fields.Many2one(
        related="partner_id.commercial_customer_grade_id"
    )
    sdr_partner_credit = fields.Monetary(
        string="Open Receivables",
        compute="_compute_sdr_partner_credit",
        currency_field="sdr_company_currency_id",
        groups=ROLES,
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
        "order_line.price_unit",
        "order_line.discount",
        "company_id",
    )
    def _compute_sdr_approval(self):
        for order in self:
            company = order.company_id or self.env.company
            rules = company._sdr_rules()
            reasons = []
            kind = False
            if order.is_contract:
                reasons.append(self.env._("marked as a formal contract"))
            elif (
                rules.sdr_contract_amount_threshold
                and order._sdr_amount_in_company(company)
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
                    line._sdr_is_below_pricelist() for line in order.order_line
                ):
                    reasons.append(self.env._("price below the pricelist"))
                if reasons:
                    kind = "department_head"
            order.sdr_approval_kind = kind
            order.sdr_approval_reason = ", ".join(reasons) or False

    def _sdr_amount_in_company(self, company):
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
                in order.sdr_signature_ids.filtered(
                    lambda s: s.state == "signed"
                ).user_id
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
                self.env._(
                    "A contract that was signed cannot be deleted: cancel it instead."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_engine(self.env):
            new = self.browse()
            check_values(self.env, vals_list)
            for vals in vals_list:
                new._sdr_check_engine_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        if not is_engine(self.env):
            self._sdr_check_engine_fields(vals)
            self._sdr_check_signed_terms(vals)
        return super().write(vals)

    def _sdr_check_engine_fields(self, vals):
        """Refuse values of the signing engine's fields, unless they are what the
        orders (a new one: the defaults) already have, as a form sends them."""
        for name in ENGINE_FIELDS.intersection(vals):
            value = vals[name]
            if name == "review_ids":
                same = not value
            elif not self:
                same = (type(value), value) in ENGINE_FIELD_DEFAULTS[name]
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

    def _sdr_frozen(self):
        """The orders whose signatures under the regulations have started, or that
        are effective contracts: what defines them no longer changes."""
        reviewed = self.filtered(
            lambda order: order.validation_status not in (False, "no")
        )
        return reviewed.filtered(
            lambda order: order.sudo().review_ids.definition_id.filtered(
                "sdr_applies_to"
            )
        )

    def _sdr_check_signed_terms(self, vals):
        """Refuse a write of ``vals`` that changes what was signed, unless the
        signatures are restarted or an amendment is opened."""
        frozen = self._sdr_frozen()
        if not frozen:
            return
        # e-mailing a quotation marks it as sent: both are quotation states
        if (
            vals.keys() == {"state"}
            and vals["state"] == "sent"
            and set(frozen.mapped("state")) == {"draft"}
        ):
            return
        for order in frozen:
            allowed = WRITABLE_WHEN_SIGNED.union(
                order._get_after_validation_exceptions()
                if order.validation_status == "validated"
                else order._get_under_validation_exceptions()
            )
            if not vals.keys() <= allowed:
                order._sdr_refuse_signed_change()

    def _sdr_refuse_signed_change(self):
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
        res = super(SaleOrder, self._sdr_in_action()).action_confirm()
        # A confirmed order makes its customer formal at once, and regrades it
        # from the customer's stored figures: no order is read again.
        confirmed = self.filtered(lambda order: order.state == "sale")
        if confirmed:
            self.env["res.partner"].sudo()._regrade_confirmed_customers(
                confirmed, fields.Date.context_today(self)
            )
        return res

    def _action_cancel(self):
        confirmed = self.filtered(lambda order: order.state == "sale")
        res = super(SaleOrder, self._sdr_in_action())._action_cancel()
        # a cancelled order leaves its customer's figures at once
        confirmed.partner_id.commercial_partner_id.sudo()._recompute_customer_grading()
        return res

    def action_draft(self):
        return super(SaleOrder, self._sdr_in_action()).action_draft()

    def action_lock(self):
        return super(SaleOrder, self._sdr_in_action()).action_lock()

    def action_unlock(self):
        return super(SaleOrder, self._sdr_in_action()).action_unlock()

    def _sdr_in_action(self):
        """The order as an action of its own sees it: the freeze lets the action's
        own writes through (never reachable from a client's values or context)."""
        return as_engine(self)

    def _create_down_payment_section_line_if_needed(self):
        # the invoicing wizard adds down payment lines to signed contracts
        return super(
            SaleOrder, as_engine(self)
        )._create_down_payment_section_line_if_needed()

    def _create_down_payment_lines_from_base_lines(self, down_payment_base_lines):
        return super(
            SaleOrder, as_engine(self)
        )._create_down_payment_lines_from_base_lines(down_payment_base_lines)

    def action_sdr_amend(self):
        """Open a supplementary agreement: the contract is signed again as a new version."""
        self._sdr_check_manager(
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

    def _sdr_check_manager(self, message):
        if not self.env.su and not self.env.user.has_groups(MANAGER_ROLES):
            raise UserError(message)

    # ------------------------------------------------------------
    # TIER VALIDATION: which orders
    # ------------------------------------------------------------

    @api.depends(
        "review_ids",
        "validation_status",
        "state",
        "is_contract",
        "amount_untaxed",
        "sdr_order_channel",
        "sdr_amending",
        "order_line.price_unit",
        "order_line.discount",
    )
    def _compute_need_validation(self):
        # An order under no rule of the regulations, in a company without tier
        # definitions of its own, never looks at tier definitions: standard Sales.
        reviewed = self._sdr_under_tiers()
        (self - reviewed).need_validation = False
        if reviewed:
            super(SaleOrder, reviewed)._compute_need_validation()

    def _sdr_under_tiers(self):
        """The orders tier validation may concern: under a rule of the regulations,
        with reviews, or in a company that has tier definitions of its own."""
        companies = self.env["tier.definition"]._sdr_company_definition_companies(
            self._name
        )
        return self.filtered(
            lambda order: (
                order.validation_status not in (False, "no")
                or order.sdr_approval_kind
                or (
                    companies
                    and (
                        False in companies
                        or (order.company_id or self.env.company).id in companies
                    )
                )
            )
        )

    def evaluate_tier(self, tier):
        # the regulations' tiers sign for their rule only; a company's own tiers
        # apply by their domain, as OCA does
        if tier.sdr_applies_to and tier.sdr_applies_to != self.sdr_approval_kind:
            return self.browse()
        return super().evaluate_tier(tier)

    def _check_state_from_condition(self):
        # An amendment of a confirmed contract is signed in the 'sale' state.
        return super()._check_state_from_condition() or (
            self.sdr_amending and self.state == "sale"
        )

    def _compute_hide_reviews(self):
        super()._compute_hide_reviews()
        for order in self.filtered("sdr_amending"):
            order.hide_reviews = False

    def _prepare_tier_review_vals(self, definition, sequence):
        # OCA numbers the tiers by descending definition sequence: the
        # regulations' tiers sign in their configured (ascending) order instead
        vals = super()._prepare_tier_review_vals(definition, sequence)
        if definition.sdr_applies_to:
            vals["sequence"] = definition.sequence
        return vals

    def _tier_validation_check_write_remove_reviews(self, vals):
        # OCA removes reviews only when an order is cancelled or set back to a
        # quotation: any other write (a confirmation) has nothing to remove
        if vals.get(self._state_field) not in (self._cancel_state, *self._state_from):
            return
        super(SaleOrder, as_engine(self))._tier_validation_check_write_remove_reviews(
            vals
        )

    def _compute_validation_status(self):
        # most orders never have a review: no need for OCA's filters (Odoo takes
        # the dependencies from OCA's method)
        unreviewed = self.filtered(lambda order: not order.review_ids)
        unreviewed.validation_status = "no"
        super(SaleOrder, self - unreviewed)._compute_validation_status()

    def _tier_validation_check_state_on_write(self, vals):
        # a confirmation may request and decide reviews itself (OCA)
        orders = as_engine(self._sdr_under_tiers())
        return super(SaleOrder, orders)._tier_validation_check_state_on_write(vals)

    def _tier_validation_check_write_allowed(self, vals):
        # The regulations' freeze is _sdr_check_signed_terms (which no context
        # opens); OCA's own check stays for the company's own tiers.
        orders = self._sdr_under_tiers() - self._sdr_frozen()
        return super(SaleOrder, orders)._tier_validation_check_write_allowed(vals)

    def _confirmation_error_message(self):
        error = super()._confirmation_error_message()
        if error or not self.sdr_approval_kind or self.validation_status == "validated":
            return error
        if self.sdr_approval_kind == "contract":
            return self.env._(
                "%(order)s is a contract: it takes effect only after all its signatures "
                "(Department Head, Deputy General Manager, General Manager).",
                order=self.display_name,
            )
        return self.env._(
            "%(order)s needs the Department Head's confirmation (%(reason)s).",
            order=self.display_name,
            reason=self.sdr_approval_reason,
        )

    def _sdr_awaits_signatures(self):
        self.ensure_one()
        return bool(self.sdr_approval_kind) and self.validation_status != "validated"

    def _has_to_be_signed(self):
        return super()._has_to_be_signed() and not self._sdr_awaits_signatures()

    def _has_to_be_paid(self):
        return super()._has_to_be_paid() and not self._sdr_awaits_signatures()

    # ------------------------------------------------------------
    # TIER VALIDATION: signing
    # ------------------------------------------------------------

    def _sdr_check_required_fields(self):
        self.ensure_one()
        if self.sdr_approval_kind != "contract":
            return
        names = CONTRACT_REQUIRED_FIELDS + (
            self.company_id.sudo().sdr_contract_required_field_ids.mapped("name")
        )
        blank = [name for name in names if name in self._fields and not self[name]]
        if blank:
            labels = self.fields_get(blank, ["string"])
            raise UserError(
                self.env._(
                    "The contract %(order)s cannot be submitted while these fields are "
                    "blank:\n- %(fields)s",
                    order=self.display_name,
                    fields="\n- ".join(labels[name]["string"] for name in blank),
                )
            )

    def request_validation(self):
        for order in self:
            order._sdr_check_required_fields()
            if (
                order.sudo().sdr_signature_ids.filtered(
                    lambda s, o=order: s.version == o.sdr_contract_version
                )
                and not order.review_ids
            ):
                # signatures of a previous round stay with their version
                as_engine(order).sdr_contract_version += 1
        return super(SaleOrder, as_engine(self)).request_validation()

    def _sdr_current_review(self):
        """The review whose turn it is: the lowest open tier."""
        self.ensure_one()
        open_reviews = self.review_ids.filtered(
            lambda r: r.status in ("waiting", "pending")
        )
        if not open_reviews:
            return open_reviews
        first = min(open_reviews.mapped("sequence"))
        return open_reviews.filtered(lambda r: r.sequence == first)

    def _sdr_review_to_sign(self, raise_error=False):
        """The one review the current user may sign or reject now, or nothing."""
        self.ensure_one()
        user = self.env.user
        current = self._sdr_current_review().filtered(lambda r: user in r.reviewer_ids)
        error = False
        if not current:
            mine = self.review_ids.filtered(
                lambda r: r.status in ("waiting", "pending") and user in r.reviewer_ids
            )
            if mine:
                error = self.env._(
                    "It is not your turn to sign %(order)s: %(tier)s must sign first.",
                    order=self.display_name,
                    tier=", ".join(self._sdr_current_review().mapped("name")),
                )
            else:
                error = self.env._(
                    "You are not the signer %(order)s is waiting for.",
                    order=self.display_name,
                )
        elif self.review_ids.filtered(
            lambda r: r.status == "approved" and r.done_by == user
        ):
            error = self.env._(
                "You already signed %(order)s in another role: one person signs only "
                "one tier of a contract.",
                order=self.display_name,
            )
        if error:
            if raise_error:
                raise UserError(error)
            return self.env["tier.review"]
        return current[:1]

    def _sdr_reviews_to_decide(self):
        """The reviews the current user decides now: for the regulations' tiers the
        one whose turn it is (refused with the reason otherwise), for a company's
        own tiers what OCA lets the user approve."""
        self.ensure_one()
        if self._sdr_is_ruled():
            return self._sdr_review_to_sign(raise_error=True)
        sequences = self._get_sequences_to_approve(self.env.user)
        return self.review_ids.filtered(
            lambda r: (
                r.status in ("waiting", "pending")
                and self.env.user in r.reviewer_ids
                and (r.sequence in sequences or r.approve_sequence_bypass)
            )
        )

    def _sdr_is_ruled(self):
        """Whether the order is signed under the regulations' tiers."""
        self.ensure_one()
        return bool(self.sudo().review_ids.definition_id.filtered("sdr_applies_to"))

    def validate_tier(self):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super(SaleOrder, as_engine(self)).validate_tier()
        review = self._sdr_review_to_sign(raise_error=True)
        if review.has_comment:
            action = self._add_comment("validate", review)
            action["context"]["default_comment"] = (
                review.definition_id.comment_approve_default or ""
            )
            return action
        self._sdr_decide(review, "validate")
        return None

    def reject_tier(self):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super(SaleOrder, as_engine(self)).reject_tier()
        review = self._sdr_review_to_sign(raise_error=True)
        # a rejection always needs a reason: always ask for it
        return self._add_comment("reject", review)

    def _sdr_decide(self, reviews, decision, comment=False, signature=False):
        """Validate or reject ``reviews`` as the current user, with the comment and
        the drawn signature given in the signing dialog."""
        self.ensure_one()
        engine = as_engine(self)
        if comment:
            as_engine(reviews).write({"comment": comment})
        if decision == "validate":
            engine._validate_tier(reviews, signature=signature)
        else:
            engine._rejected_tier(reviews)
        engine._update_counter({"review_deleted": True})

    def _validate_tier(self, tiers=False, signature=False):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super(SaleOrder, as_engine(self))._validate_tier(tiers)
        review = self._sdr_review_to_sign()
        if tiers:
            review &= tiers
        if not review:
            return None
        res = super(SaleOrder, as_engine(self))._validate_tier(as_engine(review))
        self._sdr_record_signatures(review, "signed", signature)
        if self.validation_status == "validated":
            self._sdr_contract_effective()
        return res

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super(SaleOrder, as_engine(self))._rejected_tier(tiers)
        review = self._sdr_review_to_sign()
        if tiers:
            review &= tiers
        if not review:
            return None
        if not review.comment:
            raise UserError(self.env._("Please give the reason of the rejection."))
        res = super(SaleOrder, as_engine(self))._rejected_tier(as_engine(review))
        self._sdr_record_signatures(review, "rejected")
        self._sdr_notify_rejection(review)
        return res

    def restart_validation(self):
        if any(order._sdr_is_ruled() or order.sdr_approval_kind for order in self):
            self._sdr_check_manager(
                self.env._(
                    "Only the Department Head, the Deputy General Manager or the General "
                    "Manager may restart the signatures."
                )
            )
        return super(SaleOrder, as_engine(self)).restart_validation()

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sdr_record_signatures(self, reviews, state, signature=False):
        self.env["sale.contract.signature"].sudo().create(
            [
                {
                    "order_id": self.id,
                    "version": self.sdr_contract_version,
                    "name": review.name,
                    "role_id": review.reviewer_group_id.id,
                    "user_id": self.env.uid,
                    "state": state,
                    "comment": review.comment,
                    "signature": signature,
                    "amount_untaxed": self.amount_untaxed,
                }
                for review in reviews
            ]
        )

    def _sdr_notify_rejection(self, review):
        self.ensure_one()
        salesperson = self.user_id
        body = self.env._(
            "%(signer)s rejected %(order)s (%(tier)s). Reason: %(reason)s",
            signer=self.env.user.name,
            order=self.name,
            tier=review.name,
            reason=review.comment,
        )
        if salesperson:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Contract rejected: rework it"),
                note=body,
                user_id=salesperson.id,
            )
        self.sudo().message_post(
            body=body,
            partner_ids=salesperson.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )

    def _sdr_contract_effective(self):
        """All signatures are given: the contract takes effect."""
        self.ensure_one()
        self.message_post(
            body=self.env._(
                "All signatures given: version %(version)s of the contract is effective.",
                version=self.sdr_contract_version,
            )
        )
        clerk = self._sdr_sales_clerk()
        if clerk and self.sdr_approval_kind == "contract":
            self.sudo().activity_schedule(
                "sales_dept_regulation.mail_activity_type_file_contract",
                date_deadline=fields.Date.context_today(self),
                user_id=clerk.id,
            )
        self._sdr_archive_signed_contract()
        was_amending = self.sdr_amending
        if was_amending:
            as_engine(self).sdr_amending = False
        elif self.company_id.sdr_contract_auto_confirm and self.state in (
            "draft",
            "sent",
        ):
            self.action_confirm()

    def _sdr_sales_clerk(self):
        clerks = (
            self.env.ref("sales_dept_regulation.group_role_sales_clerk").sudo().user_ids
        )
        clerks = clerks.filtered(lambda u: self.company_id in u.company_ids)
        return clerks.sorted("id")[:1]

    def _sdr_archive_signed_contract(self):
        """Hook for the contract archive: called once per effective contract version.

        The archive (seed 000 §档案管理制度) is a later issue; it will file the signed
        "Sales Contract" PDF here. Does nothing for now.
        """
        return True
