# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from .. import roles
from ..contract.tier_review import as_engine
from .sale_sample_request import RD_ENGINEER

REQUIRED_TO_SUBMIT = (
    "shape_dimensions",
    "physical_properties",
    "function_requirements",
    "delivery_date",
)


def _is_text(value):
    return isinstance(value, str) and bool(value.strip())


class SaleSampleRequest(models.Model):
    """The workflow of a sample request. The action methods check the user's role
    and the request's state, then write the workflow fields as superuser: no
    plain write by a user can set them."""

    _inherit = "sale.sample.request"

    # ------------------------------------------------------------
    # WHO MAY
    # ------------------------------------------------------------

    def _sample_check_sales(self):
        """Sales roles on requests they may edit (their record rules decide which)."""
        if self.env.su:
            return
        if self.env.user.has_group(RD_ENGINEER) or not self.env.user.has_group(roles.SCOPE_OWN):
            raise AccessError(self.env._("Only the sales department can do this."))
        self.check_access("write")

    def _sample_check_rd(self):
        if self.env.su:
            return
        if not self.env.user.has_group(RD_ENGINEER):
            raise AccessError(self.env._("Only an R&D Engineer can do this."))
        self.check_access("read")

    def _sample_check_manager(self):
        if self.env.su:
            return
        if not self.env.user.has_groups(roles.MANAGERS):
            raise AccessError(
                self.env._("Only the Department Head or a General Manager can do this.")
            )
        self.check_access("write")

    def _sample_check_state(self, states, message):
        if any(request.state not in states for request in self):
            raise UserError(message)

    # ------------------------------------------------------------
    # SALES ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        self._sample_check_sales()
        self._sample_check_state(("draft",), self.env._("Only draft requests can be submitted."))
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for request in self:
            blank = [name for name in REQUIRED_TO_SUBMIT if not request[name]]
            if blank:
                raise UserError(
                    self.env._(
                        "R&D needs the customer's requirements complete: fill in %(fields)s.",
                        fields=request._field_labels(blank),
                    )
                )
            if request.delivery_date < today:
                raise UserError(self.env._("The delivery date wanted cannot be in the past."))
            # the salesperson may have left the team since the draft was written
            request._check_team_member()
            sudo = request.sudo()
            vals = sudo._sample_decide()
            vals.update(
                state="submitted",
                submit_date=now,
                customer_stage=sudo.partner_stage,
                customer_grade_id=sudo.partner_grade_id.id,
            )
            sudo.write(vals)
        return True

    def _sample_decide(self):
        """The fee decision: the rule of the customer's cell and, for what it
        waives, the budget of the period (locked while it is drawn)."""
        self.ensure_one()
        currency = self.currency_id
        fee = currency.round((self.mould_cost if self.mould_needed else 0.0) + self.sample_fee)
        rule = self.env["sale.mould.fee.rule"]._find_rule(
            self.company_id, self.partner_stage, self.partner_grade_id, self.product_categ_id
        )
        policy = rule.policy or "charge"
        vals = {
            "fee_rule_id": rule.id,
            "fee_policy": policy,
            "fee_amount": fee,
            "charged_amount": fee,
            "waived_amount": 0.0,
            "budget_id": False,
            "budget_amount": 0.0,
        }

        def amount(value):
            return format_amount(self.env, value, currency)

        # the note says what was decided, with the amounts: the salesperson
        # reads it to the customer
        if not fee:
            vals["decision_note"] = self.env._("No fee.")
            return vals
        if not rule:
            vals["decision_note"] = self.env._(
                "No fee rule for this customer: charged in full, %(fee)s.", fee=amount(fee)
            )
            return vals
        to_waive = {
            "charge": 0.0,
            "percent": currency.round(fee * (100.0 - rule.charge_percent) / 100.0),
            "waive": fee,
            "waive_budget": fee,
        }[policy]
        if not to_waive:
            vals["decision_note"] = self.env._(
                "Charged in full by the rule: %(fee)s.", fee=amount(fee)
            )
            return vals
        budget = self.env["sale.market.budget"]._find_budget(
            self.company_id, self.team_id, fields.Date.context_today(self)
        )
        remaining = 0.0
        if budget:
            budget._lock_for_draw()
            remaining = max(budget.remaining_amount, 0.0)
        if policy == "waive_budget" and currency.compare_amounts(remaining, to_waive) < 0:
            vals["decision_note"] = self.env._(
                "The budget cannot cover the fee: %(fee)s charged in full unless an "
                "exception is approved.",
                fee=amount(fee),
            )
            return vals
        drawn = min(to_waive, remaining)
        charged = fee - to_waive
        vals.update(
            charged_amount=charged,
            waived_amount=to_waive,
            budget_id=budget.id if drawn else False,
            budget_amount=drawn,
            decision_note=self._sample_decision_text(
                rule, amount(fee), amount(charged), amount(to_waive), amount(drawn) if drawn else ""
            ),
        )
        return vals

    def _sample_decision_text(self, rule, fee, charged, waived, drawn):
        """What a rule that waives all or part of the fee decided, amounts formatted."""
        if rule.policy == "percent":
            percent = f"{rule.charge_percent:g}"
            if drawn:
                return self.env._(
                    "Charged %(percent)s%% by the rule: %(charged)s of %(fee)s; %(waived)s "
                    "waived, %(drawn)s of it drawn from the budget.",
                    percent=percent,
                    charged=charged,
                    fee=fee,
                    waived=waived,
                    drawn=drawn,
                )
            return self.env._(
                "Charged %(percent)s%% by the rule: %(charged)s of %(fee)s; %(waived)s waived.",
                percent=percent,
                charged=charged,
                fee=fee,
                waived=waived,
            )
        if drawn:
            return self.env._(
                "Waived in full by the rule: %(fee)s, %(drawn)s of it drawn from the budget.",
                fee=fee,
                drawn=drawn,
            )
        return self.env._("Waived in full by the rule: %(fee)s.", fee=fee)

    def action_feedback(self, result, note=False):
        """The customer's answer: approved, rejected, or a revision (a new round)."""
        self._sample_check_sales()
        self._sample_check_state(
            ("sent",), self.env._("The customer answers only about a sent sample.")
        )
        if result not in ("approved", "rejected", "revise"):
            raise UserError(self.env._("The feedback is approved, rejected or revise."))
        if result == "revise" and not _is_text(note):
            raise UserError(self.env._("Say what the customer wants revised."))
        for request in self.sudo():
            if result == "revise":
                request.write({"state": "accepted", "revision_count": request.revision_count + 1})
            else:
                request.write(
                    {
                        "state": "feedback",
                        "feedback_result": result,
                        "feedback_date": fields.Datetime.now(),
                        "feedback_note": note if _is_text(note) else False,
                    }
                )
            if _is_text(note):
                request.message_post(body=note)
        return True

    def action_close(self):
        self._sample_check_sales()
        self._sample_check_state(
            ("feedback",), self.env._("Only requests with the customer's answer can be closed.")
        )
        self.sudo().write({"state": "closed", "close_date": fields.Datetime.now()})
        return True

    def action_cancel(self, reason):
        self._sample_check_sales()
        if not _is_text(reason):
            raise UserError(self.env._("Give the reason for cancelling the request."))
        self._sample_check_state(
            ("draft", "submitted", "accepted", "made", "sent"),
            self.env._("A closed or cancelled request cannot be cancelled."),
        )
        for request in self.sudo():
            request._sample_cancel_fee_order()
            values = {
                "state": "cancelled",
                "cancel_reason": reason,
                "cancel_date": fields.Datetime.now(),
            }
            if request.exception_state == "requested":
                # nothing is left to waive: the exception leaves the approvers' queue
                as_engine(request.review_ids).unlink()
                values["exception_state"] = "none"
            request.write(values)
        return True

    def action_request_exception(self, reason):
        """Ask the Department Head to waive a charged fee (tier validation)."""
        self._sample_check_sales()
        if not _is_text(reason):
            raise UserError(self.env._("Give the reason for the exception."))
        for request in self.sudo():
            if request.state in ("draft", "closed", "cancelled") or not request.charged_amount:
                raise UserError(
                    self.env._("An exception is asked for a charged fee of a submitted request.")
                )
            if request.exception_state not in ("none", "refused"):
                raise UserError(self.env._("An exception is already asked or approved."))
            if request.fee_order_id.state == "sale":
                raise UserError(self.env._("The fee order is already confirmed."))
            engine = as_engine(request)
            engine.write({"exception_state": "requested", "exception_reason": reason})
            engine.with_user(self.env.user).request_validation()
        return True

    def action_create_fee_order(self):
        """A quotation for the charged fee, with the Mould Fee and Sample Fee products."""
        self._sample_check_sales()
        for request in self:
            money = request.sudo()
            if request.state in ("draft", "cancelled") or not money.charged_amount:
                raise UserError(self.env._("There is no charged fee to invoice."))
            if money.exception_state == "requested":
                raise UserError(self.env._("Wait for the decision on the exception first."))
            if money.fee_order_id and money.fee_order_id.state != "cancel":
                raise UserError(self.env._("The request already has a fee order."))
            order = self.env["sale.order"].create(request._sample_fee_order_vals())
            money.fee_order_id = order
        return self.action_view_fee_order() if len(self) == 1 else True

    def _sample_fee_order_vals(self):
        self.ensure_one()
        money = self.sudo()
        company = money.company_id
        mould_fee = money.mould_cost if money.mould_needed else 0.0
        ratio = money.charged_amount / money.fee_amount if money.fee_amount else 0.0
        mould_price = money.currency_id.round(mould_fee * ratio)
        lines = []
        ref = self.env.ref
        for product, price in (
            (
                company.sdr_sample_mould_product_id
                or ref("sales_dept_regulation.product_sample_mould_fee", False),
                mould_price,
            ),
            (
                company.sdr_sample_fee_product_id
                or ref("sales_dept_regulation.product_sample_fee", False),
                money.charged_amount - mould_price,
            ),
        ):
            if money.currency_id.is_zero(price):
                continue
            if not product:
                raise UserError(
                    self.env._(
                        "Choose the Mould Fee and Sample Fee products in the settings first."
                    )
                )
            if product.type != "service":
                # a product turned into goods since it was chosen in the settings
                raise UserError(
                    self.env._(
                        "%(product)s is not a service: the Mould Fee and Sample Fee "
                        "products must be services.",
                        product=product.display_name,
                    )
                )
            lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1.0,
                        "price_unit": price,
                        "name": f"{product.display_name} ({self.name})",
                    }
                )
            )
        return {
            "partner_id": self.partner_id.id,
            "company_id": company.id,
            "user_id": self.user_id.id,
            "origin": self.name,
            "order_line": lines,
        }

    def _sample_fee_due(self):
        """What the fee order must charge: the charged fee, or what a
        Department Head lowered its prices to."""
        self.ensure_one()
        money = self.sudo()
        return money.fee_lowered_amount if money.fee_lowered_by_id else money.charged_amount

    def _sample_fee_order_paid_for(self):
        """The mould gate: the fee order is confirmed AND charges what is due,
        not a lower price written on its lines."""
        self.ensure_one()
        money = self.sudo()
        order = money.fee_order_id
        return (
            order.state == "sale"
            and order.currency_id.compare_amounts(
                order._sample_fee_charged(), money._sample_fee_due()
            )
            >= 0
        )

    def _sample_cancel_fee_order(self):
        order = self.sudo().fee_order_id
        if order and order.state in ("draft", "sent"):
            order._action_cancel()

    def action_view_fee_order(self):
        self.ensure_one()
        # the fee order is the sales department's: R&D does not learn its id
        self._sample_check_sales()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.sudo().fee_order_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------
    # R&D ACTIONS
    # ------------------------------------------------------------

    def action_accept(self):
        self._sample_check_rd()
        self._sample_check_state(
            ("submitted",), self.env._("Only submitted requests can be accepted.")
        )
        for request in self.sudo():
            if (
                not request.mould_needed
                or not request.charged_amount
                or request.mould_override_reason
                or request._sample_fee_order_paid_for()
            ):
                continue
            if request.fee_order_id.state != "sale":
                raise UserError(
                    self.env._(
                        "The mould of %(request)s is not started before its fee order is "
                        "confirmed (or the Department Head overrides with a reason).",
                        request=request.name,
                    )
                )
            # no amounts in the message: R&D reads no money
            raise UserError(
                self.env._(
                    "The fee order of %(request)s was confirmed for less than the fee "
                    "decided: the mould is not started unless the Department Head lowers "
                    "the fee on the order or overrides with a reason.",
                    request=request.name,
                )
            )
        self.sudo().write({"state": "accepted", "accept_date": fields.Datetime.now()})
        return True

    def action_made(self):
        self._sample_check_rd()
        self._sample_check_state(
            ("accepted",), self.env._("Only accepted requests can be marked as made.")
        )
        now = fields.Datetime.now()
        for request in self.sudo():
            request.write({"state": "made", "made_date": request.made_date or now})
        return True

    def action_send(self):
        self._sample_check_rd()
        self._sample_check_state(("made",), self.env._("Only made samples can be sent."))
        now = fields.Datetime.now()
        for request in self.sudo():
            request.write(
                {"state": "sent", "sent_date": request.sent_date or now, "last_sent_date": now}
            )
        return True

    # ------------------------------------------------------------
    # DEPARTMENT HEAD
    # ------------------------------------------------------------

    def action_override_mould_gate(self, reason):
        self._sample_check_manager()
        if not _is_text(reason):
            raise UserError(self.env._("Give the reason for starting the mould before payment."))
        self._sample_check_state(
            ("submitted",), self.env._("The override is given before R&D accepts the request.")
        )
        self.sudo().write({"mould_override_reason": reason})
        return True
