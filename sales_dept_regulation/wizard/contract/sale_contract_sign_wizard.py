# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import binascii
import io

from PIL import Image

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import sql

from ...models.values import check_values

# the largest id PostgreSQL's integer columns hold
MAX_ID = 2**31 - 1

# a drawn signature has at least this many visible dark pixels
MIN_INK_PIXELS = 20


def _has_ink(data):
    """Whether the PNG ``data`` shows a stroke: visible pixels darker than the pad."""
    with Image.open(io.BytesIO(data)) as image:
        if image.width * image.height > 4096 * 4096:
            return False
        rgba = image.convert("RGBA")
    ink = 0
    for red, green, blue, alpha in rgba.getdata():
        if alpha > 64 and red + green + blue < 600:
            ink += 1
            if ink >= MIN_INK_PIXELS:
                return True
    return False


class SaleContractSignWizard(models.TransientModel):
    """The signing dialog of the regulations' tiers: a drawn signature to sign,
    a reason to refuse. OCA's comment wizard stays as OCA made it (its comment
    is required) for every other tier, a company's own on sales orders included."""

    _name = "sale.contract.sign.wizard"
    _description = "Contract Signing Dialog"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    validate_reject = fields.Selection(
        [
            ("validate", "Sign"),
            ("reject", "Refuse to Sign"),
            ("restart", "Restart Signatures"),
        ],
        required=True,
    )
    # a signature needs no comment; a rejection or a restart needs a reason
    # (checked below)
    comment = fields.Char()
    # kept in the wizard's row: checked as an image before anything is stored
    sdr_signature = fields.Binary(string="Signature", attachment=False)
    sdr_signer_name = fields.Char(default=lambda self: self.env.user.name)

    def init(self):
        # An earlier version of this addon made OCA's comment.wizard.comment
        # optional and so dropped its NOT NULL, which Odoo puts back only when
        # base_tier_validation itself is updated: put it back (the rows are
        # dialogs, transient).
        columns = sql.table_columns(self.env.cr, "comment_wizard")
        if columns.get("comment", {}).get("is_nullable") == "YES":
            self.env.cr.execute("DELETE FROM comment_wizard WHERE comment IS NULL")
            sql.set_not_null(self.env.cr, "comment_wizard", "comment")

    @api.model_create_multi
    def create(self, vals_list):
        # what a client sends (or its context's defaults): a clear refusal, not
        # a database error, for an order id or a decision that cannot be one
        check_values(self.env, vals_list)
        context = self.env.context
        for vals in vals_list:
            order_id = vals.get("order_id", context.get("default_order_id"))
            if type(order_id) is not int or not 0 < order_id <= MAX_ID:
                raise UserError(self.env._("The order to sign no longer exists."))
            decision = vals.get("validate_reject", context.get("default_validate_reject"))
            if decision not in ("validate", "reject", "restart"):
                raise UserError(self.env._("Choose whether to sign or to reject."))
        return super().create(vals_list)

    @api.constrains("sdr_signature")
    def _check_sdr_signature(self):
        for wizard in self.filtered("sdr_signature"):
            wizard._contract_signature_image()

    def _contract_signature_image(self):
        """The drawn signature as base64 bytes, refused when it is not an image."""
        value = self.with_context(bin_size=False).sdr_signature
        if not value:
            return False
        try:
            data = base64.b64decode(value, validate=True)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except (
            binascii.Error,
            ValueError,
            TypeError,
            OSError,
            Image.DecompressionBombError,
        ):
            raise ValidationError(
                self.env._("The signature is not an image: please draw it again.")
            ) from None
        if not _has_ink(data):
            raise ValidationError(
                self.env._("The signature is blank: please draw your signature on the pad.")
            )
        return value

    def add_comment(self):
        self.ensure_one()
        order = self.order_id.exists()
        if not order:
            raise UserError(self.env._("The order to sign no longer exists."))
        order.check_access("read")
        if self.validate_reject == "restart":
            return order._contract_restart_signatures(self.comment)
        if self.validate_reject == "reject" and not (self.comment or "").strip():
            raise UserError(self.env._("Please give the reason of the rejection."))
        # the reviews come from the order, never from the dialog's values: one
        # decides only the review whose turn it is (refused with the reason)
        if not order._contract_signed_under_rules():
            raise UserError(
                self.env._(
                    "You are not the signer %(order)s is waiting for.",
                    order=order.display_name,
                )
            )
        review = order._contract_review_to_sign(raise_error=True)
        signature = False
        if self.validate_reject == "validate":
            signature = self._contract_signature_image()
            if not signature:
                raise UserError(self.env._("Draw your signature on the pad to sign the contract."))
        order._contract_decide(review, self.validate_reject, self.comment, signature)
