# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import ast

from odoo import Command, api, models

from .. import roles

MODULE = "sales_dept_regulation"
# the SLA rules' leaves that name a grade: remapped to the company's own grade
GRADE_FIELD = "after_sales_grade_id"


class ResCompany(models.Model):
    _inherit = "res.company"

    def _regulation_setup_defaults(self):
        # after the grades, which the SLA rules point to
        res = super()._regulation_setup_defaults()
        self._aftersales_setup()
        return res

    @api.model
    def _aftersales_setup_companies(self):
        """Every company with grades gets its after-sales and technical teams and
        its SLA rules: run at each update, for the companies made before this
        existed (the demo company among them). A company without grades yet gets
        them with its grades, from _regulation_setup_defaults."""
        self._aftersales_stamp_shipped_rules()
        groups = (
            self.env["sale.customer.grade"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([("company_id", "!=", False)], ["company_id"])
        )
        self.browse([company.id for (company,) in groups])._aftersales_setup()

    @api.model
    def _aftersales_stamp_shipped_rules(self):
        # the shipped rules point at the install company's grades: they are that
        # company's, so that another company's administrator does not see them
        for sla in self._regulation_shipped("helpdesk.sla", "helpdesk_sla_"):
            company = sla.team_ids.company_id[:1]
            if not sla.company_id and company:
                sla.company_id = company

    @api.model
    def _aftersales_translate_copies(self):
        """The companies' teams and SLA rules get the shipped ones' translations
        where they still carry the shipped English name."""
        Team = self.env["helpdesk.ticket.team"].sudo().with_context(active_test=False)
        pairs = []
        for xmlid, flag in (
            ("helpdesk_team_after_sales", "is_after_sales"),
            ("helpdesk_team_technical", "is_technical"),
        ):
            shipped = self.env.ref(f"{MODULE}.{xmlid}", raise_if_not_found=False)
            if shipped:
                pairs.append((shipped.sudo(), Team.search([(flag, "=", True)]) - shipped))
        rules = self._regulation_shipped("helpdesk.sla", "helpdesk_sla_")
        copies = (
            self.env["helpdesk.sla"]
            .sudo()
            .with_context(active_test=False)
            .search([("team_ids.is_after_sales", "=", True), ("id", "not in", rules.ids)])
        )
        pairs.extend((rule, copies) for rule in rules)
        Channel = self.env["helpdesk.ticket.channel"].sudo().with_context(active_test=False)
        for channel in self._aftersales_shipped_channels():
            pairs.append((channel, Channel.search([("id", "!=", channel.id)])))
        for shipped, candidates in pairs:
            translations = _stored_names(shipped)
            source = translations.get("en_US")
            for record in candidates:
                own = _stored_names(record)
                if own.get("en_US") != source:
                    continue  # renamed, or another rule
                missing = {
                    lang: value
                    for lang, value in translations.items()
                    if lang != "en_US" and own.get(lang, source) == source
                }
                if missing:
                    record.update_field_translations("name", missing)

    @api.model
    def _aftersales_shipped_channels(self):
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "helpdesk_mgmt"), ("model", "=", "helpdesk.ticket.channel")])
        )
        return (
            self.env["helpdesk.ticket.channel"]
            .sudo()
            .browse(data.mapped("res_id"))
            .exists()
            .filtered("active")
        )

    def _aftersales_team(self):
        """The company's after-sales team: where its new requests wait."""
        self.ensure_one()
        return (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [("is_after_sales", "=", True), ("company_id", "=", self.id)],
                order="sequence, id",
                limit=1,
            )
        )

    def _aftersales_setup(self):
        """The shipped after-sales team, technical team and SLA rules, copied for
        each company of ``self`` that has no after-sales team yet."""
        shipped_team = self.env.ref(f"{MODULE}.helpdesk_team_after_sales", raise_if_not_found=False)
        shipped_tech = self.env.ref(f"{MODULE}.helpdesk_team_technical", raise_if_not_found=False)
        if not shipped_team or not shipped_tech:
            return
        # copy() keeps the teams' and rules' translated names; no chatter line for a copy
        shipped_team = shipped_team.sudo().with_context(tracking_disable=True)
        shipped_tech = shipped_tech.sudo().with_context(tracking_disable=True)
        rules = self._regulation_shipped("helpdesk.sla", "helpdesk_sla_").with_context(
            tracking_disable=True
        )
        stages = (
            self.env["helpdesk.ticket.stage"].sudo().search([("after_sales_role", "!=", False)])
        )
        technicians = self.env.ref(roles.TECHNICAL_STAFF).sudo().all_user_ids
        channels = self._aftersales_shipped_channels()
        Channel = self.env["helpdesk.ticket.channel"].sudo().with_context(active_test=False)
        for company in self.sudo():
            if channels and not Channel.search_count([("company_id", "=", company.id)], limit=1):
                # helpdesk_mgmt ships its channels (phone, e-mail...) to the install
                # company only: the request form's channel offered nothing elsewhere
                for channel in channels:
                    channel.copy({"company_id": company.id})
            if company._aftersales_team():
                continue
            tech = shipped_tech.copy(
                {
                    "company_id": company.id,
                    "user_id": False,
                    "user_ids": [
                        Command.set(
                            technicians.filtered(
                                lambda u, c=company: c in u.company_ids and not u.share
                            ).ids
                        )
                    ],
                }
            )
            team = shipped_team.copy(
                {
                    "company_id": company.id,
                    "user_id": False,
                    "user_ids": [Command.clear()],
                    "technical_team_id": tech.id,
                }
            )
            # the gate's stages are shared by every after-sales team
            stages.filtered(lambda s, c=company: not s.company_id or s.company_id == c).write(
                {"team_ids": [Command.link(team.id)]}
            )
            company._aftersales_copy_rules(rules, team)

    def _aftersales_copy_rules(self, rules, team):
        self.ensure_one()
        Grade = self.env["sale.customer.grade"].sudo().with_context(active_test=False)
        # the company's copy of a shipped grade: same scale, same sequence
        grades = {
            (grade.customer_stage, grade.sequence): grade
            for grade in Grade.search([("company_id", "=", self.id)])
        }
        for rule in rules:
            domain = _remap_grades(rule.domain, Grade, grades)
            if domain is None:
                continue  # no grade of the company: the rule would widen to all requests
            rule.copy(
                {
                    "company_id": self.id,
                    "team_ids": [Command.set(team.ids)],
                    "domain": domain,
                }
            )


def _stored_names(record):
    """{lang: name} as stored."""
    return record._fields["name"]._get_stored_translations(record) or {}


def _remap_grades(domain, Grade, grades):
    """``domain`` (an SLA rule's filter, as text) with each grade id replaced by
    the company's grade of the same stage and sequence; None when one has none."""
    if GRADE_FIELD not in (domain or ""):
        return domain
    try:
        leaves = ast.literal_eval(domain)
    except (ValueError, SyntaxError):
        return None
    result = []
    for leaf in leaves:
        if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and leaf[0] == GRADE_FIELD:
            ids = leaf[2] if isinstance(leaf[2], (list, tuple)) else [leaf[2]]
            mapped = []
            for grade in Grade.browse([i for i in ids if isinstance(i, int)]).exists():
                own = grades.get((grade.customer_stage, grade.sequence))
                if not own:
                    return None
                mapped.append(own.id)
            if not mapped:
                return None
            value = mapped if isinstance(leaf[2], (list, tuple)) else mapped[0]
            leaf = (leaf[0], leaf[1], value)
        result.append(tuple(leaf) if isinstance(leaf, list) else leaf)
    return str(result)
