# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .. import roles
from ..contract.tier_review import as_engine

# A context value no RPC call can forge: set only by the archive's own action
# methods, which alone change workflow fields.
WORKFLOW = object()


def as_workflow(records):
    return records.sudo().with_context(archive_workflow=WORKFLOW)


def in_workflow(env):
    return env.su and env.context.get("archive_workflow") is WORKFLOW


# Four eyes: when the requester holds the role that decides, the next level up
# decides instead. A Sales Clerk's own loan goes to the Department Head, a
# Department Head's own (confidential) request to the Deputy General Manager or
# the General Manager. The General Manager has no level above: another General
# Manager of the company decides, and where there is none the Deputy General
# Manager countersigns (the Regulation Administrator configures the roles and
# decides nothing).
# Each role: the levels tried in turn, the first with someone in it decides.
NEXT_LEVEL = {
    roles.SALES_CLERK: ((roles.DEPARTMENT_HEAD,),),
    roles.DEPARTMENT_HEAD: ((roles.DEPUTY_GENERAL_MANAGER, roles.GENERAL_MANAGER),),
    roles.GENERAL_MANAGER: ((roles.GENERAL_MANAGER,), (roles.DEPUTY_GENERAL_MANAGER,)),
}


class SaleArchiveApproval(models.AbstractModel):
    """OCA tier validation for the archive: the reviews are the engine's, a
    user decides only the reviews waiting for them."""

    _name = "sale.archive.approval"
    _inherit = ["sale.regulation.tier.validation"]
    _description = "Archive Approval"
    _tier_validation_manual_config = True

    def unlink(self):
        # refused before OCA's unlink deletes the reviews; the uninstall's flag is
        # a context key any client can send: it counts only for who may uninstall
        if not (self.env.context.get(MODULE_UNINSTALL_FLAG) and self.env.is_system()):
            self._unlink_never()
        return super().unlink()

    def _unlink_never(self):
        raise UserError(self.env._("Archive records are never deleted."))

    # ------------------------------------------------------------
    # FOUR EYES
    # ------------------------------------------------------------

    def _archive_requesters(self, review=None):
        """The users whose request this is (here: who asked for the reviews,
        ``review`` included): they never decide it."""
        self.ensure_one()
        requesters = self.sudo().review_ids.requested_by
        return requesters | review.requested_by if review else requesters

    def _check_can_decide(self):
        """Nobody decides a request of their own (as hr_expense's
        _check_can_approve): the next level does."""
        if self.env.su:
            return
        for record in self:
            if self.env.user in record._archive_requesters():
                raise UserError(
                    self.env._(
                        "%(record)s is your own request: the next level decides it, not you.",
                        record=record.display_name,
                    )
                )

    def _archive_next_level(self, role, requesters):
        """The users of the company who decide in place of ``requesters``
        holding ``role`` (see NEXT_LEVEL); empty when nobody may."""
        self.ensure_one()
        company = self.sudo().company_id
        for level in NEXT_LEVEL.get(role, ()):
            users = self.env["res.users"].union(
                *(self.env.ref(xmlid).sudo().all_user_ids for xmlid in level)
            )
            users = (
                users.filtered(lambda u: u.active and (not company or company in u.company_ids))
                - requesters
            )
            if users:
                return users
        return self.env["res.users"]

    def _archive_reviewers(self, review, reviewers):
        """The reviewers of ``review`` (one of this record's): the requesters
        never; when one of them holds the role the review asks for, the next
        level up."""
        requesters = self._archive_requesters(review)
        if not requesters & reviewers:
            return reviewers
        group = review.reviewer_group_id
        xmlid = group and group.sudo().get_external_id().get(group.id)
        if xmlid in NEXT_LEVEL:
            return self._archive_next_level(xmlid, requesters)
        return reviewers - requesters

    def _archive_my_reviews(self):
        self.ensure_one()
        return self.review_ids.filtered(
            lambda r: r.status == "pending" and self.env.user in r.reviewer_ids
        )

    def validate_tier(self):
        self.ensure_one()
        self._check_can_decide()
        if not self._archive_my_reviews():
            raise UserError(
                self.env._("%(record)s is not waiting for your approval.", record=self.display_name)
            )
        return super(SaleArchiveApproval, as_engine(self)).validate_tier()

    def reject_tier(self):
        self.ensure_one()
        self._check_can_decide()
        if not self._archive_my_reviews():
            raise UserError(
                self.env._("%(record)s is not waiting for your approval.", record=self.display_name)
            )
        return super(SaleArchiveApproval, as_engine(self)).reject_tier()

    def _validate_tier(self, tiers=False):
        # every route to a decision (the buttons, OCA's comment wizard) ends here
        self._check_can_decide()
        return super()._validate_tier(tiers)

    def _rejected_tier(self, tiers=False):
        self._check_can_decide()
        return super()._rejected_tier(tiers)

    def evaluate_tier(self, tier):
        # a definition reads the record as it is, whoever asks for the reviews
        return super(SaleArchiveApproval, self.sudo()).evaluate_tier(tier)

    def _archive_request_approval(self):
        """Create the reviews the tier definitions ask for; whether any."""
        self.invalidate_recordset(["need_validation"])
        todo = self.filtered("need_validation")
        if todo:
            as_engine(todo).request_validation()
        return bool(todo)

    def _archive_clear_reviews(self):
        as_engine(self.review_ids).unlink()
