# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
from contextlib import contextmanager

from openpyxl import load_workbook

from odoo.tests import Form, new_test_user

from odoo.addons.base.tests.common import BaseCommon

MODULE = "sales_dept_regulation"

ROLE_XMLIDS = {
    "salesperson": f"{MODULE}.group_role_salesperson",
    "telemarketer": f"{MODULE}.group_role_telemarketer",
    "sales_clerk": f"{MODULE}.group_role_sales_clerk",
    "department_head": f"{MODULE}.group_role_department_head",
    "deputy_general_manager": f"{MODULE}.group_role_deputy_general_manager",
    "general_manager": f"{MODULE}.group_role_general_manager",
    "regulation_admin": f"{MODULE}.group_role_regulation_admin",
}


class RegulationCommon(BaseCommon):
    """Users for every role, made by the tests themselves (not demo data)."""

    # One time zone for every user of a test, the company's: a date the server
    # takes as "today" (a return, a destruction, an activity's deadline) is the
    # user's date, and the test must compare it with the same day. Without it
    # the superuser's demo zone (Europe/Brussels) and the test users' (none,
    # UTC) name different days for an hour each night.
    TIME_ZONE = "Asia/Shanghai"

    @classmethod
    def default_env_context(cls):
        return {**super().default_env_context(), "tz": cls.TIME_ZONE}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = {key: cls.env.ref(xmlid) for key, xmlid in ROLE_XMLIDS.items()}
        cls.role_users = {
            key: new_test_user(
                cls.env,
                login=f"sdr_{key}",
                name=f"SDR {key}",
                groups=xmlid,
            )
            for key, xmlid in ROLE_XMLIDS.items()
        }

    @contextmanager
    def assertRaisesMessage(self, exception, pattern, msg=None):
        """assertRaises, which rolls back to a savepoint (assertRaisesRegex does
        not), and the message matched by the regular expression ``pattern``: a
        method refuses for several reasons, the test names the one it expects."""
        with self.assertRaises(exception, msg=msg) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), pattern)

    def print_month_report(self, model, user, **values):
        """The workbook ``user`` downloads from the monthly report dialog
        ``model``, its fields filled in as she would, in the order given (a
        period before the month it shows)."""
        with Form(self.env[model].with_user(user)) as form:
            for name, value in values.items():
                setattr(form, name, value)
        wizard = form.record
        action = wizard.action_print()
        self.assertEqual(action["report_type"], "xlsx")
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(action["report_name"], wizard.ids, action["data"])
        )
        self.assertEqual(report_type, "xlsx")
        return load_workbook(io.BytesIO(content))
