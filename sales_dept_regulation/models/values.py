# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Checks shared by every capability on the values an RPC client sends to
create() and write(), before any of the addon's code reads them."""

import math

from odoo.exceptions import UserError, ValidationError


def check_values(env, vals_list):
    """Refuse what an RPC client may send instead of a list of field values (a
    string, None, ...) and numbers the ORM cannot round, before any code reads them."""
    if not isinstance(vals_list, (list, tuple)) or not all(
        isinstance(vals, dict) and all(isinstance(name, str) for name in vals) for vals in vals_list
    ):
        raise UserError(env._("Invalid values: expected a dictionary of field values."))
    for vals in vals_list:
        for name, value in vals.items():
            if isinstance(value, float) and not math.isfinite(value):
                raise ValidationError(
                    env._("Invalid value for %(field)s: not a finite number.", field=name)
                )


def strip_defaults(records, allowed):
    """``records`` in a context without the ``default_`` keys of fields a user
    may not set on creation: a client's context never fills a workflow field."""
    context = {
        key: value
        for key, value in records.env.context.items()
        if not (isinstance(key, str) and key.startswith("default_") and key[8:] not in allowed)
    }
    return records.with_env(records.env(context=context))


def set_sequence_numbers(env, vals_list, code):
    """Give each new record of ``vals_list`` without a number ("/" or none) the
    next number of sequence ``code`` in the company it is created in."""
    for vals in vals_list:
        if vals.get("name", "/") == "/":
            company_id = vals.get("company_id")
            company = env["res.company"].browse(company_id) if type(company_id) is int else None
            vals["name"] = (
                env["ir.sequence"].with_company(company or env.company).next_by_code(code) or "/"
            )


def check_rules_as_written(records):
    """The record rules once more, on ``records`` as a write left them: Odoo
    checks a write's rules on the record before it changes, so without this a
    user could move a record where she may not create one (a company she does
    not belong to, another team). Called at the end of ``write``; the
    AccessError rolls the whole request back, so nothing stays half-written."""
    if not records.env.su:
        records.check_access("write")
