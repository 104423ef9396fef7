# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from .. import roles
from ..values import check_rules_as_written

# the largest id PostgreSQL's integer columns hold
MAX_ID = 2**31 - 1


def after_sales_record(env, model, value):
    """The record an RPC client names by id in ``value`` (sudo, for the addon's
    own checks), empty for no value; an id of the wrong shape or of no record is
    a clear error here rather than a server error further down."""
    if value in (False, None):
        return env[model]
    Model = env[model].sudo()
    if (
        type(value) is not int
        or not 0 < value <= MAX_ID
        # a record read or created in this transaction exists (a new ticket's
        # SLA lines name it); else one query tells, and reads the fields the
        # checks read next
        or not (
            next(Model._fields["create_date"]._cache_missing_ids(Model.browse(value)), None) is None
            or Model.with_context(active_test=False).search_fetch(
                [("id", "=", value)], order="id", limit=1
            )
        )
    ):
        raise ValidationError(
            env._(
                "%(value)s is not the id of an existing %(model)s.",
                value=repr(value)[:40],
                model=env["ir.model"].sudo()._get(model).name,
            )
        )
    return Model.browse(value)


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    is_after_sales = fields.Boolean(
        string="After-Sales Team",
        help="New tickets of this team wait for the Department Head's confirmation "
        "before the technical team sees them.",
    )
    is_technical = fields.Boolean(
        string="Receives Confirmed Requests",
        help="The team may receive the after-sales requests the Department Head "
        "confirms. A ticket that reaches it otherwise becomes a request waiting for "
        "the Department Head's confirmation.",
    )
    technical_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        domain="[('is_technical', '=', True), ('id', '!=', id)]",
        help="The team a confirmed after-sales request is handed to.",
    )

    @api.constrains("is_after_sales", "is_technical", "technical_team_id")
    def _check_after_sales_technical_team(self):
        for team in self:
            if team.is_after_sales and team.is_technical:
                raise ValidationError(
                    self.env._(
                        "The team %(team)s cannot be both an after-sales team and a "
                        "technical team.",
                        team=team.display_name,
                    )
                )
            technical = team.sudo().technical_team_id
            if team.is_after_sales and technical and not technical.is_technical:
                raise ValidationError(
                    self.env._(
                        "Only a team flagged as technical receives confirmed after-sales "
                        "requests: %(team)s is not one.",
                        team=technical.display_name,
                    )
                )
        unflagged = self.filtered(lambda t: not t.is_technical)
        senders = self.sudo().search(
            [("is_after_sales", "=", True), ("technical_team_id", "in", unflagged.ids)], limit=1
        )
        if senders:
            raise ValidationError(
                self.env._(
                    "The team %(team)s receives the requests of %(sender)s: it stays a "
                    "technical team.",
                    team=senders.technical_team_id.display_name,
                    sender=senders.display_name,
                )
            )

    def write(self, vals):
        result = super().write(vals)
        # the teams of the after-sales flow stay where their editor may reach them
        check_rules_as_written(self.filtered(lambda t: t.is_after_sales or t.is_technical))
        if isinstance(vals, dict) and "user_ids" in vals:
            # helpdesk_mgmt's rules read the members (user.helpdesk_team_ids): the
            # cached rule domains must not show the old team to its new members
            self.env.registry.clear_cache()
        return result

    @api.model
    def _after_sales_technicians(self):
        """The internal users who hold the Technical Staff role, now."""
        group = self.env.ref(roles.TECHNICAL_STAFF, raise_if_not_found=False)
        if not group:
            return self.env["res.users"]
        group = group.sudo().with_context(active_test=False)
        group.invalidate_recordset(["all_user_ids"])
        return group.all_user_ids.filtered(lambda u: u.active and not u.share)

    @api.model
    def _after_sales_sync_technicians(self, before=None):
        """Each technical team's members follow the role: the Technical Staff of
        its company join it, those who lost the role (or the company) leave it.
        Other members, added by hand, stay."""
        holders = self._after_sales_technicians()
        before = (before or self.env["res.users"]) | holders
        teams = self.sudo().with_context(active_test=False).search([("is_technical", "=", True)])
        for team in teams:
            company = team.company_id
            wanted = holders.filtered(lambda u, c=company: not c or c in u.company_ids)
            stale = (team.user_ids & before) - wanted
            added = wanted - team.user_ids
            if added or stale:
                team.write(
                    {
                        "user_ids": [Command.link(u.id) for u in added]
                        + [Command.unlink(u.id) for u in stale]
                    }
                )

    @api.model
    def _after_sales_technical_teams(self):
        """The teams a ticket enters only through the Department Head's confirmation."""
        return self.sudo().search([("is_after_sales", "=", True)]).technical_team_id

    def _after_sales_technical(self):
        """Those of these teams that receive confirmed after-sales requests. A
        technical team always carries the flag (the constraint above keeps it),
        so a ticket of a plain team costs no search."""
        flagged = self.sudo().filtered("is_technical")
        return flagged & self._after_sales_technical_teams() if flagged else flagged

    def _after_sales_gate_team(self, company):
        """The after-sales team whose gate a ticket arriving at the technical team
        ``self`` waits in: the one of the ticket's company first."""
        senders = self.sudo().search(
            [("is_after_sales", "=", True), ("technical_team_id", "=", self.id)]
        )
        return senders.filtered(lambda t: t.company_id == company)[:1] or senders[:1]

    @api.model
    def _after_sales_flag_technical_teams(self):
        """The teams chosen as technical before the flag existed get it."""
        self._after_sales_technical_teams().filtered(lambda t: not t.is_technical).write(
            {"is_technical": True}
        )
