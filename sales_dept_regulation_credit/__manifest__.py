# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Sales Department Regulation - Credit",
    "summary": "Credit before the contract on OCA's financial risk: credit assessments "
    "of customers, valid for a company-set number of months; a contract goes to its "
    "signers only within the customer's credit, or with the General Manager's exception",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "license": "AGPL-3",
    "author": "The sales_dept_regulation Authors",
    "development_status": "Alpha",
    "website": "https://github.com/sales-dept-regulation/sales_dept_regulation",
    # a bridge, so that the addon alone leaves OCA's financial risk (and its check
    # at every confirmation) to the companies that chose it
    "depends": ["sales_dept_regulation", "sale_financial_risk"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_credit_rules.xml",
        "data/tier_definition_data.xml",
        "views/sale_credit_exception_wizard_views.xml",
        "views/sale_credit_assessment_views.xml",
        "views/sale_credit_exception_views.xml",
        "views/sale_order_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/credit_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_dept_regulation_credit/static/tests/tours/**/*.js",
        ],
    },
    "auto_install": True,
}
