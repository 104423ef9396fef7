# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# ruff: noqa: F821 - run by `odoo shell` (env is its global), fed on standard input

"""Prepare one load database and print the ids the simulated users work with.

The same plain Sales users load_NN (password = login) in both databases: Sales / User:
Own Documents Only and Helpdesk user, no role of the addon, in the main company; the
same customers and products (the base and product demo records, by their xmlids).
With the addon, also the ids of the department's mix, taken from the addon's demo data.
Prints one line FIXTURES=<json>.
"""

import json
import os

from odoo import Command

users = int(os.environ.get("SDR_LOAD_USERS", "50"))
company = env.ref("base.main_company")
groups = [
    env.ref("sales_team.group_sale_salesman").id,
    env.ref("helpdesk_mgmt.group_helpdesk_user_own").id,
]
logins = [f"load_{number:02d}" for number in range(1, users + 1)]
existing = set(
    env["res.users"]
    .with_context(active_test=False)
    .search([("login", "in", logins)])
    .mapped("login")
)
env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True).create(
    [
        {
            "name": f"Load User {login[5:]}",
            "login": login,
            "password": login,
            "lang": "zh_CN",
            "tz": "Asia/Shanghai",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "group_ids": [Command.set(groups)],
        }
        for login in logins
        if login not in existing
    ]
)


def demo_ids(module, model, domain=()):
    names = env["ir.model.data"].search([("module", "=", module), ("model", "=", model)])
    records = env[model].browse(names.mapped("res_id")).exists().filtered_domain(list(domain))
    return sorted(records.ids)


fixtures = {
    "db": env.cr.dbname,
    "load_logins": logins,
    "customers": demo_ids(
        "base",
        "res.partner",
        [
            ("is_company", "=", True),
            ("company_id", "=", False),
            ("id", "not in", env["res.company"].search([]).partner_id.ids),
        ],
    ),
    "products": demo_ids(
        "product",
        "product.product",
        [("sale_ok", "=", True), ("type", "=", "consu"), ("company_id", "=", False)],
    ),
}
assert fixtures["customers"] and fixtures["products"], fixtures

# the department's mix needs the addon's demo data: a database that installed the
# addon without it (a company's own data, the fairest lane for the standard mix)
# gets the standard fixtures only
if env.ref("sales_dept_regulation.sale_order_demo_contract", raise_if_not_found=False):
    ref = env.ref
    module = "sales_dept_regulation"
    contract = ref(f"{module}.sale_order_demo_contract")
    sample = ref(f"{module}.sale_sample_request_demo_submitted")
    ticket = ref(f"{module}.helpdesk_ticket_demo_to_confirm")
    # a loan holds its document until it is returned: a shelf of department-level
    # documents, so that simultaneous borrowers seldom ask for the same one
    policy = ref(f"{module}.archive_document_demo_policy")
    shelf = env["sale.archive.document"].search([("title", "=like", "Load shelf %")])
    shelf |= env["sale.archive.document"].create(
        [
            {
                "company_id": policy.company_id.id,
                "category_id": policy.category_id.id,
                "title": f"Load shelf {number:02d}",
                "cabinet": "L",
                "shelf": "1",
                "box": str(number),
            }
            for number in range(len(shelf) + 1, 61)
        ]
    )
    fixtures["department"] = {
        "logins": {
            role: ref(f"{module}.user_demo_{role}").login
            for role in (
                "salesperson",
                "telemarketer",
                "sales_clerk",
                "department_head",
                "deputy_general_manager",
                "general_manager",
            )
        },
        "contract": {
            "partner_id": contract.partner_id.id,
            "is_contract": True,
            "sdr_order_channel": contract.sdr_order_channel or "visit",
            "sdr_delivery_method": contract.sdr_delivery_method or "own",
            "payment_term_id": contract.payment_term_id.id,
        },
        "contract_product": contract.order_line[:1].product_id.id,
        # contracts spread over the salesperson's customers, as a department's are:
        # every message on an order makes Odoo's portal rewrite its customer's
        # signup type, so one customer for every contract is one hot row
        "contract_customers": env["res.partner"]
        .with_user(ref(f"{module}.user_demo_salesperson"))
        .search(
            [("is_company", "=", True), ("customer_rank", ">", 0)],
            limit=10,
        )
        .ids
        or [contract.partner_id.id],
        "fine": {
            "employee_id": ref(f"{module}.hr_employee_demo_salesperson").id,
            "rule_id": ref(f"{module}.conduct_rule_speakerphone").id,
        },
        "loan_documents": shelf.ids,
        "sample": {
            "partner_id": sample.partner_id.id,
            "product_description": sample.product_description,
            "quantity": sample.quantity,
            "shape_dimensions": sample.shape_dimensions,
            "physical_properties": sample.physical_properties,
            "function_requirements": sample.function_requirements,
            "sample_fee": sample.sample_fee,
        },
        "after_sales": {
            "partner_id": ticket.partner_id.id,
            "after_sales_phone": ticket.after_sales_phone,
            "category_id": ticket.category_id.id,
            "description": ticket.description,
        },
        "dashboard_action": f"{module}.sale_regulation_dashboard_tile_action",
    }
env.cr.commit()
print("FIXTURES=" + json.dumps(fixtures))
