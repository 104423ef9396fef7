# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .sale_order import CONTRACT_REQUIRED_FIELDS
from .sale_order_line import WRITABLE_LINE_FIELDS_WHEN_SIGNED
from .tier_review import as_engine, is_engine


class SaleOrder(models.Model):
    """The signing engine of contracts on OCA's tier validation: which orders it
    concerns, who signs when, and what an effective contract triggers."""

    _inherit = "sale.order"

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
        "order_line.sdr_below_pricelist",
    )
    def _compute_need_validation(self):
        # An order under no rule of the regulations, in a company without tier
        # definitions of its own, never looks at tier definitions: standard Sales.
        reviewed = self._contract_under_tiers()
        (self - reviewed).need_validation = False
        if reviewed:
            return super(SaleOrder, reviewed)._compute_need_validation()
        return None

    def _contract_under_tiers(self):
        """The orders tier validation may concern: under a rule of the regulations,
        with reviews, or in a company that has tier definitions of its own."""
        companies = self.env["tier.definition"]._companies_with_own_definitions(self._name)
        return self.filtered(
            lambda order: (
                order.validation_status not in (False, "no")
                or order.sdr_approval_kind
                or (
                    companies
                    and (
                        False in companies or (order.company_id or self.env.company).id in companies
                    )
                )
            )
        )

    def evaluate_tier(self, tier):
        # the regulations' tiers sign for their rule only; a company's own tiers
        # apply by their domain, as OCA does
        if tier.sdr_applies_to and tier.sdr_applies_to != self.sdr_approval_kind:
            return self.browse()
        # a tier the company switches on in the settings (the contract
        # administrator's review) applies only where it is on
        if (
            tier.sdr_company_switch == "contract_admin"
            and not self.company_id.sdr_contract_admin_review
        ):
            return self.browse()
        return super().evaluate_tier(tier)

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        res = super().get_view(view_id=view_id, view_type=view_type, **options)
        if view_type == "form":
            res["arch"] = self._contract_open_delivered_quantities(res["arch"])
        return res

    @api.model
    def _contract_open_delivered_quantities(self, arch):
        """OCA makes every field of an order under signatures read-only, its
        lines too. On a confirmed order the delivered quantity of a line is still
        entered by hand (products delivered without Inventory), as the server
        allows (WRITABLE_LINE_FIELDS_WHEN_SIGNED): the lines open for it alone,
        no line added or removed, no other column edited. Only on the orders the
        regulations sign (sdr_approval_kind): a company's own tiers keep OCA's
        rule, which refuses the lines after validation."""
        signing = f"({self._get_tier_validation_readonly_domain()})"
        frozen = "parent.validation_status not in ('no', False)"
        doc = etree.fromstring(arch)
        if not doc.xpath("//field[@name='sdr_approval_kind'][not(ancestor::field)]"):
            return arch
        for lines in doc.xpath("//field[@name='order_line'][not(ancestor::field)]"):
            readonly = lines.get("readonly") or ""
            if signing not in readonly:
                continue
            confirmed = f"({signing[1:-1]} and (state != 'sale' or not sdr_approval_kind))"
            lines.set("readonly", readonly.replace(signing, confirmed))
            options = (lines.get("options") or "{}").strip()
            unsigned = "[('validation_status', 'in', ['no', False])]"
            opened = f"'create': {unsigned}, 'delete': {unsigned}"
            body = options[1:-1].strip()
            lines.set("options", "{" + opened + (", " + body if body else "") + "}")
            line_fields = self.env["sale.order.line"]._fields
            for field in lines.xpath(".//field[@name]"):
                name = field.get("name")
                if (
                    field.xpath("ancestor::field[1]")[0] is not lines
                    or name in WRITABLE_LINE_FIELDS_WHEN_SIGNED
                ):
                    continue
                own = field.get("readonly")
                if own:
                    field.set("readonly", f"({own}) or ({frozen})")
                elif name in line_fields and not line_fields[name].readonly:
                    # a field read-only in the model stays so (the attribute
                    # would replace the model's)
                    field.set("readonly", frozen)
        return etree.tostring(doc, encoding="unicode")

    def _check_state_from_condition(self):
        # An amendment of a confirmed contract is signed in the 'sale' state.
        return super()._check_state_from_condition() or (self.sdr_amending and self.state == "sale")

    def _compute_hide_reviews(self):
        res = super()._compute_hide_reviews()
        for order in self.filtered("sdr_amending"):
            order.hide_reviews = False
        return res

    def _prepare_tier_review_vals(self, definition, sequence):
        # OCA numbers the tiers by descending definition sequence: the
        # regulations' tiers sign in their configured (ascending) order instead
        vals = super()._prepare_tier_review_vals(definition, sequence)
        if definition.sdr_applies_to:
            vals["sequence"] = definition.sequence
        return vals

    def _tier_validation_check_write_remove_reviews(self, vals):
        # OCA's rule (and its _allow_to_remove_reviews hook) decides for every
        # order; the regulations' signatures are removed by the engine, once the
        # freeze has let the write through (a cancellation, a return to quotation)
        signing = self._contract_signed_under_rules()
        super(SaleOrder, self - signing)._tier_validation_check_write_remove_reviews(vals)
        return super(SaleOrder, as_engine(signing))._tier_validation_check_write_remove_reviews(
            vals
        )

    def _compute_validation_status(self):
        # most orders never have a review: no need for OCA's filters (Odoo takes
        # the dependencies from OCA's method)
        unreviewed = self.filtered(lambda order: not order.review_ids)
        unreviewed.validation_status = "no"
        return super(SaleOrder, self - unreviewed)._compute_validation_status()

    def _tier_validation_check_state_on_write(self, vals):
        # a confirmation may request and decide reviews itself (OCA)
        orders = as_engine(self._contract_under_tiers())
        return super(SaleOrder, orders)._tier_validation_check_state_on_write(vals)

    def _tier_validation_check_write_allowed(self, vals):
        # The regulations' freeze is _contract_check_signed_terms (which no context
        # opens); OCA's own check stays for the company's own tiers.
        orders = self._contract_under_tiers() - self._contract_signed_under_rules()
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

    def _contract_awaits_signatures(self):
        """A rule of the regulations applies to the order and its signatures are
        not all given yet: the customer's online signature and payment wait."""
        self.ensure_one()
        return bool(self.sdr_approval_kind) and self.validation_status != "validated"

    def _has_to_be_signed(self):
        return super()._has_to_be_signed() and not self._contract_awaits_signatures()

    def _has_to_be_paid(self):
        return super()._has_to_be_paid() and not self._contract_awaits_signatures()

    # ------------------------------------------------------------
    # TIER VALIDATION: signing
    # ------------------------------------------------------------

    def _contract_check_required_fields(self):
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
            order._contract_check_required_fields()
            if (
                order.sudo().sdr_signature_ids.filtered(
                    lambda s, o=order: s.version == o.sdr_contract_version
                )
                and not order.review_ids
            ):
                # signatures of a previous round stay with their version
                as_engine(order).sdr_contract_version += 1
        return super(SaleOrder, as_engine(self)).request_validation()

    def _contract_current_review(self):
        """The review whose turn it is: the lowest open tier."""
        self.ensure_one()
        open_reviews = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        if not open_reviews:
            return open_reviews
        first = min(open_reviews.mapped("sequence"))
        return open_reviews.filtered(lambda r: r.sequence == first)

    def _contract_review_to_sign(self, raise_error=False):
        """The one review the current user may sign or reject now, or nothing."""
        self.ensure_one()
        user = self.env.user
        current = self._contract_current_review().filtered(lambda r: user in r.reviewer_ids)
        error = False
        if not current:
            mine = self.review_ids.filtered(
                lambda r: r.status in ("waiting", "pending") and user in r.reviewer_ids
            )
            if mine:
                error = self.env._(
                    "It is not your turn to sign %(order)s: %(tier)s must sign first.",
                    order=self.display_name,
                    tier=", ".join(self._contract_current_review().mapped("name")),
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

    def validate_tier(self):
        self.ensure_one()
        if not self._contract_signed_under_rules():
            return super().validate_tier()
        review = self._contract_review_to_sign(raise_error=True)
        if review.has_comment:
            action = self._add_comment("validate", review)
            action["context"]["default_comment"] = (
                review.definition_id.comment_approve_default or ""
            )
            return action
        self._contract_decide(review, "validate")
        return None

    def reject_tier(self):
        self.ensure_one()
        if not self._contract_signed_under_rules():
            return super().reject_tier()
        review = self._contract_review_to_sign(raise_error=True)
        # a rejection always needs a reason: always ask for it
        return self._add_comment("reject", review)

    def _contract_decide(self, reviews, decision, comment=False, signature=False):
        """Validate or reject ``reviews`` as the current user, with the comment and
        the drawn signature given in the signing dialog."""
        self.ensure_one()
        self._contract_lock_reviews(reviews)
        # what the caller checked, checked again on the rows now held
        if reviews != self._contract_review_to_sign(raise_error=True):
            raise UserError(
                self.env._(
                    "You are not the signer %(order)s is waiting for.",
                    order=self.display_name,
                )
            )
        engine = as_engine(self)
        if comment:
            as_engine(reviews).write({"comment": comment})
        if decision == "validate":
            engine._validate_tier(reviews, signature=signature)
        else:
            engine._rejected_tier(reviews)
        engine._update_counter({"review_deleted": True})

    def _contract_lock_reviews(self, reviews):
        """Hold the rows of ``reviews`` until the transaction ends, before a
        decision writes anything. Two signers deciding the same tier at once: the
        second waits here until the first commits; REPEATABLE READ then refuses
        it the rows the first one changed (a serialization failure) and Odoo
        retries its call on a fresh snapshot, where the tier is decided and the
        refusal is the clean one, not a follower, activity or signature added
        twice. Not Odoo's lock_for_update(): it skips locked rows and raises a
        LockError (a UserError, which nothing retries) where this must wait."""
        if reviews:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM tier_review WHERE id IN %s ORDER BY id FOR UPDATE",
                    tuple(reviews.ids),
                )
            )

    def _validate_tier(self, tiers=False, signature=False):
        self.ensure_one()
        if not self._contract_signed_under_rules():
            return super()._validate_tier(tiers)
        review = self._contract_review_to_sign()
        if tiers:
            review &= tiers
        if not review:
            return None
        # the signer's line first: OCA then posts whom the next step waits for
        self._contract_post_signed(review)
        res = super(SaleOrder, as_engine(self))._validate_tier(as_engine(review))
        self._contract_record_signatures(review, "signed", signature)
        if self.validation_status == "validated":
            self._contract_take_effect()
        return res

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        if not self._contract_signed_under_rules():
            return super()._rejected_tier(tiers)
        review = self._contract_review_to_sign()
        if tiers:
            review &= tiers
        if not review:
            return None
        if not review.comment:
            raise UserError(self.env._("Please give the reason of the rejection."))
        res = super(SaleOrder, as_engine(self))._rejected_tier(as_engine(review))
        self._contract_record_signatures(review, "rejected")
        self._contract_notify_rejection(review)
        return res

    def restart_validation(self):
        signing = self.filtered(
            lambda order: order.sdr_approval_kind or order._contract_signed_under_rules()
        )
        if signing:
            self._contract_check_manager(
                self.env._(
                    "Only the Department Head, the Deputy General Manager or the General "
                    "Manager may restart the signatures."
                )
            )
            if not is_engine(self.env):
                # every signature of the version goes: never at one click, the
                # dialog asks why (and the restart is made by the dialog)
                if len(self) > 1:
                    raise UserError(self.env._("Restart the signatures of one contract at a time."))
                return self._contract_restart_dialog()
        return super(SaleOrder, as_engine(self)).restart_validation()

    def _contract_restart_dialog(self):
        return self._contract_sign_dialog(self.env._("Restart Signatures"), "restart")

    def _contract_restart_signatures(self, reason):
        """Restart the signatures of the order for ``reason``: the chatter says
        who and why, the salesperson gets an activity to submit it again."""
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Please give the reason for restarting the signatures."))
        # a signature given at the same moment waits for the restart, or the
        # restart for it (see _contract_lock_reviews)
        self._contract_lock_reviews(self.sudo().review_ids)
        signed = self.review_ids.filtered(lambda r: r.status == "approved")
        as_engine(self).restart_validation()
        if self.sudo().review_ids:
            # OCA restarts only in the states signatures are requested in
            raise UserError(
                self.env._(
                    "The signatures of %(order)s cannot be restarted in its present state.",
                    order=self.display_name,
                )
            )
        body = self.env._(
            "%(user)s restarted the signatures of %(order)s (%(count)s given, now void). "
            "Reason: %(reason)s",
            user=self.env.user.name,
            order=self.name,
            count=len(signed),
            reason=reason,
        )
        salesperson = self.user_id
        if salesperson and salesperson != self.env.user:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Signatures restarted: submit the contract again"),
                note=body,
                user_id=salesperson.id,
            )
        self.sudo().message_post(
            body=body,
            partner_ids=salesperson.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        return True

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _contract_record_signatures(self, reviews, state, signature=False):
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

    def _contract_post_signed(self, review):
        """The chatter line of a signature: who signed, at which step."""
        step = review.reviewer_group_id.name or review.name
        if review.comment:
            body = self.env._(
                "%(signer)s signed (%(step)s): %(comment)s",
                signer=self.env.user.name,
                step=step,
                comment=review.comment,
            )
        else:
            body = self.env._("%(signer)s signed (%(step)s).", signer=self.env.user.name, step=step)
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def _contract_notify_rejection(self, review):
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

    def _contract_take_effect(self):
        """All signatures are given: the contract takes effect."""
        self.ensure_one()
        self.message_post(
            body=self.env._(
                "All signatures given: version %(version)s of the contract is effective.",
                version=self.sdr_contract_version,
            )
        )
        clerk = self._contract_sales_clerk()
        if clerk and self.sdr_approval_kind == "contract":
            self.sudo().activity_schedule(
                "sales_dept_regulation.mail_activity_type_file_contract",
                date_deadline=fields.Date.context_today(self),
                user_id=clerk.id,
            )
        was_amending = self.sdr_amending
        if was_amending:
            as_engine(self).sdr_amending = False
        elif self.company_id.sdr_contract_auto_confirm and self.state in (
            "draft",
            "sent",
        ):
            self.action_confirm()

    def _contract_sales_clerk(self):
        clerks = self.env.ref("sales_dept_regulation.group_role_sales_clerk").sudo().user_ids
        clerks = clerks.filtered(lambda u: self.company_id in u.company_ids)
        return clerks.sorted("id")[:1]
