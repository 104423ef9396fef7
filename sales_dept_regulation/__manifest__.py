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
    "depends": ["sale", "hr", "report_xlsx"],
    "data": [
        "security/sales_dept_regulation_groups.xml",
        "security/ir.model.access.csv",
        "security/sale_conduct_fine_rules.xml",
        "data/ir_sequence_data.xml",
        "data/sale_conduct_rule_data.xml",
        "report/ir_actions_report.xml",
        "wizard/sale_conduct_fine_reason_wizard_views.xml",
        "wizard/sale_conduct_fine_report_wizard_views.xml",
        "views/res_groups_views.xml",
        "views/sale_conduct_rule_views.xml",
        "views/sale_conduct_fine_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
        "demo/hr_employee_demo.xml",
        "demo/sale_conduct_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_dept_regulation/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
