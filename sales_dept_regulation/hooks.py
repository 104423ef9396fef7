# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from .models.plan.sale_plan_achievement import INVOICE_USER_INDEX


def post_init_hook(env):
    """The companies that exist before the install get the configuration the
    addon ships per company, as a company created later does. The data files
    gave it to the company the install ran in; a company with grades already
    (e.g. the demo company, created by the data) is left as it is."""
    companies_with_grades = (
        env["sale.customer.grade"].with_context(active_test=False).search([]).company_id
    )
    (env["res.company"].search([]) - companies_with_grades)._regulation_setup_defaults()


def uninstall_hook(env):
    """Drop the SQL function of the customer order figures and the index on the
    invoices' salesperson (created by their models' init())."""
    env.cr.execute("DROP FUNCTION IF EXISTS sale_customer_order_stats_add")
    env.cr.execute(f"DROP INDEX IF EXISTS {INVOICE_USER_INDEX}")
