# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import datetime, safe_eval, time

from ..values import check_values

_logger = logging.getLogger(__name__)


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
        help="What the list shows of the action's records, as a domain; it may use "
        "uid, user, context_today, datetime, relativedelta and time.",
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Shown To",
        help="The tile is shown to the users of these groups (to everybody when empty).",
    )
    color = fields.Integer()
    count = fields.Integer(compute="_compute_count")

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        for vals in vals_list:
            self._check_tile_domain(
                vals.get("name"), vals.get("domain", "[]"), vals.get("action_id")
            )
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        if vals and {"domain", "action_id"} & vals.keys():
            for tile in self:
                self._check_tile_domain(
                    tile.name,
                    vals.get("domain", tile.domain),
                    vals.get("action_id", tile.action_id.id),
                )
        return super().write(vals)

    def _check_tile_domain(self, name, domain, action_id):
        """Refuse a domain the tile could not count with, before it is written."""
        try:
            action = self.env["ir.actions.act_window"].sudo().browse(action_id).exists()
            self.env[action.res_model].sudo()._search(self._tile_domain(action, domain))
        except Exception as error:  # noqa: BLE001 any mistake in the domain or the action
            raise ValidationError(
                self.env._(
                    "The domain of tile %(tile)s is not valid: %(error)s",
                    tile=name or "",
                    error=error,
                )
            ) from error

    def _tile_eval_context(self):
        return {
            "uid": self.env.uid,
            "user": self.env.user,
            "context_today": lambda: fields.Date.context_today(self),
            "datetime": datetime,
            "relativedelta": relativedelta,
            "time": time,
            "company_id": self.env.company.id,
            "company_ids": self.env.companies.ids,
        }

    def _tile_domain(self, action=None, domain=None):
        """The action's domain and the tile's, evaluated for the current user."""
        if action is None:
            self.ensure_one()
            action, domain = self.sudo().action_id, self.domain
        eval_context = self._tile_eval_context()
        parts = [safe_eval(text or "[]", eval_context) for text in (action.domain, domain)]
        return list(Domain.AND(parts))

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_count(self):
        for tile in self:
            try:
                model = self.env[tile.sudo().action_id.res_model]
                domain = tile._tile_domain()
                tile.count = model.search_count(domain) if model.has_access("read") else 0
            except (KeyError, ValueError) as error:
                # an action edited or removed since the tile was saved: the landing
                # page still opens, with this counter at zero
                _logger.warning("Dashboard tile %s cannot be counted: %s", tile.id, error)
                tile.count = 0

    def action_open(self):
        """The tile's list: the records it counts, nothing else."""
        self.ensure_one()
        action = self.sudo().action_id._get_action_dict()
        context = safe_eval(action.get("context") or "{}", self._tile_eval_context())
        action.update(
            {
                "name": self.name,
                "domain": self._tile_domain(),
                # a default filter would show fewer records than the counter says
                "context": {
                    key: value
                    for key, value in context.items()
                    if not key.startswith("search_default_")
                },
            }
        )
        return action
