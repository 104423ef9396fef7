# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from .tier_review import TIER_ENGINE

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
# Roles allowed to restart signatures ("Department Head and above").
RESTART_ROLES = [
    "sales_dept_regulation.group_role_department_head",
    "sales_dept_regulation.group_role_deputy_general_manager",
    "sales_dept_regulation.group_role_general_manager",
]
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
        DELIVERY_METHODS, string="Delivery Method", tracking=True, prefetch=CONTRACT_PREFETCH
    )
    sdr_approval_kind = fields.Selection(
        APPROVAL_KINDS,
        string="Signatures Needed",
        compute="_compute_sdr_approval",
        help="Which rule of the regulations applies to this quotation. Empty: none, "
        "the quotation behaves as in standard Odoo.",
    )
    sdr_approval_reason = fields.Char(
        string="Why", compute="_compute_sdr_approval"
    )
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
        "sale.contract.signature", "order_id", string="Signatures", readonly=True
    )
    # the credit check comes first (seed 000 §合同管理): signers see who the customer is
    sdr_customer_stage = fields.Selection(related="partner_id.commercial_customer_stage")
    sdr_customer_grade_id = fields.Many2one(related="partner_id.commercial_customer_grade_id")
    sdr_partner_credit = fields.Monetary(
        string="Open Receivables",
        compute="_compute_sdr_partner_credit",
        currency_field="sdr_company_currency_id",
    )
    sdr_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    sdr_signed_by_me = fields.Boolean(
        compute="_compute_sdr_signed_by_me", search="_search_sdr_signed_by_me"
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
            elif rules.sdr_contract_amount_threshold and order._sdr_amount_in_company(
                company
            ) >= rules.sdr_contract_amount_threshold:
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
            order.sdr_signed_by_me = self.env.user in order.sdr_signature_ids.filtered(
                lambda s: s.state == "signed"
            ).user_id

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

    def write(self, vals):
        if "payment_term_id" in vals:
            self._sdr_check_contract_terms_editable()
        return super().write(vals)

    def action_confirm(self):
        res = super().action_confirm()
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
        res = super()._action_cancel()
        # a cancelled order leaves its customer's figures at once
        confirmed.partner_id.commercial_partner_id.sudo()._recompute_customer_grading()
        return res

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_sdr_amend(self):
        """Open a supplementary agreement: the contract is signed again as a new version."""
        for order in self:
            if order.validation_status != "validated" or not order.sdr_approval_kind:
                raise UserError(
                    self.env._(
                        "Only an effective contract can be amended: %(order)s is not.",
                        order=order.display_name,
                    )
                )
            order.sudo().review_ids.unlink()
            order.write(
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
        # An order under no rule never looks at tier definitions: it stays standard.
        ruled = self.filtered(
            lambda o: o.sdr_approval_kind or o.validation_status not in (False, "no")
        )
        (self - ruled).need_validation = False
        if ruled:
            super(SaleOrder, ruled)._compute_need_validation()

    def evaluate_tier(self, tier):
        if not self.sdr_approval_kind:
            return self.browse()
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
        # OCA numbers the tiers by descending definition sequence: sign in the
        # configured (ascending) order instead.
        vals = super()._prepare_tier_review_vals(definition, sequence)
        vals["sequence"] = definition.sequence
        return vals

    def _sdr_engine(self):
        return self.with_context(sdr_tier_engine=TIER_ENGINE)

    def unlink(self):
        return super(SaleOrder, self._sdr_engine()).unlink()

    def _tier_validation_check_write_remove_reviews(self, vals):
        # OCA removes reviews only when an order is cancelled or set back to a
        # quotation: any other write (a confirmation) has nothing to remove
        if vals.get(self._state_field) not in (self._cancel_state, *self._state_from):
            return
        super(SaleOrder, self._sdr_engine())._tier_validation_check_write_remove_reviews(vals)

    def _compute_validation_status(self):
        # most orders never have a review: no need for OCA's filters (Odoo takes
        # the dependencies from OCA's method)
        unreviewed = self.filtered(lambda order: not order.review_ids)
        unreviewed.validation_status = "no"
        super(SaleOrder, self - unreviewed)._compute_validation_status()

    def _sdr_fast_path(self):
        """Orders under no rule and without reviews skip the tier checks on write."""
        return self.filtered(
            lambda o: o.validation_status not in (False, "no") or o.sdr_approval_kind
        )

    def _tier_validation_check_state_on_write(self, vals):
        return super(SaleOrder, self._sdr_fast_path())._tier_validation_check_state_on_write(
            vals
        )

    def _tier_validation_check_write_allowed(self, vals):
        return super(SaleOrder, self._sdr_fast_path())._tier_validation_check_write_allowed(
            vals
        )

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
    # TIER VALIDATION: hardening
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
            if order.sdr_signature_ids.filtered(
                lambda s, o=order: s.version == o.sdr_contract_version
            ) and not order.review_ids:
                # signatures of a previous round stay with their version
                order.sdr_contract_version += 1
        return super(SaleOrder, self._sdr_engine()).request_validation()

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
        elif self.review_ids.filtered(lambda r: r.status == "approved" and r.done_by == user):
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

    def _sdr_is_ruled(self):
        self.ensure_one()
        return bool(self.sdr_approval_kind or self.review_ids)

    def validate_tier(self):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super().validate_tier()
        review = self._sdr_review_to_sign(raise_error=True)
        if review.has_comment:
            action = self._add_comment("validate", review)
            action["context"]["default_comment"] = (
                review.definition_id.comment_approve_default or ""
            )
            return action
        self._validate_tier(review)
        self._update_counter({"review_deleted": True})

    def reject_tier(self):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super().reject_tier()
        review = self._sdr_review_to_sign(raise_error=True)
        # a rejection always needs a reason: always ask for it
        return self._add_comment("reject", review)

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super()._validate_tier(tiers)
        review = self._sdr_review_to_sign()
        if tiers:
            review &= tiers
        if not review:
            return None
        res = super(SaleOrder, self._sdr_engine())._validate_tier(review.with_context(sdr_tier_engine=TIER_ENGINE))
        self._sdr_record_signatures(review, "signed")
        if self.validation_status == "validated":
            self._sdr_contract_effective()
        return res

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        if not self._sdr_is_ruled():
            return super()._rejected_tier(tiers)
        review = self._sdr_review_to_sign()
        if tiers:
            review &= tiers
        if not review:
            return None
        if not review.comment:
            raise UserError(self.env._("Please give the reason of the rejection."))
        res = super(SaleOrder, self._sdr_engine())._rejected_tier(review.with_context(sdr_tier_engine=TIER_ENGINE))
        self._sdr_record_signatures(review, "rejected")
        self._sdr_notify_rejection(review)
        return res

    def restart_validation(self):
        if not self.env.su and not any(
            self.env.user.has_group(xmlid) for xmlid in RESTART_ROLES
        ):
            raise UserError(
                self.env._(
                    "Only the Department Head, the Deputy General Manager or the General "
                    "Manager may restart the signatures."
                )
            )
        return super(SaleOrder, self._sdr_engine()).restart_validation()

    def _sdr_check_contract_terms_editable(self):
        """Lines and payment terms are frozen once signing started (or the contract is
        effective), unless signatures are restarted or an amendment is opened."""
        for order in self:
            if order.state == "sale" and order.sdr_signature_ids and not order.sdr_amending:
                raise UserError(
                    self.env._(
                        "%(order)s is an effective contract: open an amendment to change "
                        "its lines or payment terms.",
                        order=order.display_name,
                    )
                )
            if order.validation_status not in (False, "no"):
                raise UserError(
                    self.env._(
                        "The signatures of %(order)s have started: its lines and payment "
                        "terms can no longer change. Ask the Department Head to restart "
                        "the signatures.",
                        order=order.display_name,
                    )
                )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sdr_record_signatures(self, reviews, state):
        signature = self.env.context.get("sdr_signature")
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
            self.sdr_amending = False
        elif self.company_id.sdr_contract_auto_confirm and self.state in ("draft", "sent"):
            self.action_confirm()

    def _sdr_sales_clerk(self):
        clerks = self.env.ref("sales_dept_regulation.group_role_sales_clerk").sudo().user_ids
        clerks = clerks.filtered(lambda u: self.company_id in u.company_ids)
        return clerks.sorted("id")[:1]

    def _sdr_archive_signed_contract(self):
        """Hook for the contract archive: called once per effective contract version.

        The archive (seed 000 §档案管理制度) is a later issue; it will file the signed
        "Sales Contract" PDF here. Does nothing for now.
        """
        return True
