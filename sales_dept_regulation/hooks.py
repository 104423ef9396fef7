# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def uninstall_hook(env):
    """Drop the SQL function of the customer order figures (created by its model's init())."""
    env.cr.execute("DROP FUNCTION IF EXISTS sale_customer_order_stats_add")
