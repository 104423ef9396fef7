# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Whole-system check: install on a new database, uninstall, install again; install in
either order with the modules a company runs beside Sales (issue 22, point 0)."""

import os

import pytest
from figures import report
from host import BRIDGE, CREDIT_BRIDGE, HOST_MODULES, bridge_present
from odoo_cli import ADDON, copy_database, demo_database, drop_database, odoo, query, shell_json


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


def test_install_without_demo_uninstall_and_reinstall(database, bare_template):
    # the install into a new database is the bare template's (conftest.py)
    template, seconds = bare_template
    copy_database(template, database)
    report(f"install of {ADDON} (and its dependencies) into a new database: {seconds:.1f} s")
    assert module_state(database) == ("installed", False)
    assert own_xmlids(database, "res.groups") == 13
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
    assert own_xmlids(database, "res.groups") == 13


# Each company's after-sales set-up, seen as its users see it: its own after-sales and
# technical teams, and the grade SLA rules of its after-sales team on its own grades.
AFTER_SALES_SCRIPT = """
import json
env = env(context={"active_test": False})
if NEW_COMPANY:
    env["res.company"].create({"name": "售后新公司"})
    env.flush_all()
result = {}
for company in env["res.company"].search([]):
    teams = env["helpdesk.ticket.team"].search([("company_id", "=", company.id)])
    after_sales = teams.filtered("is_after_sales")
    slas = env["helpdesk.sla"].search([("team_ids", "in", after_sales.ids)])
    grades = env["sale.customer.grade"].search([("company_id", "=", company.id)])
    result[company.name] = {
        "grades": len(grades),
        "after_sales": len(after_sales),
        "technical": len(teams.filtered("is_technical")),
        "slas": len(slas),
        "sla_companies": sorted(set(slas.company_id.ids) - {company.id}),
    }
print("AFTERSALES " + json.dumps(result))
"""


def check_after_sales_in_every_company(database):
    """Every company with grades, the demo company and one created after the install
    among them, has its after-sales and technical teams and its SLA rules (issue 23)."""
    script = "NEW_COMPANY = True\n" + AFTER_SALES_SCRIPT
    companies = shell_json(database, script, "AFTERSALES")
    assert "苏州健士医疗器械有限公司" in companies and "售后新公司" in companies, companies
    for name, company in companies.items():
        if not company["grades"]:
            continue  # a company without the regulations' grades has nothing to serve
        assert company["after_sales"] >= 1, f"{name} has no after-sales team"
        assert company["technical"] >= 1, f"{name} has no technical team"
        assert company["slas"] >= 1, f"{name} has no SLA rule"
        assert not company["sla_companies"], f"{name}'s SLA rules belong to another company"
    assert companies["售后新公司"]["grades"], "a company made after the install has no grades"
    # every company alike: as many SLA rules as the install company's
    assert len({c["slas"] for c in companies.values() if c["grades"]}) == 1, companies


def installed(db, *modules):
    rows = query(db, "SELECT name, state FROM ir_module_module WHERE name IN %s", [modules])
    return {name for name, state in rows if state == "installed"}


def test_install_with_demo_then_inventory_crm_purchase_mrp(database):
    """The demo database (the template the suite copies: the addon installed with its
    demo data and Chinese), then the host's modules installed after the addon."""
    demo_database(database)
    assert module_state(database) == ("installed", True)
    # one demo user per role (issue 23: R&D and Technical Staff too)
    assert own_xmlids(database, "res.users") == 9
    logins = {row[0] for row in query(database, "SELECT login FROM res_users")}
    assert {
        "zhangwei",
        "chenjing",
        "zhaoqiang",
        "wangfang",
        "lina",
        "liuyang",
        "sunlei",
        "zhoujie",
        "liqiang",
    } <= logins
    check_after_sales_in_every_company(database)
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

    # Inventory on the demo database: stock gives a warehouse to the first company
    # only, sale_stock then refused the demo company's confirmed orders of goods
    seconds, _ = odoo(
        "-d", database, "-i", ",".join(HOST_MODULES), "--stop-after-init", "--log-level=warn"
    )
    report(f"{','.join(HOST_MODULES)} installed after the addon (demo data): {seconds:.1f} s")
    assert installed(database, ADDON, *HOST_MODULES) == {ADDON, *HOST_MODULES}
    if bridge_present():
        assert installed(database, BRIDGE) == {BRIDGE}, f"{BRIDGE} not auto-installed"
    warehouses = query(
        database,
        """SELECT count(*) FROM stock_warehouse w
             JOIN ir_model_data d ON d.res_id = w.company_id AND d.model = 'res.company'
            WHERE d.module = %s AND d.name = 'company_demo_jianshi'""",
        [ADDON],
    )
    assert warehouses == [(1,)], "the demo company has no warehouse"
    # the demo company's confirmed orders got it
    assert not query(
        database,
        """SELECT o.name FROM sale_order o
             JOIN ir_model_data d ON d.res_id = o.company_id AND d.model = 'res.company'
            WHERE d.module = %s AND d.name = 'company_demo_jianshi'
              AND o.state = 'sale' AND o.warehouse_id IS NULL""",
        [ADDON],
    )


def test_install_on_a_database_running_inventory_crm_purchase_mrp(host):
    """The addon installed on a company's Odoo that already runs CRM, Inventory with
    delivery, Purchase and Manufacturing (the host database of host.py)."""
    assert not host.install_error, (
        f"{ADDON} does not install after {','.join(HOST_MODULES)}:\n{host.install_error}"
    )
    report(
        f"{ADDON} installed on a database running {','.join(HOST_MODULES)}: "
        f"{host.addon_seconds:.1f} s"
    )
    db = host.with_addon
    assert module_state(db) == ("installed", False)
    assert installed(db, *HOST_MODULES) == set(HOST_MODULES)
    assert own_xmlids(db, "res.groups") == 13
    if bridge_present():
        assert installed(db, BRIDGE) == {BRIDGE}, f"{BRIDGE} not auto-installed"
    # the host runs OCA's financial risk: the credit bridge comes with the addon
    assert installed(db, CREDIT_BRIDGE) == {CREDIT_BRIDGE}, f"{CREDIT_BRIDGE} not auto-installed"
