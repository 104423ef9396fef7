from . import models
from . import report
from . import wizard


def uninstall_hook(env):
    """Drop the SQL function of the customer order figures (created by its model's init())."""
    env.cr.execute("DROP FUNCTION IF EXISTS sale_customer_order_stats_add")
