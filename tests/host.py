# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""A company's Odoo as it is: the host's own modules, installed before the addon.

One database (the host template) gets the addon's dependencies, the modules a company
runs beside Sales (CRM, Inventory with delivery, Purchase, Manufacturing) and the OCA
tier validations of the compatibility check, without demo data. A copy of it then gets
the addon: the install-cycle test checks that this order works, the compatibility check
runs the host's own tests on it (and, for its baseline, on the host template itself).
"""

import ast
import os
import time

from odoo_cli import ADDON, copy_database, drop_database, odoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# what a company runs beside Sales (issue 22, point 0)
HOST_MODULES = ("crm", "sale_stock", "stock_delivery", "purchase", "mrp")
# the OCA tier validations whose tests the compatibility check runs too
OCA_MODULES = (
    "purchase_tier_validation",
    "account_move_tier_validation",
    "base_tier_validation_forward",
    # OCA's financial risk, which the credit bridge installs with
    "account_financial_risk",
    "sale_financial_risk",
)
# the addon's bridge to Inventory (auto_install with sale_stock), once it is merged
BRIDGE = f"{ADDON}_stock"
# the addon's bridge to OCA's financial risk (auto_install with sale_financial_risk)
CREDIT_BRIDGE = f"{ADDON}_credit"


def addon_dependencies():
    with open(os.path.join(ROOT, ADDON, "__manifest__.py")) as manifest:
        return tuple(ast.literal_eval(manifest.read())["depends"])


def host_modules():
    return (*addon_dependencies(), *HOST_MODULES, *OCA_MODULES)


def bridge_present():
    return os.path.isfile(os.path.join(ROOT, BRIDGE, "__manifest__.py"))


def build_host_template(dbname):
    """dbname with the host's modules, without the addon; returns the seconds."""
    drop_database(dbname)
    seconds, _ = odoo(
        "-d",
        dbname,
        "-i",
        ",".join(host_modules()),
        "--without-demo",
        "--stop-after-init",
        "--log-level=warn",
        timeout=2400,
    )
    return seconds


class Host:
    """The host template and a copy of it with the addon installed after the host's modules
    (``install_error`` holds why that install failed, if it did)."""

    def __init__(self, template, with_addon):
        self.template, self.with_addon = template, with_addon
        self.template_seconds = build_host_template(template)
        copy_database(template, with_addon)
        start = time.monotonic()
        try:
            odoo(
                "-d",
                with_addon,
                "-i",
                ADDON,
                "--without-demo",
                "--stop-after-init",
                "--log-level=warn",
            )
            self.install_error = None
        except AssertionError as error:
            self.install_error = str(error)
        self.addon_seconds = time.monotonic() - start

    def drop(self):
        drop_database(self.template)
        drop_database(self.with_addon)
