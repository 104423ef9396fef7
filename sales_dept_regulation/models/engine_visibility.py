# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Rows of the engines' models that point at a record by model name and id (tier
reviews, followers): those of the addon's records are readable only by who may
read that record; the rows of other records are left as core and OCA have them.

The record rules on those models (security/engine_rules.xml) evaluate their
domains as superuser, so both the search and the value below read the record as
the user herself (``env(su=False)``, same uid)."""

from odoo.fields import Domain

# the addon's documents with a chatter: their followers follow them
FOLLOWED_MODELS = (
    "sale.conduct.fine",
    "sale.conduct.rule",
    "sale.sample.request",
    "sale.mould.fee.rule",
    "sale.market.budget",
    "sale.contract.template",
    "sale.customer.grade",
    "sale.archive.document",
    "sale.archive.loan",
    "sale.plan",
)
# the addon's models under tier validation; the reviews of sales orders are the
# addon's when their tier is one of the regulations' (sdr_applies_to)
REVIEWED_MODELS = (
    "sale.sample.request",
    "sale.archive.document",
    "sale.archive.loan",
    "sale.plan",
)


def _readable_ids(env, name, ids):
    records = env(su=False)[name]
    if not ids or not records.has_access("read"):
        return set()
    return set(records.browse(ids)._filtered_access("read").ids)


def readable_domain(rows, model_field, models, operator, value, orders=False):
    """The search method of ``sdr_parent_readable`` on ``rows``' model, whose
    ``model_field`` names a row's model and ``res_id`` its record; with
    ``orders``, the rows of sales orders of the regulations' tiers too."""
    if operator not in ("in", "="):
        return NotImplemented
    positive = bool(value) if operator == "=" else True in value
    user_env = rows.env(su=False)
    names = list(models)
    ours_on_orders = Domain.FALSE
    if orders:
        ours_on_orders = Domain(model_field, "=", "sale.order") & Domain(
            "definition_id.sdr_applies_to", "!=", False
        )
        names.append("sale.order")
    domain = Domain(model_field, "not in", list(models)) & ~ours_on_orders
    for name in names:
        records = user_env[name]
        if records.has_access("read"):
            domain |= Domain(model_field, "=", name) & Domain("res_id", "in", records._search([]))
    return domain if positive else ~domain


def compute_readable(rows, model_field, models, orders=False):
    """The value of ``sdr_parent_readable`` on ``rows``."""

    def ours(row):
        name = row[model_field]
        return name in models or (
            orders and name == "sale.order" and row.definition_id.sdr_applies_to
        )

    governed = rows.filtered(ours)
    readable = {
        name: _readable_ids(
            rows.env, name, {row.res_id for row in governed if row[model_field] == name}
        )
        for name in set(governed.mapped(model_field))
    }
    for row in rows:
        row.sdr_parent_readable = row not in governed or row.res_id in readable[row[model_field]]
