# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_archive_access
from . import test_archive_loan
from . import test_archive_filing
from . import test_archive_retention
from . import test_archive_tour
from . import test_archive_scan
from . import test_archive_four_eyes
from . import test_archive_trust
from . import test_archive_role_tours
from . import test_archive_request_paths
from . import test_archive_label
from . import test_archive_tiles
from . import test_confidential_mail
