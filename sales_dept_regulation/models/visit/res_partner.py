# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .mail_activity import PROSPECT_REVIEW_TYPE, VISIT_TYPE


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------
    # VISIT PLANS
    # ------------------------------------------------------------

    @api.model
    def _sdr_visit_proposals(self, user, date_from, date_to):
        """The customers of ``user`` whose grade's visit falls due by ``date_to``
        (overdue ones included: they are still to visit), with the day to plan
        each: its due day, or ``date_from`` when already due."""
        customers = self.search(
            [
                ("parent_id", "=", False),
                ("user_id", "=", user.id),
                ("customer_grade_id.regular_visits", "=", True),
                "|",
                ("customer_next_visit_date", "<=", date_to),
                ("customer_last_visit_date", "=", False),
            ],
            order="customer_next_visit_date, customer_visit_priority, id",
        )
        return [
            (customer, max(customer.customer_next_visit_date or date_from, date_from))
            for customer in customers
        ]

    # ------------------------------------------------------------
    # AUTOMATIC SCHEDULES
    # ------------------------------------------------------------

    @api.model
    def _cron_sdr_schedule_prospect_reviews(self):
        """Regulation 003 (潜在客户管理): every potential customer's characteristics
        are reviewed each N months (company setting), by its salesperson. One open
        review per prospect; the next one falls due N months after the last done
        (after the prospect's creation for the first one)."""
        self = self.sudo()
        prospects = self.search(
            [
                ("parent_id", "=", False),
                ("customer_stage", "=", "potential"),
                ("user_id", "!=", False),
            ]
        )
        # the grading's chunked run: a commit per chunk, a chunk that meets a
        # concurrent update retried
        self._run_cron_in_chunks(prospects, "_sdr_schedule_prospect_reviews")

    def _sdr_schedule_prospect_reviews(self):
        """One review activity for each of these prospects that has none open."""
        prospects = self
        review_type = self.env.ref(PROSPECT_REVIEW_TYPE)
        activities = self.env["mail.activity"].sudo().with_context(active_test=False)
        reviews = activities._read_group(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", prospects.ids),
                ("activity_type_id", "=", review_type.id),
            ],
            ["res_id", "active"],
            ["date_done:max"],
        )
        open_ids = {res_id for res_id, active, _done in reviews if active}
        last_done = {res_id: done for res_id, active, done in reviews if not active and done}
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id("res.partner")
        activities.create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": prospect.id,
                    "activity_type_id": review_type.id,
                    "summary": self.env._("Half-yearly review of the prospect"),
                    "user_id": prospect.user_id.id,
                    "date_deadline": max(today, prospect._sdr_next_review_date(last_done)),
                }
                for prospect in prospects
                if prospect.id not in open_ids
            ]
        )

    def _sdr_next_review_date(self, last_done):
        self.ensure_one()
        company = self.company_id or self.user_id.company_id or self.env.company
        since = last_done.get(self.id) or self.create_date.date()
        return since + relativedelta(months=company.sdr_prospect_review_months)

    def _sdr_schedule_first_sale_visits(self, products_by_customer, sale_date):
        """Schedule a visit to each customer of ``products_by_customer`` (customer
        -> product templates it bought for the first time), due according to its
        grade: the grade's visit interval, or the company's default for grades
        without regular visits (regulation 003 §客户满意度)."""
        visit_type = self.env.ref(VISIT_TYPE)
        model_id = self.env["ir.model"]._get_id("res.partner")
        vals_list = []
        for customer, templates in products_by_customer.items():
            grade = customer.customer_grade_id
            company = customer.company_id or customer.user_id.company_id or self.env.company
            days = (
                grade.visit_interval_days
                if grade.regular_visits and grade.visit_interval_days > 0
                else company.sdr_new_product_visit_days
            )
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": customer.id,
                    "activity_type_id": visit_type.id,
                    "summary": self.env._(
                        "Visit after the first sale of %(products)s",
                        products=", ".join(templates.mapped("display_name")),
                    ),
                    "user_id": (customer.user_id or self.env.user).id,
                    "date_deadline": sale_date + relativedelta(days=days),
                }
            )
        self.env["mail.activity"].sudo().create(vals_list)
