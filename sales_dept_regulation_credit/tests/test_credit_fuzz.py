# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The addon's fuzz test (random values and ids through plain create, write and the
actions, as every role) on the bridge's models and fields."""

import os

from odoo.tests import tagged

from odoo.addons.sales_dept_regulation.models.contract.tier_review import as_engine

# the module, not the class: a test class imported by name would run here twice
from odoo.addons.sales_dept_regulation.tests import test_fuzz
from odoo.addons.sales_dept_regulation.tests.common import MODULE

BRIDGE = "sales_dept_regulation_credit"
ALL_ROLES = test_fuzz.ALL_ROLES


@tagged("post_install", "-at_install")
class TestCreditFuzz(test_fuzz.TestFuzz):
    covered_modules = frozenset({BRIDGE})
    own_modules = frozenset({MODULE, BRIDGE})
    code_dirs = (
        test_fuzz.ADDON_DIR,
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep,
    )

    def specs(self):
        # the calls on the models the bridge defines or extends only
        covered = set(self.addon_models())
        return [spec for spec in super().specs() if spec[0] in covered]

    def _bridge_specs(self, create, write, action, wizard):
        # a draft and a submitted assessment, a contract and its requested exception
        Assessment = self.env["sale.credit.assessment"]
        assessment_base = {"partner_id": self.partner.id, "rating": "b", "credit_limit": 100}
        draft = Assessment.create(assessment_base)
        submitted = Assessment.create(assessment_base)
        submitted.with_user(self.clerk).action_submit()
        order = self._order_cls()
        exception = as_engine(self.env["sale.credit.exception"].sudo()).create(
            {"order_id": order.id, "reason": "Fuzz", "problem": "missing", "amount_total": 1}
        )
        assessment_fields = self.own_fields("sale.credit.assessment")
        exception_fields = self.own_fields("sale.credit.exception")
        return [
            (
                "sale.credit.assessment",
                "create",
                ALL_ROLES,
                create("sale.credit.assessment", assessment_fields, assessment_base),
            ),
            (
                "sale.credit.assessment",
                "write",
                ALL_ROLES,
                write(draft, assessment_fields),
            ),
            (
                "sale.credit.assessment",
                "action_approve",
                ALL_ROLES,
                action(submitted, "action_approve"),
            ),
            (
                "sale.credit.exception",
                "create",
                ALL_ROLES,
                create("sale.credit.exception", exception_fields, {"order_id": order.id}),
            ),
            (
                "sale.credit.exception",
                "write",
                ALL_ROLES,
                write(exception, exception_fields),
            ),
            (
                "sale.credit.exception",
                "validate_tier",
                ALL_ROLES,
                action(exception, "validate_tier"),
            ),
            (
                "sale.credit.exception.wizard",
                "create+request",
                ALL_ROLES,
                wizard(
                    "sale.credit.exception.wizard",
                    ["order_id", "reason"],
                    {"order_id": order.id, "reason": "x"},
                    "action_request",
                ),
            ),
        ]
