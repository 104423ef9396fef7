# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from ...models.grading.res_partner import GRADING_ENGINE_PASS
from ..common import MODULE, RegulationCommon


class SampleCommon(RegulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rd_user = new_test_user(
            cls.env, login="sdr_rd", name="SDR R&D", groups=f"{MODULE}.group_role_rd_engineer"
        )
        cls.salesperson = cls.role_users["salesperson"]
        cls.head = cls.role_users["department_head"]
        cls.company = cls.env.company
        for user in cls.role_users.values():
            user.tz = "UTC"
        cls.rd_user.tz = "UTC"
        cls.Request = cls.env["sale.sample.request"]
        cls.Budget = cls.env["sale.market.budget"]
        cls.product = cls.env["product.product"].create({"name": "Sample Bottle", "type": "consu"})
        cls.today = fields.Date.context_today(cls.Request)

    @classmethod
    def _grade(cls, cell):
        return cls.env.ref(f"{MODULE}.sale_customer_grade_{cell}")

    @classmethod
    def _customer(cls, name, stage, grade=None, user=None):
        partner = cls.env["res.partner"].create(
            {"name": name, "user_id": (user or cls.role_users["salesperson"]).id}
        )
        partner.sudo().with_context(sdr_grading_engine=GRADING_ENGINE_PASS).write(
            {"customer_stage": stage, "customer_grade_id": grade.id if grade else False}
        )
        return partner

    def _request(self, partner, user=None, **vals):
        values = {
            "partner_id": partner.id,
            "product_id": self.product.id,
            "quantity": 10,
            "shape_dimensions": "Round, 50 x 120 mm",
            "physical_properties": "PET, 0.3 mm wall",
            "function_requirements": "Holds 250 ml",
            "delivery_date": fields.Date.to_string(self.today + timedelta(days=30)),
            "mould_needed": True,
            "mould_cost": 1000.0,
        }
        values.update(vals)
        return self.Request.with_user(user or self.salesperson).create(values)

    def _budget(self, amount, **vals):
        values = {
            "period_type": "month",
            "date_from": self.today.replace(day=1),
            "amount": amount,
        }
        values.update(vals)
        return self.Budget.create(values)
