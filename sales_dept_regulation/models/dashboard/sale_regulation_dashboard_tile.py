# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import ast
import logging
import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import datetime, safe_eval, time

from ..values import check_values

_logger = logging.getLogger(__name__)

# What a tile's domain may name besides literals: a string equal to one of these,
# anywhere in the domain, stands for that value for the user who opens the page.
# The domain itself is only ever parsed as a literal (ast.literal_eval), never
# evaluated: it is written by a business role, and code evaluated with records in
# reach runs with whatever rights those records can reach (sudo() included).
PLACEHOLDERS = ("$uid", "$today", "$company_id", "$company_ids")
# a tile's domain is a few conditions; anything longer is a mistake or an attack
DOMAIN_MAX_LENGTH = 10_000
# the bare name the tiles shipped before placeholders used, in a domain's value
_LEGACY_UID = re.compile(r"(?<=[\s,(\[])uid(?=[\s,)\]])")


def parse_tile_domain(text):
    """The domain ``text`` as a literal list, or ValueError/SyntaxError."""
    if not isinstance(text, str) or len(text) > DOMAIN_MAX_LENGTH:
        raise ValueError(f"a domain is a text of at most {DOMAIN_MAX_LENGTH} characters")
    try:
        domain = ast.literal_eval(text.strip() or "[]")
    except (MemoryError, RecursionError) as error:
        raise ValueError("the domain is too deeply nested") from error
    if not isinstance(domain, (list, tuple)):
        raise ValueError("a domain is a list of conditions")
    return domain


def substitute_placeholders(value, values):
    """``value`` with each placeholder string replaced by its value in ``values``."""
    if isinstance(value, str):
        return values.get(value, value)
    if isinstance(value, (list, tuple)):
        return type(value)(substitute_placeholders(item, values) for item in value)
    return value


class SaleRegulationDashboardTile(models.Model):
    """A counter of the landing page: what waits for the user in one list.

    The count is the number of records the tile's list shows to the current user
    (the action's domain and the tile's, under the user's own access rights), so
    the counter and the list it opens always agree."""

    _name = "sale.regulation.dashboard.tile"
    _description = "Landing Page Tile"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    action_id = fields.Many2one(
        "ir.actions.act_window", string="List", required=True, ondelete="cascade"
    )
    res_model = fields.Char(related="action_id.res_model")
    domain = fields.Char(
        default="[]",
        required=True,
        help="What the list shows of the action's records, as a list of conditions written "
        "with literal values only; the texts $uid, $today, $company_id and $company_ids "
        "stand for the current user, today's date and the user's companies.",
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Shown To",
        help="The tile is shown to the users of these groups (to everybody when empty).",
    )
    color = fields.Integer()
    count = fields.Integer(compute="_compute_count")

    def init(self):
        # tiles saved before placeholders named the user as a bare `uid`, which
        # is not a literal: spell it '$uid' (a text rewrite, nothing evaluated)
        self.env.cr.execute("SELECT id, domain FROM sale_regulation_dashboard_tile")
        for tile_id, text in self.env.cr.fetchall():
            try:
                parse_tile_domain(text)
            except (ValueError, SyntaxError):
                new_text = _LEGACY_UID.sub("'$uid'", text or "")
                if new_text != text:
                    self.env.cr.execute(
                        "UPDATE sale_regulation_dashboard_tile SET domain = %s WHERE id = %s",
                        (new_text, tile_id),
                    )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        for vals in vals_list:
            self._check_tile_name(vals.get("name"))
            self._check_tile_domain(
                vals.get("name"), vals.get("domain", "[]"), vals.get("action_id")
            )
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        if "name" in vals:
            self._check_tile_name(vals["name"])
        if vals and {"domain", "action_id"} & vals.keys():
            for tile in self:
                self._check_tile_domain(
                    tile.name,
                    vals.get("domain", tile.domain),
                    vals.get("action_id", tile.action_id.id),
                )
        return super().write(vals)

    def _check_tile_name(self, name):
        if not isinstance(name, str) or not name.strip():
            raise ValidationError(self.env._("Give the tile a name."))

    def _check_tile_domain(self, name, domain, action_id):
        """Refuse a domain that is not a literal list of conditions on the fields
        of the action's model, before it is written."""
        try:
            if type(action_id) is not int:
                raise ValueError("no list chosen")
            action = self.env["ir.actions.act_window"].sudo().browse(action_id).exists()
            model = self.env[action.res_model].sudo()
            sample = substitute_placeholders(parse_tile_domain(domain), self._placeholder_values())
            Domain(sample).validate(model)
        except Exception as error:  # noqa: BLE001 any mistake in the domain or the action
            raise ValidationError(
                self.env._(
                    "The domain of tile %(tile)s is not valid: %(error)s",
                    tile=name or "",
                    error=error,
                )
            ) from error

    def _placeholder_values(self):
        return {
            "$uid": self.env.uid,
            "$today": fields.Date.to_string(fields.Date.context_today(self)),
            "$company_id": self.env.company.id,
            "$company_ids": self.env.companies.ids,
        }

    def _action_eval_context(self):
        """What an action's own domain and context may use: plain values, no record
        and no environment. Actions are written by system administrators only
        (ir.actions.act_window), and still nothing here reaches a record."""
        today = fields.Date.context_today(self)
        return {
            "uid": self.env.uid,
            "context_today": lambda: today,
            "datetime": datetime,
            "relativedelta": relativedelta,
            "time": time,
            "company_id": self.env.company.id,
            "company_ids": self.env.companies.ids,
            "allowed_company_ids": self.env.companies.ids,
        }

    def _tile_domain(self):
        """The action's domain and the tile's, for the current user."""
        self.ensure_one()
        action = self.sudo().action_id
        tile_domain = substitute_placeholders(
            parse_tile_domain(self.sudo().domain), self._placeholder_values()
        )
        action_domain = safe_eval(action.domain or "[]", self._action_eval_context())
        return list(Domain.AND([action_domain, tile_domain]))

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_count(self):
        for tile in self:
            try:
                model = self.env[tile.sudo().action_id.res_model]
                domain = tile._tile_domain()
                tile.count = model.search_count(domain) if model.has_access("read") else 0
            except (KeyError, ValueError, SyntaxError, TypeError, AccessError, UserError) as error:
                # an action edited or removed since the tile was saved, a field the
                # user may not search: the landing page still opens, this counter at zero
                _logger.warning("Dashboard tile %s cannot be counted: %s", tile.id, error)
                tile.count = 0

    def action_open(self):
        """The tile's list: the records it counts, nothing else."""
        self.ensure_one()
        action = self.sudo().action_id._get_action_dict()
        try:
            context = safe_eval(action.get("context") or "{}", self._action_eval_context())
        except (ValueError, SyntaxError, NameError, TypeError):
            context = {}
        if not isinstance(context, dict):
            context = {}
        try:
            domain = self._tile_domain()
        except (ValueError, SyntaxError, TypeError) as error:
            # a domain stored before it was checked, or an action edited since
            raise UserError(
                self.env._(
                    "The domain of tile %(tile)s is not valid: %(error)s",
                    tile=self.name,
                    error=error,
                )
            ) from error
        action.update(
            {
                "name": self.name,
                "domain": domain,
                # a default filter would show fewer records than the counter says
                "context": {
                    key: value
                    for key, value in context.items()
                    if not (isinstance(key, str) and key.startswith("search_default_"))
                },
            }
        )
        return action
