# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

# the archive's models with approvals (their tier reviews and followers follow
# them: models/engine_visibility.py)
ARCHIVE_MODELS = ("sale.archive.document", "sale.archive.loan")
