# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Whole-system check: install on new databases, uninstall, install again."""

import os

import pytest
from figures import report
from odoo_cli import drop_database, odoo, query

ADDON = "sales_dept_regulation"


def module_state(db):
    rows = query(db, "SELECT state, demo FROM ir_module_module WHERE name = %s", [ADDON])
    return rows[0] if rows else (None, None)


def own_xmlids(db, model):
    return query(
        db, "SELECT count(*) FROM ir_model_data WHERE module = %s AND model = %s", [ADDON, model]
    )[0][0]


@pytest.fixture
def database(request):
    name = f"sdr_cycle_{request.node.name[-20:]}_{os.getpid()}"
    drop_database(name)
    yield name
    drop_database(name)


def test_install_without_demo_uninstall_and_reinstall(database):
    seconds, _ = odoo("-d", database, "-i", ADDON, "--stop-after-init", "--without-demo")
    report(f"install of {ADDON} (and its dependencies) into a new database: {seconds:.1f} s")
    assert module_state(database) == ("installed", False)
    assert own_xmlids(database, "res.groups") == 12
    assert own_xmlids(database, "res.users") == 0, "demo users loaded without demo data"

    odoo("module", "uninstall", "-d", database, ADDON)
    assert module_state(database)[0] == "uninstalled"
    assert own_xmlids(database, "res.groups") == 0
    assert own_xmlids(database, "ir.ui.menu") == 0
    assert not query(
        database, "SELECT 1 FROM pg_proc WHERE proname = 'sale_customer_order_stats_add'"
    ), "the SQL function of the order figures survived the uninstall"
    # standard Odoo keeps working: the admin still holds the sales rights
    assert (
        query(
            database,
            """SELECT count(*) FROM res_groups_users_rel r
             JOIN ir_model_data d ON d.res_id = r.gid AND d.model = 'res.groups'
            WHERE d.module = 'sales_team' AND d.name = 'group_sale_manager' AND r.uid = 2""",
        )[0][0]
        == 1
    )

    odoo("module", "install", "-d", database, ADDON)
    assert module_state(database) == ("installed", False)
    assert own_xmlids(database, "res.groups") == 12


def test_install_with_demo(database):
    odoo("-d", database, "-i", ADDON, "--stop-after-init", "--with-demo")
    assert module_state(database) == ("installed", True)
    assert own_xmlids(database, "res.users") == 7
    logins = {row[0] for row in query(database, "SELECT login FROM res_users")}
    assert {"zhangwei", "chenjing", "zhaoqiang", "wangfang", "lina", "liuyang", "sunlei"} <= logins
    # the demo users work in the Chinese demo company; the main company keeps its currency
    currencies = query(
        database,
        """SELECT DISTINCT cur.name, main_cur.name
             FROM res_users u
             JOIN res_company c ON c.id = u.company_id
             JOIN res_currency cur ON cur.id = c.currency_id,
                  ir_model_data main
             JOIN res_company mc ON mc.id = main.res_id
             JOIN res_currency main_cur ON main_cur.id = mc.currency_id
            WHERE u.login IN ('wangfang', 'sunlei')
              AND main.module = 'base' AND main.name = 'main_company'""",
    )
    assert currencies == [("CNY", "USD")]
