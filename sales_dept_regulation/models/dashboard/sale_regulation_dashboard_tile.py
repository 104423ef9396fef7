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

MODULE = "sales_dept_regulation"

_logger = logging.getLogger(__name__)

# What a tile's domain may name besides literals: a string equal to one of these,
# anywhere in the domain, stands for that value for the user who opens the page.
# The domain itself is only ever parsed as a literal (ast.literal_eval), never
# evaluated: it is written by a business role, and code evaluated with records in
# reach runs with whatever rights those records can reach (sudo() included).
PLACEHOLDERS = ("$uid", "$today", "$company_id", "$company_ids")
# the same placeholders as a Chinese administrator types them in the filter editor
PLACEHOLDER_ALIASES = {
    "$当前用户": "$uid",
    "$今天": "$today",
    "$当前公司": "$company_id",
    "$我的公司": "$company_ids",
}
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
    # What the form offers instead of action_id: only system administrators may
    # read window actions, and a tile opens one of the addon's own lists only.
    # Written through create()/write(), which turn it into action_id.
    action_key = fields.Selection(
        selection="_selection_action_key",
        string="List to Open",
        compute="_compute_action_key",
        compute_sudo=True,
        readonly=False,
        help="The list of the addon the tile opens and counts.",
    )
    res_model = fields.Char(
        string="Destination Model", compute="_compute_res_model", compute_sudo=True
    )
    domain = fields.Char(
        string="Filter",
        default="[]",
        required=True,
        help="Which of the list's records the tile counts and opens. Build it by clicking; "
        "it keeps literal values only. To name the person who opens the home, type these "
        "texts as a value: $uid (the current user), $today (today's date), $company_id "
        "(the current company) and $company_ids (the user's companies).",
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Shown To",
        help="The tile is shown to the users of these roles (to everybody when empty), "
        "and only to those who may open its list.",
    )
    # the roles the form offers for group_ids (a domain on group_ids itself would
    # also hide the scopes a tile is shown to when it is read)
    role_privilege_id = fields.Many2one(
        "res.groups.privilege", string="Roles Offered", compute="_compute_role_privilege_id"
    )
    color = fields.Integer()
    count = fields.Integer(compute="_compute_count")
    can_open = fields.Boolean(
        string="Shown on My Home", compute="_compute_can_open", search="_search_can_open"
    )

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    def _compute_role_privilege_id(self):
        self.role_privilege_id = self.env.ref(f"{MODULE}.res_groups_privilege_sales_regulation")

    @api.model
    def _home_lists(self):
        """The lists a tile may open, by external id: the addon's own window
        actions on a real model (no wizard, no dialog, not the home itself)."""
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", MODULE), ("model", "=", "ir.actions.act_window")])
        )
        actions = self.env["ir.actions.act_window"].sudo().browse(data.mapped("res_id")).exists()
        keys = {record.res_id: f"{MODULE}.{record.name}" for record in data}
        return {
            keys[action.id]: action
            for action in actions
            if action.res_model in self.env
            and action.res_model != self._name
            and not self.env[action.res_model]._transient
            and not self.env[action.res_model]._abstract
            and action.target != "new"
        }

    @api.model
    def _selection_action_key(self):
        lists = self._home_lists()
        names = [action.name for action in lists.values()]
        choices = []
        for key, action in lists.items():
            label = action.name
            if names.count(label) > 1:
                # two lists of one name: the records they show tell them apart
                description = self.env["ir.model"]._get(action.res_model).name
                label = f"{label}（{description}）"
            choices.append((key, label))
        return sorted(choices, key=lambda choice: choice[1])

    @api.depends("action_id")
    def _compute_action_key(self):
        keys = {action.id: key for key, action in self._home_lists().items()}
        for tile in self:
            tile.action_key = keys.get(tile.action_id.id, False)

    @api.depends("action_key", "action_id")
    def _compute_res_model(self):
        lists = self._home_lists()
        for tile in self:
            action = lists.get(tile.action_key) or tile.action_id
            tile.res_model = action.res_model or False

    def _can_open(self):
        """Whether the current user may open the tile's list: one of the tile's
        roles (if any), one of the action's groups (if any), and read access to
        its model. The record rules decide what the list then shows."""
        self.ensure_one()
        user_groups = self.env.user.all_group_ids
        tile = self.sudo()
        action = tile.action_id
        return bool(
            action
            and (not tile.group_ids or tile.group_ids & user_groups)
            and (not action.group_ids or action.group_ids & user_groups)
            and action.res_model in self.env
            and self.env[action.res_model].has_access("read")
        )

    @api.depends_context("uid")
    def _compute_can_open(self):
        for tile in self:
            tile.can_open = tile._can_open()

    def _search_can_open(self, operator, value):
        if operator != "in":
            return NotImplemented
        # the tiles of the user's roles, then those whose list the user may open
        of_my_roles = self.sudo().search(
            ["|", ("group_ids", "=", False), ("group_ids", "in", self.env.user.all_group_ids.ids)]
        )
        tiles = self.browse(of_my_roles.ids).filtered(lambda tile: tile._can_open())
        if True in value:
            return [("id", "in", tiles.ids)]
        return [("id", "not in", tiles.ids)]

    @api.onchange("action_key")
    def _onchange_action_key(self):
        # a filter on the fields of the list chosen before would be refused on save
        action = self._home_lists().get(self.action_key)
        if not action:
            return
        try:
            sample = substitute_placeholders(
                parse_tile_domain(self.domain or "[]"), self._placeholder_values()
            )
            Domain(sample).validate(self.env[action.res_model].sudo())
        except Exception:  # noqa: BLE001 any filter the new list cannot read
            self.domain = "[]"

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

    # ------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        for vals in vals_list:
            self._action_key_to_action_id(vals)
            self._check_tile_name(vals.get("name"))
            self._check_tile_domain(
                vals.get("name"), vals.get("domain", "[]"), vals.get("action_id")
            )
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        self._action_key_to_action_id(vals)
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

    def _action_key_to_action_id(self, vals):
        """Replace the list chosen in the form by its action, in ``vals``."""
        if "action_key" not in vals:
            return
        key = vals.pop("action_key")
        lists = self._home_lists()
        if not isinstance(key, str) or key not in lists:
            raise ValidationError(
                self.env._("Choose the tile's list to open among the lists offered.")
            )
        vals["action_id"] = lists[key].id

    def _check_tile_name(self, name):
        if not isinstance(name, str) or not name.strip():
            raise ValidationError(self.env._("Give the tile a name."))

    def _check_tile_domain(self, name, domain, action_id):
        """Refuse a domain that is not a literal list of conditions on the fields
        of the action's model, before it is written."""
        lists = self._home_lists()
        if type(action_id) is not int or action_id not in {a.id for a in lists.values()}:
            raise ValidationError(
                self.env._("Choose the tile's list to open among the lists offered.")
            )
        # the reason in words the administrator reads, not the parser's
        reason = self.env._("it is not a list of conditions with literal values")
        try:
            action = self.env["ir.actions.act_window"].sudo().browse(action_id)
            model = self.env[action.res_model].sudo()
            sample = substitute_placeholders(parse_tile_domain(domain), self._placeholder_values())
            reason = self.env._("a condition names a field or an operator the list does not have")
            Domain(sample).validate(model)
        except Exception as error:  # noqa: BLE001 any mistake in the domain or the action
            raise ValidationError(
                self.env._(
                    "The domain of tile %(tile)s is not valid: %(error)s",
                    tile=name or "",
                    error=reason,
                )
            ) from error

    def _placeholder_values(self):
        values = {
            "$uid": self.env.uid,
            "$today": fields.Date.to_string(fields.Date.context_today(self)),
            "$company_id": self.env.company.id,
            "$company_ids": self.env.companies.ids,
        }
        return {**values, **{alias: values[name] for alias, name in PLACEHOLDER_ALIASES.items()}}

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

    def _action_context(self, action):
        """The context the tile's list opens with: the action's, without its
        default filters (they would show fewer records than the counter says)."""
        try:
            context = safe_eval(action.get("context") or "{}", self._action_eval_context())
        except (ValueError, SyntaxError, NameError, TypeError):
            context = {}
        if not isinstance(context, dict):
            context = {}
        return {
            key: value
            for key, value in context.items()
            if isinstance(key, str) and not key.startswith("search_default_")
        }

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_count(self):
        for tile in self:
            try:
                if not tile._can_open():
                    tile.count = 0
                    continue
                action = tile.sudo().action_id
                context = tile._action_context({"context": action.context})
                model = self.env[action.res_model].with_context(**context)
                tile.count = model.search_count(tile._tile_domain())
            except (KeyError, ValueError, SyntaxError, TypeError, AccessError, UserError) as error:
                # an action edited or removed since the tile was saved, a field the
                # user may not search: the landing page still opens, this counter at zero
                _logger.warning("Dashboard tile %s cannot be counted: %s", tile.id, error)
                tile.count = 0

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open(self):
        """The tile's list: the records it counts, nothing else."""
        self.ensure_one()
        if not self._can_open():
            raise UserError(
                self.env._("You may not open the list of tile %(tile)s.", tile=self.name)
            )
        action = self.sudo().action_id._get_action_dict()
        context = self._action_context(action)
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
                "context": context,
            }
        )
        return action
