# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user

from ..common import MODULE, RegulationCommon

# a stroke drawn on a transparent pad, as the signature widget sends it
SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAADwAAAAUCAQAAAB7CpaiAAAAgklEQVR42u2VwQrAIAxDff//0d1lB4ezxBoQxgreTNJgTVv7673iPr"
    "ZCll1D5GwoNFFsNucDWRaD79AIRqE96d5EAo+JRE18QFEYptgYTjJgCLS6+OQmbkLVBMteTU+Ce2hUExS9bn87LIH4ZJBM9B06olCO"
    "VvrgNmww3yo5vT6/UxcueSoKsiXS9gAAAABJRU5ErkJggg=="
)
# the same pad, left blank
BLANK_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


class ContractCommon(RegulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "sdr_phone_order_rule": False,
                "sdr_below_price_rule": False,
                "sdr_contract_amount_threshold": 0.0,
                "sdr_contract_auto_confirm": False,
                "sdr_contract_required_field_ids": [Command.clear()],
            }
        )
        for user in cls.role_users.values():
            user.lang = "en_US"
        cls.salesperson = cls.role_users["salesperson"]
        cls.department_head = cls.role_users["department_head"]
        cls.deputy_gm = cls.role_users["deputy_general_manager"]
        cls.general_manager = cls.role_users["general_manager"]
        cls.clerk = cls.role_users["sales_clerk"]
        cls.partner = cls.env["res.partner"].create({"name": "Contract Customer Ltd"})
        cls.product = cls.env["product.product"].create(
            {"name": "Steel Mould", "list_price": 115.0, "taxes_id": [Command.clear()]}
        )
        cls.payment_term = cls.env["account.payment.term"].create({"name": "30 days net"})
        cls.tier_dh = cls.env.ref(f"{MODULE}.tier_definition_contract_department_head")
        cls.tier_dgm = cls.env.ref(f"{MODULE}.tier_definition_contract_deputy_general_manager")
        cls.tier_gm = cls.env.ref(f"{MODULE}.tier_definition_contract_general_manager")

    def _order(self, contract=True, qty=1.0, price=None, user=None, **vals):
        line = {"product_id": self.product.id, "product_uom_qty": qty}
        if price is not None:
            line["price_unit"] = price
        values = {
            "partner_id": self.partner.id,
            "user_id": self.salesperson.id,
            "is_contract": contract,
            "order_line": [Command.create(line)],
        }
        if contract:
            values.update(
                client_order_ref="HT-2026-001",
                payment_term_id=self.payment_term.id,
                commitment_date=datetime(2026, 12, 1, 8, 0),
                sdr_delivery_method="own",
            )
        values.update(vals)
        return self.env["sale.order"].with_user(user or self.salesperson).create(values)

    def _sign(self, order, user, comment=False, signature=SIGNATURE_PNG):
        """Sign as the UI does: the Sign button opens the signing dialog."""
        action = order.with_user(user).validate_tier()
        self.assertEqual(action["res_model"], "sale.contract.sign.wizard")
        wizard = (
            self.env["sale.contract.sign.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment, "sdr_signature": signature})
        )
        wizard.add_comment()

    def _reject(self, order, user, reason):
        action = order.with_user(user).reject_tier()
        wizard = (
            self.env["sale.contract.sign.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": reason})
        )
        wizard.add_comment()

    def _restart(self, order, user, reason="The customer changed the quantity"):
        """Restart as the UI does: the button opens the dialog asking why."""
        action = order.with_user(user).restart_validation()
        self.assertEqual(action["res_model"], "sale.contract.sign.wizard")
        self.assertEqual(action["context"]["default_validate_reject"], "restart")
        wizard = (
            self.env["sale.contract.sign.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": reason})
        )
        return wizard.add_comment()


def new_role_user(env, login, *role_xmlids):
    return new_test_user(
        env,
        login=login,
        lang="en_US",
        groups=",".join(f"{MODULE}.{xmlid}" for xmlid in role_xmlids),
    )
