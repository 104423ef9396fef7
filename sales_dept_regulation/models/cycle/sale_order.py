# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .. import roles
from ..values import check_values

# The order cycle's fields on the order: set by the server only (the delivery
# date when the last line is delivered, the delay cause through its dialog).
CYCLE_FIELDS = {"sdr_delivered_date", "sdr_delay_cause_id", "sdr_delay_note"}


class _CyclePass:
    """The context value of the cycle's own writes: not JSON, so no client sends it."""


CYCLE_PASS = _CyclePass()


def as_cycle(records):
    return records.with_context(sdr_cycle_pass=CYCLE_PASS)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    sdr_delivered_date = fields.Datetime(
        string="Fully Delivered On",
        compute="_compute_sdr_delivered_date",
        store=True,
        readonly=True,
        copy=False,
        help="When the delivered quantity of the order's last line reached its ordered "
        "quantity, recorded by the server. With Inventory, the order cycle reads the "
        "done date of the last delivery instead.",
    )
    sdr_delay_cause_id = fields.Many2one(
        "sale.delay.cause",
        string="Delay Cause",
        readonly=True,
        copy=False,
        tracking=True,
        ondelete="restrict",
        index="btree_not_null",
    )
    sdr_delay_note = fields.Text(string="Delay Note", readonly=True, copy=False)

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends(
        "state",
        "order_line.qty_delivered",
        "order_line.product_uom_qty",
        "order_line.display_type",
        "order_line.is_downpayment",
    )
    def _compute_sdr_delivered_date(self):
        precision = self.env["decimal.precision"].precision_get("Product Unit")
        now = fields.Datetime.now()
        for order in self:
            lines = order.order_line.filtered(
                lambda line: not line.display_type and not line.is_downpayment
            )
            delivered = (
                order.state == "sale"
                and bool(lines)
                and all(
                    float_compare(
                        line.qty_delivered, line.product_uom_qty, precision_digits=precision
                    )
                    >= 0
                    for line in lines
                )
            )
            # the first day it was all delivered stays its delivery day
            order.sdr_delivered_date = (order.sdr_delivered_date or now) if delivered else False

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        if not self._cycle_trusted():
            for vals in vals_list:
                if any(vals.get(name) for name in CYCLE_FIELDS.intersection(vals)):
                    self._cycle_refuse()
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        if not self._cycle_trusted():
            for name in CYCLE_FIELDS.intersection(vals):
                # a client may clear what no order of it has (a form's empty field)
                if vals[name] or any(self.mapped(name)):
                    self._cycle_refuse()
        return super().write(vals)

    def _cycle_trusted(self):
        return self.env.su or self.env.context.get("sdr_cycle_pass") is CYCLE_PASS

    def _cycle_refuse(self):
        raise UserError(
            self.env._(
                "The delivery date and the delay cause of an order are recorded by the "
                "system: use the order's Delay Cause button to record the cause."
            )
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_sdr_delay_cause(self):
        """The dialog where the salesperson or the Department Head records why
        the order is late."""
        self.ensure_one()
        self._sdr_check_can_record_delay()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Delay Cause"),
            "res_model": "sale.delay.cause.wizard",
            "views": [[False, "form"]],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _sdr_check_can_record_delay(self):
        """Refuse unless every order of ``self`` is late and the user is its
        salesperson or a Department Head (or above)."""
        self.check_access("read")
        late = self.env["sale.order.cycle"].sudo()._late_order_ids(self.ids)
        for order in self:
            if order.id not in late:
                raise UserError(
                    self.env._(
                        "%(order)s is not late: a delay cause is recorded only for an order "
                        "delivered after its committed date, or not delivered by it.",
                        order=order.display_name,
                    )
                )
            if order.user_id != self.env.user and not self.env.user.has_groups(roles.MANAGERS):
                raise UserError(
                    self.env._(
                        "Only the salesperson of %(order)s or the Department Head records "
                        "its delay cause.",
                        order=order.display_name,
                    )
                )

    def _sdr_record_delay_cause(self, cause, note):
        """Record ``cause`` (and ``note``) on the late orders of ``self``, and
        close their requests for a cause."""
        self._sdr_check_can_record_delay()
        if not cause:
            raise UserError(self.env._("Choose the delay cause."))
        # the order may be a signed contract: the cause is not a term of it
        as_cycle(self.sudo()).write({"sdr_delay_cause_id": cause.id, "sdr_delay_note": note})
        activity_type = self.env.ref(
            "sales_dept_regulation.mail_activity_type_delay_cause", raise_if_not_found=False
        )
        if activity_type:
            self.sudo().activity_ids.filtered(
                lambda activity: activity.activity_type_id == activity_type
            ).action_feedback(feedback=cause.name)
