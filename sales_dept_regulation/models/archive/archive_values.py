# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The archive's checks on the values a client sends, before anything is
written: what PostgreSQL or Python would otherwise refuse with a server error
(a NUL character, an id out of range, a date past year 9999) gets a clear
message in the user's language."""

import base64
import binascii
import io

from PIL import Image

from odoo import fields
from odoo.exceptions import ValidationError

# ids are PostgreSQL integers
MAX_ID = 2**31 - 1
# the signature pad draws a small PNG (a few KB); anything past this is no
# hand-drawn signature, and is refused before it is decoded
MAX_SIGNATURE_CHARS = 150_000


def check_archive_values(model, vals_list):
    """Refuse, for the fields of ``model``: text with a NUL character, a
    many-to-one that is not one existing record, a number the database cannot
    hold, a date that is not one."""
    env = model.env
    for vals in vals_list:
        for name, value in vals.items():
            field = model._fields.get(name)
            if field is None:
                continue
            label = field._description_string(env)
            if isinstance(value, str) and "\x00" in value:
                raise ValidationError(
                    env._("%(field)s contains a character that cannot be stored.", field=label)
                )
            if field.type == "many2one" and value:
                if type(value) is not int or not 0 < value <= MAX_ID:
                    raise ValidationError(
                        env._("Please choose one record for %(field)s.", field=label)
                    )
                if not env[field.comodel_name].sudo().browse(value).exists():
                    raise ValidationError(
                        env._("The record chosen for %(field)s does not exist.", field=label)
                    )
            if (
                field.type == "integer"
                and isinstance(value, int)
                and not -MAX_ID <= value <= MAX_ID
            ):
                raise ValidationError(env._("%(field)s is out of range.", field=label))
            if field.type == "date" and value:
                try:
                    fields.Date.to_date(value)
                except (TypeError, ValueError):
                    raise ValidationError(
                        env._("%(field)s is not a valid date.", field=label)
                    ) from None


def field_labels(model, names):
    """The labels of fields ``names`` of ``model`` in the user's language, for
    messages: a user reads 取消原因, not cancel_reason."""
    env = model.env
    return ", ".join(
        sorted(
            model._fields[name]._description_string(env) if name in model._fields else name
            for name in names
        )
    )


def refused_create_fields(model, vals, allowed):
    """The fields of ``vals`` outside ``allowed`` that a creation may not set.
    The web form sends every editable field, the empty ones too (the
    cancellation reason of a new loan): an empty value of a field without
    default is what the server would set anyway, so it is dropped from
    ``vals`` and accepted; any other value is refused."""
    refused = set()
    for name in set(vals) - allowed:
        field = model._fields.get(name)
        value = vals[name]
        empty = value is None or value is False or value == "" or value == []
        if field is not None and field.default is None and empty:
            del vals[name]
        else:
            refused.add(name)
    return refused


def check_signature_image(env, value):
    """Refuse a signature that is not a reasonably small image (the approach
    of the contract's comment wizard: base64-decoded, then verified by PIL)."""
    if not value:
        return
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        raise ValidationError(env._("The signature is not an image: please draw it again."))
    if len(value) > MAX_SIGNATURE_CHARS:
        raise ValidationError(
            env._("The signature is too large for a drawn signature: please draw it again.")
        )
    try:
        data = base64.b64decode(value, validate=True)
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (binascii.Error, ValueError, TypeError, OSError, Image.DecompressionBombError):
        raise ValidationError(
            env._("The signature is not an image: please draw it again.")
        ) from None
