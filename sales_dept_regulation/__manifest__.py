# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Sales Department Regulation",
    "summary": "Customer grading, contract signatures, fines, archives and "
    "after-sales rules of a sales department",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "license": "AGPL-3",
    "author": "sales_dept_regulation Authors, Odoo Community Association (OCA)",
    "maintainers": [],
    "development_status": "Alpha",
    "website": "https://github.com/sales-dept-regulation/sales_dept_regulation",
    "depends": ["sale", "sale_tier_validation"],
    "data": [
        "security/sales_dept_regulation_groups.xml",
        "security/ir.model.access.csv",
        "security/sale_contract_rules.xml",
        "data/tier_definition_data.xml",
        "wizard/comment_wizard_views.xml",
        "report/sale_contract_report.xml",
        "views/res_groups_views.xml",
        "views/sale_order_views.xml",
        "views/sale_contract_signature_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
        "demo/sale_contract_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_dept_regulation/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
