# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

TELEMARKETER = "sales_dept_regulation.group_role_telemarketer"
CALL_RESULTS = [
    ("interested", "Interested"),
    ("not_interested", "Not Interested"),
    ("follow_up", "Needs Follow-up"),
    ("ordered", "Ordered"),
    ("no_answer", "No Answer"),
    ("wrong_number", "Wrong Number"),
]
# results after which the regulations want the customer called again
FOLLOW_UP_RESULTS = ("interested", "follow_up")
# the hour of the next day a phoned-in order is promised for, in the user's time zone
NEXT_DAY_HOUR = time(9, 0)


class CrmPhonecall(models.Model):
    """The telemarketer's calls (regulations 000 §岗位职责(三), §工作流程4).

    The rules below apply to the addon's own calls only, those whose Responsible
    holds the Telemarketer role: any other call behaves as in OCA's module."""

    _inherit = "crm.phonecall"

    source_id = fields.Many2one(tracking=True)
    sdr_call_result = fields.Selection(CALL_RESULTS, string="Call Result", tracking=True)
    sdr_is_telemarketer_call = fields.Boolean(
        string="Telemarketer's Call", compute="_compute_sdr_is_telemarketer_call"
    )
    sdr_previous_call_id = fields.Many2one(
        "crm.phonecall", string="Follow-up Of", readonly=True, copy=False, index="btree_not_null"
    )
    sdr_follow_up_call_ids = fields.One2many(
        "crm.phonecall", "sdr_previous_call_id", string="Follow-up Calls"
    )
    sdr_order_ids = fields.One2many("sale.order", "sdr_phonecall_id", string="Quotations")
    sdr_order_count = fields.Integer(string="Quotation Count", compute="_compute_sdr_order_count")

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("user_id")
    def _compute_sdr_is_telemarketer_call(self):
        for call in self:
            call.sdr_is_telemarketer_call = bool(call.user_id) and call.user_id._has_group(
                TELEMARKETER
            )

    def _compute_sdr_order_count(self):
        counts = dict(
            self.env["sale.order"]._read_group(
                [("sdr_phonecall_id", "in", self.ids)], ["sdr_phonecall_id"], ["__count"]
            )
        )
        for call in self:
            call.sdr_order_count = counts.get(call, 0)

    # ------------------------------------------------------------
    # CONSTRAINT METHODS
    # ------------------------------------------------------------

    @api.constrains("user_id", "source_id", "sdr_call_result", "state", "date_action_next")
    def _check_sdr_telemarketer_call(self):
        for call in self.filtered("sdr_is_telemarketer_call"):
            if not call.source_id:
                raise ValidationError(
                    self.env._(
                        "A telemarketer's call needs the customer's %(field)s.",
                        field=call._sdr_label("source_id"),
                    )
                )
            if call.state == "done" and not call.sdr_call_result:
                raise ValidationError(
                    self.env._(
                        "A held call of a telemarketer needs its %(field)s.",
                        field=call._sdr_label("sdr_call_result"),
                    )
                )
            if (
                call.state == "done"
                and call.sdr_call_result in FOLLOW_UP_RESULTS
                and not call.date_action_next
            ):
                raise ValidationError(
                    self.env._(
                        "The result %(result)s needs a follow-up: fill in %(field)s.",
                        result=dict(
                            call._fields["sdr_call_result"]._description_selection(call.env)
                        )[call.sdr_call_result],
                        field=call._sdr_label("date_action_next"),
                    )
                )

    def _sdr_label(self, field_name):
        return self._fields[field_name]._description_string(self.env)

    # ------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        users = self.env["res.users"]
        if any(vals.get("sdr_previous_call_id") for vals in vals_list):
            self._sdr_refuse_follow_up_link()
        for vals in vals_list:
            user_id = vals.get("user_id", self.env.uid)
            # anything but an id is left to the ORM to refuse
            user = users.browse(user_id) if isinstance(user_id, int) else users
            # OCA's call has no company by default: the telemarketer's belongs to hers,
            # so that the company rules and the KPIs place it
            if user and user._has_group(TELEMARKETER) and not vals.get("company_id"):
                vals["company_id"] = self.env.company.id
        calls = super().create(vals_list)
        calls._sdr_schedule_follow_up()
        return calls

    def write(self, vals):
        if vals.get("sdr_previous_call_id"):
            self._sdr_refuse_follow_up_link()
        res = super().write(vals)
        if {"state", "sdr_call_result", "date_action_next", "user_id"} & set(vals):
            self._sdr_schedule_follow_up()
        return res

    # ------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------

    def action_sdr_create_next_day_quotation(self):
        """The order a customer phones in a day ahead: a quotation for the call's
        customer, linked to the call, promised for tomorrow in the user's time zone."""
        self.ensure_one()
        # the quotation is written on the call: who may not edit the call may not
        # create it either (a salesperson reads her customers' calls only)
        self.check_access("write")
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "Choose the %(field)s of the call before creating its quotation.",
                    field=self._sdr_label("partner_id"),
                )
            )
        if self.state == "cancel":
            raise UserError(self.env._("A cancelled call takes no order."))
        order = self.env["sale.order"].create(self._sdr_prepare_quotation_vals())
        # the link is written by the engine only (see sale.order.write)
        order.sudo().write({"sdr_phonecall_id": self.id})
        if not self.sdr_call_result:
            self.sdr_call_result = "ordered"
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_sdr_view_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action["domain"] = [("sdr_phonecall_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sdr_next_day_commitment(self):
        """Tomorrow at NEXT_DAY_HOUR in the user's time zone, as the UTC datetime Odoo stores.

        commitment_date (the order's "Delivery Date") is the date promised to the
        customer, which is what "ordered a day ahead" fixes: date_order is the day the
        order is taken (and is reset on confirmation), validity_date the day the
        quotation expires."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        today = datetime.now(pytz.utc).astimezone(tz).date()
        local = tz.localize(datetime.combine(today + timedelta(days=1), NEXT_DAY_HOUR))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _sdr_prepare_quotation_vals(self):
        self.ensure_one()
        vals = {
            "partner_id": self.partner_id.id,
            "user_id": (self.user_id or self.env.user).id,
            "company_id": (self.company_id or self.env.company).id,
            "origin": self.name,
            "sdr_order_channel": "phone",
            "commitment_date": self._sdr_next_day_commitment(),
            "source_id": self.source_id.id,
            "campaign_id": self.campaign_id.id,
            "medium_id": self.medium_id.id,
        }
        if self.team_id:
            vals["team_id"] = self.team_id.id
        return vals

    def _sdr_schedule_follow_up(self):
        """A held telemarketer's call whose result needs a follow-up gets its next
        call scheduled at the Next Action date, through OCA's own scheduling."""
        for call in self:
            if (
                call.sdr_is_telemarketer_call
                and call.state == "done"
                and call.sdr_call_result in FOLLOW_UP_RESULTS
                and call.date_action_next
                and not call.sdr_follow_up_call_ids
            ):
                call.schedule_another_phonecall(
                    {
                        "name": self.env._("Follow-up: %(name)s", name=call.name),
                        "schedule_time": call.date_action_next,
                        "user_id": call.user_id.id,
                        "action": "schedule",
                    }
                )

    def _sdr_refuse_follow_up_link(self):
        # the link tells that a call was followed up (no second follow-up is then
        # scheduled): only the scheduling below writes it, after an explicit sudo()
        if not self.env.su:
            raise UserError(
                self.env._(
                    "%(field)s is set when the next call is scheduled from a call only.",
                    field=self._sdr_label("sdr_previous_call_id"),
                )
            )

    @api.model
    def _sdr_call_figures(self, users, date_from, date_to):
        """The weekly review's call figures: {user: {figure: count}} for ``users``
        between two UTC datetimes (``date_from`` included, ``date_to`` excluded), read
        with the caller's rights, one _read_group per model:

        - ``calls``, ``calls_in``, ``calls_out``: held calls, by direction;
        - ``quotations``: next-day quotations created from their calls;
        - ``calls_to_make``: calls still to make, planned before ``date_to``."""
        figures = {
            user: dict.fromkeys(("calls", "calls_in", "calls_out", "quotations"), 0)
            | {"calls_to_make": 0}
            for user in users
        }
        held = self._read_group(
            [
                ("user_id", "in", users.ids),
                ("state", "=", "done"),
                ("date", ">=", date_from),
                ("date", "<", date_to),
            ],
            ["user_id", "direction"],
            ["__count"],
        )
        for user, direction, count in held:
            figures[user]["calls"] += count
            figures[user][f"calls_{direction}"] += count
        to_make = self._read_group(
            [("user_id", "in", users.ids), ("state", "=", "open"), ("date", "<", date_to)],
            ["user_id"],
            ["__count"],
        )
        for user, count in to_make:
            figures[user]["calls_to_make"] = count
        quotations = self.env["sale.order"]._read_group(
            [
                ("sdr_phonecall_id.user_id", "in", users.ids),
                ("create_date", ">=", date_from),
                ("create_date", "<", date_to),
            ],
            ["sdr_phonecall_id.user_id"],
            ["__count"],
        )
        for user, count in quotations:
            figures[user]["quotations"] = count
        return figures

    def get_values_schedule_another_phonecall(self, vals):
        res = super().get_values_schedule_another_phonecall(vals)
        if self.company_id:
            res["company_id"] = self.company_id.id
        return res

    def schedule_another_phonecall(self, vals, return_recordset=False):
        """OCA's scheduling (its button and the automatic follow-up), the new call
        linked back to the call it follows up."""
        new_calls = super().schedule_another_phonecall(vals, return_recordset=False)
        for call_id, new_call in new_calls.items():
            new_call.sudo().write({"sdr_previous_call_id": call_id})
        if return_recordset:
            return self.browse().union(*new_calls.values())
        return new_calls

    def redirect_phonecall_view(self):
        # OCA names the action with a code string its own zh_CN lacks
        res = super().redirect_phonecall_view()
        if res and self.filtered("sdr_is_telemarketer_call"):
            res["name"] = self.env._("Phone Call")
        return res
