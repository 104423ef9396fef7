# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Sales Department Regulation - Phone Calls",
    "summary": "The telemarketer's call log on OCA's phone calls: the customer's source, "
    "the result and the follow-up of every call, next-day quotations from a call, "
    "telemarketing KPIs per telemarketer and month",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "license": "AGPL-3",
    "author": "The sales_dept_regulation Authors",
    "development_status": "Alpha",
    "website": "https://github.com/sales-dept-regulation/sales_dept_regulation",
    "depends": ["sales_dept_regulation", "crm_phonecall"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_phonecall_rules.xml",
        "security/sale_telemarketing_kpi_rules.xml",
        "data/utm_source_data.xml",
        "views/crm_phonecall_views.xml",
        "views/sale_order_views.xml",
        "views/sale_telemarketing_kpi_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/crm_phonecall_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_dept_regulation_phonecall/static/tests/tours/**/*.js",
        ],
    },
    "auto_install": True,
}
