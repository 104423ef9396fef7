# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Rows of the engines' models (tier reviews, followers) that point at an
archive record by model name and id: readable only by who may read that
record. The record rules on those models evaluate their domains as superuser,
so both the search and the value below read the archive as the user herself
(``env(su=False)``, same uid)."""

from odoo.fields import Domain

ARCHIVE_MODELS = ("sale.archive.document", "sale.archive.loan")


def readable_archive_domain(model, model_field, operator, value):
    """The search method of ``sdr_archive_readable`` on ``model``, whose
    ``model_field`` names the row's model and ``res_id`` its record."""
    if operator not in ("in", "="):
        return NotImplemented
    positive = bool(value) if operator == "=" else True in value
    user_env = model.env(su=False)
    domain = Domain(model_field, "not in", ARCHIVE_MODELS)
    for name in ARCHIVE_MODELS:
        archive = user_env[name]
        if archive.has_access("read"):
            domain |= Domain(model_field, "=", name) & Domain("res_id", "in", archive._search([]))
    return domain if positive else ~domain


def compute_readable_archive(records, model_field):
    """The value of ``sdr_archive_readable`` on ``records``."""
    user_env = records.env(su=False)
    readable = {}
    for name in ARCHIVE_MODELS:
        ids = {row.res_id for row in records if row[model_field] == name and row.res_id}
        archive = user_env[name]
        readable[name] = (
            set(archive.browse(ids)._filtered_access("read").ids)
            if ids and archive.has_access("read")
            else set()
        )
    for row in records:
        name = row[model_field]
        row.sdr_archive_readable = name not in ARCHIVE_MODELS or row.res_id in readable[name]
