# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from contextlib import contextmanager

from odoo import Command
from odoo.tests import new_test_user

from ..common import MODULE, RegulationCommon


class ConductCommon(RegulationCommon):
    """An org chart: GM office (GM, deputy) above the sales department (head, staff)."""

    @classmethod
    def default_env_context(cls):
        # keep tracking on: the tests assert on the chatter
        return {"no_reset_password": True, "mail_create_nolog": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]
        users = cls.role_users
        cls.gm_employee = Employee.create({"name": "GM", "user_id": users["general_manager"].id})
        cls.dept_top = Department.create({"name": "GM Office", "manager_id": cls.gm_employee.id})
        cls.deputy_employee = Employee.create(
            {
                "name": "Deputy",
                "user_id": users["deputy_general_manager"].id,
                "department_id": cls.dept_top.id,
                "parent_id": cls.gm_employee.id,
            }
        )
        cls.head_employee = Employee.create(
            {
                "name": "Head",
                "user_id": users["department_head"].id,
                "parent_id": cls.deputy_employee.id,
            }
        )
        cls.dept_sales = Department.create(
            {
                "name": "Sales",
                "parent_id": cls.dept_top.id,
                "manager_id": cls.head_employee.id,
            }
        )
        cls.head_employee.department_id = cls.dept_sales
        cls.head_employee.parent_id = cls.deputy_employee
        cls.sales_employee = Employee.create(
            {
                "name": "Seller",
                "user_id": users["salesperson"].id,
                "department_id": cls.dept_sales.id,
                "parent_id": cls.head_employee.id,
            }
        )
        cls.tele_employee = Employee.create(
            {
                "name": "Caller",
                "user_id": users["telemarketer"].id,
                "department_id": cls.dept_sales.id,
                "parent_id": cls.head_employee.id,
            }
        )
        cls.dept_other = Department.create({"name": "Warehouse"})
        cls.other_employee = Employee.create(
            {"name": "Storekeeper", "department_id": cls.dept_other.id}
        )
        cls.rule_neglect = cls.env.ref(f"{MODULE}.conduct_rule_neglect_customer")
        cls.rule_late = cls.env.ref(f"{MODULE}.conduct_rule_late")
        cls.rule_speaker = cls.env.ref(f"{MODULE}.conduct_rule_speakerphone")
        cls.rule_leak = cls.env.ref(f"{MODULE}.conduct_rule_leak")
        cls.head = users["department_head"]
        cls.gm = users["general_manager"]
        # the only General Manager of the company: not the demo one
        cls.roles["general_manager"].user_ids = [Command.set(cls.gm.ids)]
        # exporting is a right of its own in Odoo; the record rules still apply
        export = cls.env.ref("base.group_allow_export")
        for user in users.values():
            user.group_ids |= export

    @classmethod
    def make_user(cls, login, groups, **kwargs):
        return new_test_user(cls.env, login=login, groups=groups, **kwargs)

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (which rolls back to a savepoint) and check the message."""
        with self.assertRaises(exception) as catcher:
            yield
        self.assertIn(text, str(catcher.exception))

    def fine(self, rule, employee=None, user=None, **vals):
        """A draft fine recorded by the Department Head (or ``user``)."""
        return (
            self.env["sale.conduct.fine"]
            .with_user(user or self.head)
            .create(
                {
                    "employee_id": (employee or self.sales_employee).id,
                    "rule_id": rule.id,
                    **vals,
                }
            )
        )

    def confirmed(self, rule, employee=None, user=None, **vals):
        fine = self.fine(rule, employee, user=user, **vals)
        fine.action_confirm()
        return fine
