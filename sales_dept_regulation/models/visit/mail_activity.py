# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

VISIT_TYPE = "sales_dept_regulation.mail_activity_type_customer_visit"
PROSPECT_REVIEW_TYPE = "sales_dept_regulation.mail_activity_type_prospect_review"


class MailActivity(models.Model):
    """A visit is a Customer Visit activity on a customer: planned when open, done
    once archived by "mark as done" (Odoo keeps done activities archived), with
    its outcome in the feedback."""

    _inherit = "mail.activity"

    # date_done is the UTC date of the archiving; a visit done at 07:30 in
    # Shanghai would count for the day before. This is the assignee's day.
    sdr_visit_done_date = fields.Date(
        string="Visit Done On", readonly=True, index="btree_not_null", copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._sdr_check_done_date(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._sdr_check_done_date([vals])
        return super().write(vals)

    def _sdr_check_done_date(self, vals_list):
        # the day a visit counts for is the day it was marked done, nothing else
        if not self.env.su and any(
            isinstance(vals, dict) and "sdr_visit_done_date" in vals for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "%(field)s is set when the visit is marked done, not by hand.",
                    field=self._fields["sdr_visit_done_date"]._description_string(self.env),
                )
            )

    def _sdr_visits(self):
        visit_type = self.env.ref(VISIT_TYPE, raise_if_not_found=False)
        return self.filtered(
            lambda a: (
                visit_type and a.res_model == "res.partner" and a.activity_type_id == visit_type
            )
        )

    def _action_done(self, feedback=False, attachment_ids=None):
        visits = self._sdr_visits().filtered("active")
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        visits = visits.exists()
        for visit in visits:
            user = visit.user_id or self.env.user
            visit.sudo().sdr_visit_done_date = fields.Date.context_today(
                visit.with_context(tz=user.tz or self.env.context.get("tz"))
            )
        return res

    def action_sdr_visit_done(self):
        """Mark planned visits done with the outcome written in their feedback."""
        for visit in self:
            if not (visit.feedback or "").strip():
                raise UserError(
                    self.env._(
                        "Write the outcome of the visit to %(customer)s before marking it done.",
                        customer=visit.res_name,
                    )
                )
        for visit in self.filtered("active"):
            visit.action_feedback(feedback=visit.feedback.strip())
        return True
