# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import html_escape

from .. import roles

# what the statistics aggregate, in _read_group's spelling
MEASURES = [
    "__count",
    "days_to_send:avg",
    "days_to_send_max:max",
    "days_to_feedback:avg",
    "days_to_feedback_max:max",
    "approval_rate:avg",
]


class SaleSampleRequest(models.Model):
    """Monthly statistics: the samples submitted in a month and their cycle time
    (seed 003: count and analyse the samples and their cycle every month)."""

    _inherit = "sale.sample.request"

    @api.model
    def _sample_month_domain(self, year, month, tz_name=None):
        """Requests submitted in the month (in the user's time zone), not cancelled."""
        tz = pytz.timezone(tz_name or self.env.user.tz or "UTC")
        start = tz.localize(datetime(year, month, 1))
        stop = tz.localize(datetime(year, month, 1) + relativedelta(months=1))
        return [
            ("submit_date", ">=", start.astimezone(pytz.utc).replace(tzinfo=None)),
            ("submit_date", "<", stop.astimezone(pytz.utc).replace(tzinfo=None)),
            ("state", "!=", "cancelled"),
        ]

    @api.model
    def _sample_month_figures(self, year, month, groupby=()):
        """[(group values..., count, avg/max days to send, avg/max days to
        feedback, approval rate)] of the month, as the current user sees them."""
        return self._read_group(self._sample_month_domain(year, month), list(groupby), MEASURES)

    @api.model
    def _cron_sample_monthly_summary(self):
        """An activity for each Department Head with the figures of the month that
        ended, one per company of theirs with samples."""
        last_month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        heads = self.env.ref(roles.DEPARTMENT_HEAD).sudo().all_user_ids
        month = last_month.strftime("%Y-%m")
        for head in heads:
            for company in head.company_ids:
                # as the head sees them, months in the head's time zone
                requests = self.with_user(head).with_company(company)
                [(count, send, send_max, feedback, feedback_max, rate)] = (
                    requests._sample_month_figures(last_month.year, last_month.month)
                )
                if not count:
                    continue
                note = self.env._(
                    "Samples submitted in %(month)s: %(count)s. Days from submission to "
                    "sending: %(send)s on average, %(send_max)s at most. Days to the "
                    "customer's answer: %(feedback)s on average, %(feedback_max)s at most. "
                    "Approval rate: %(rate)s %%.",
                    month=month,
                    count=count,
                    send=round(send or 0.0, 1),
                    send_max=round(send_max or 0.0, 1),
                    feedback=round(feedback or 0.0, 1),
                    feedback_max=round(feedback_max or 0.0, 1),
                    rate=round(rate or 0.0, 1),
                )
                head.partner_id.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Sample statistics of %(month)s (%(company)s)",
                        month=month,
                        company=company.name,
                    ),
                    note=html_escape(note),
                    user_id=head.id,
                )
