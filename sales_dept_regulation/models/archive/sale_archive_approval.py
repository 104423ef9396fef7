# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..contract.tier_review import as_engine

# A context value no RPC call can forge: set only by the archive's own action
# methods, which alone change workflow fields.
WORKFLOW = object()


def as_workflow(records):
    return records.sudo().with_context(archive_workflow=WORKFLOW)


def in_workflow(env):
    return env.su and env.context.get("archive_workflow") is WORKFLOW


class SaleArchiveApproval(models.AbstractModel):
    """OCA tier validation for the archive: the reviews are the engine's, a
    user decides only the reviews waiting for them."""

    _name = "sale.archive.approval"
    _inherit = ["tier.validation"]
    _description = "Archive Approval"
    _tier_validation_manual_config = True

    def unlink(self):
        # refused before OCA's unlink deletes the reviews
        if not self.env.context.get(MODULE_UNINSTALL_FLAG):
            self._unlink_never()
        return super().unlink()

    def _unlink_never(self):
        raise UserError(self.env._("Archive records are never deleted."))

    def _archive_my_reviews(self):
        self.ensure_one()
        return self.review_ids.filtered(
            lambda r: r.status == "pending" and self.env.user in r.reviewer_ids
        )

    def validate_tier(self):
        self.ensure_one()
        if not self._archive_my_reviews():
            raise UserError(
                self.env._("%(record)s is not waiting for your approval.", record=self.display_name)
            )
        return super(SaleArchiveApproval, as_engine(self)).validate_tier()

    def reject_tier(self):
        self.ensure_one()
        if not self._archive_my_reviews():
            raise UserError(
                self.env._("%(record)s is not waiting for your approval.", record=self.display_name)
            )
        return super(SaleArchiveApproval, as_engine(self)).reject_tier()

    def _tier_validation_check_state_on_write(self, vals):
        # need_validation is not stored and has no dependencies: a value cached
        # before the reviews were created or decided is stale
        self.invalidate_recordset(["need_validation"])
        return super()._tier_validation_check_state_on_write(vals)

    def _tier_validation_check_write_allowed(self, vals):
        # the archive's own whitelist of editable fields governs writes
        return None

    def _archive_request_approval(self):
        """Create the reviews the tier definitions ask for; whether any."""
        self.invalidate_recordset(["need_validation"])
        todo = self.filtered("need_validation")
        if todo:
            as_engine(todo).request_validation()
        return bool(todo)

    def _archive_clear_reviews(self):
        as_engine(self.review_ids).unlink()
