# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_after_sales_flow
from . import test_after_sales_guard
from . import test_after_sales_sla
from . import test_after_sales_report
from . import test_after_sales_tour
from . import test_after_sales_trust
from . import test_after_sales_companies
from . import test_after_sales_tiles
from . import test_ticket_query_cost
