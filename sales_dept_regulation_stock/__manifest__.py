# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Sales Department Regulation - Inventory",
    "summary": "Effective contracts delivered through Inventory: what the warehouse "
    "adds and a carrier's real freight are refused before the delivery is validated, "
    "unless the contract is being amended",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "license": "AGPL-3",
    "author": "The sales_dept_regulation Authors",
    "development_status": "Alpha",
    "website": "https://github.com/sales-dept-regulation/sales_dept_regulation",
    "depends": ["sales_dept_regulation", "sale_stock"],
    "auto_install": True,
}
