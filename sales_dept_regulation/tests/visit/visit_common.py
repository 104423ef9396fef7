# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo import fields

from ..grading.common_grading import GradingCommon

# a Monday morning in Shanghai (02:00 UTC)
NOW = datetime(2026, 6, 15, 2, 0)
TODAY = date(2026, 6, 15)


class VisitCommon(GradingCommon):
    """The grading's grades and customers, a second salesperson, visits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.sdr_work_log_due_hour = 10
        for user in cls.role_users.values():
            user.tz = cls.TIME_ZONE
        cls.head = cls.role_users["department_head"]
        cls.manager = cls.role_users["general_manager"]
        cls.other_salesperson = cls.env["res.users"].create(
            {
                "name": "SDR other salesperson",
                "login": "sdr_other_salesperson",
                "tz": cls.TIME_ZONE,
                "lang": "en_US",
                "group_ids": [
                    fields.Command.link(
                        cls.env.ref("sales_dept_regulation.group_role_salesperson").id
                    )
                ],
            }
        )
        cls.visit_type = cls.env.ref("sales_dept_regulation.mail_activity_type_customer_visit")
        cls.review_type = cls.env.ref("sales_dept_regulation.mail_activity_type_prospect_review")
        # an A prospect: visited every 14 days, last on 10 June, due on 24 June
        with freeze_time(NOW):
            cls.customer.write(
                {
                    "customer_expected_volume": 60000,
                    "customer_interest_level": "high",
                    "customer_last_visit_date": date(2026, 6, 10),
                }
            )
            cls.customer._recompute_customer_grading()

    def _visit(self, partner, user, day, **vals):
        return (
            self.env["mail.activity"]
            .sudo()
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": partner.id,
                    "activity_type_id": self.visit_type.id,
                    "user_id": user.id,
                    "date_deadline": day,
                    **vals,
                }
            )
        )

    def _visits(self, partner, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", partner.id),
                    ("activity_type_id", "=", self.visit_type.id),
                    ("active", "=", active),
                ]
            )
        )
