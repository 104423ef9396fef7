# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import new_test_user

from .common import MODULE, RegulationCommon


class AccountingCommon(RegulationCommon):
    """Tests whose orders are invoiced and paid: they run in a company with a
    chart of accounts (the current one when it has a sales journal, which the
    database's own company has; else the first that has), and their role users
    belong to it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        journals = cls.env["account.journal"].search([("type", "=", "sale")])
        journal = journals.filtered(lambda j: j.company_id == cls.env.company)[:1] or journals[:1]
        cls.company = journal.company_id
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))

    @classmethod
    def company_user(cls, login, role):
        """A user of the company with the role ``role`` (a group of the addon)."""
        return new_test_user(
            cls.env,
            login=login,
            groups=f"{MODULE}.{role}",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            tz=cls.TIME_ZONE,
        )
