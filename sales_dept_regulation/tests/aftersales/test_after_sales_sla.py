# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""SLA by customer grade (the shipped helpdesk_mgmt_sla rules), a breach
escalated to the Department Head once."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .aftersales_common import AfterSalesCommon

MODULE = "sales_dept_regulation"


@tagged("post_install", "-at_install")
class TestAfterSalesSla(AfterSalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grade_a = cls.env.ref(f"{MODULE}.sale_customer_grade_formal_a")
        cls.grade_d = cls.env.ref(f"{MODULE}.sale_customer_grade_formal_d")
        cls.customer_a = cls.customer.copy({"name": "AS Grade A"})
        cls.customer_d = cls.customer.copy({"name": "AS Grade D"})
        cls.customer_a._grading_engine().write(
            {"customer_stage": "formal", "customer_grade_id": cls.grade_a.id}
        )
        cls.customer_d._grading_engine().write(
            {"customer_stage": "formal", "customer_grade_id": cls.grade_d.id}
        )

    def test_deadline_by_grade(self):
        # created in one transaction: the same start, the deadlines differ by grade
        ticket_a = self.request(partner_id=self.customer_a.id)
        ticket_d = self.request(partner_id=self.customer_d.id)
        prospect = self.request(partner_id=self.orphan.id)
        self.assertEqual(ticket_a.after_sales_grade_id, self.grade_a)
        self.assertEqual(
            set(ticket_a.sla_ids.mapped("name")), {"Grade A: response", "Grade A: resolution"}
        )
        self.assertEqual(
            set(prospect.sla_ids.mapped("name")), {"Prospects: response", "Prospects: resolution"}
        )
        self.assertTrue(ticket_a.sla_deadline)
        self.assertLess(ticket_a.sla_deadline, ticket_d.sla_deadline)
        self.assertLess(ticket_d.sla_deadline, prospect.sla_deadline)

    def test_breach_escalated_once(self):
        ticket = self.request(partner_id=self.customer_a.id)
        on_time = self.request(partner_id=self.orphan.id)
        Ticket = self.env["helpdesk.ticket"]
        escalation = self.env.ref(f"{MODULE}.mail_activity_after_sales_escalation")
        late = ticket.sla_deadline + timedelta(hours=1)
        self.assertLess(late, on_time.sla_deadline)
        with freeze_time(fields.Datetime.to_string(late)):
            Ticket._cron_after_sales_escalate()
            Ticket._cron_after_sales_escalate()
        self.assertTrue(ticket.after_sales_escalated)
        self.assertFalse(on_time.after_sales_escalated)
        activities = ticket.activity_ids.filtered(lambda a: a.activity_type_id == escalation)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.head)
        self.assertFalse(on_time.activity_ids)
