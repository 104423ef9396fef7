# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import res_company
from . import res_config_settings
from . import tier_definition
from . import tier_review
from . import sale_archive_approval
from . import sale_archive_category
from . import sale_archive_document
from . import sale_archive_loan
from . import sale_order
from . import res_partner
from . import sale_archive_document_workflow
from . import sale_archive_loan_workflow
from . import mail_message
from . import ir_http
