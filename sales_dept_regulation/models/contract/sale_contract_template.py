# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import roles
from ..grading.sale_customer_grade import CUSTOMER_STAGES
from ..values import check_rules_as_written, check_values

# the regulations revise the contract templates every half year
REVISION_MONTHS = 6
REVISION_DATE_MIN, REVISION_DATE_MAX = date(1900, 1, 1), date(2999, 6, 30)


class SaleContractTemplate(models.Model):
    """The clauses of the contracts for one category of customers."""

    _name = "sale.contract.template"
    _description = "Contract Template"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    clauses = fields.Html(translate=True, sanitize=True)
    customer_stage = fields.Selection(
        CUSTOMER_STAGES,
        help="Applies to customers at this stage (empty: any stage).",
    )
    grade_ids = fields.Many2many(
        "sale.customer.grade",
        string="Customer Grades",
        check_company=True,
        help="Applies to customers of these grades (empty: any grade).",
    )
    category_ids = fields.Many2many(
        "res.partner.category",
        string="Customer Tags",
        help="Applies to customers with one of these tags (empty: any customer).",
    )
    revision_date = fields.Date(
        string="Last Revision",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    next_revision_date = fields.Date(
        string="Next Revision",
        compute="_compute_next_revision_date",
        store=True,
        index=True,
    )

    @api.depends("revision_date")
    def _compute_next_revision_date(self):
        for template in self:
            template.next_revision_date = template.revision_date and (
                template.revision_date + relativedelta(months=REVISION_MONTHS)
            )

    @api.constrains("name", "revision_date", "next_revision_date")
    def _check_revision(self):
        for template in self:
            if not (template.name or "").strip():
                raise ValidationError(self.env._("A contract template needs a name."))
            if not template.revision_date:
                raise ValidationError(
                    self.env._(
                        "The contract template %(template)s needs the date of its last revision.",
                        template=template.name,
                    )
                )
            if not REVISION_DATE_MIN <= template.revision_date <= REVISION_DATE_MAX:
                raise ValidationError(
                    self.env._(
                        "The revision date of %(template)s is not a valid date.",
                        template=template.name,
                    )
                )
            # a stored computed field a client could still write
            if template.next_revision_date != template.revision_date + relativedelta(
                months=REVISION_MONTHS
            ):
                raise ValidationError(
                    self.env._("The next revision is half a year after the last one.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self.env, [vals])
        res = super().write(vals)
        # a template moved into a company the editor does not belong to
        check_rules_as_written(self)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A contract template is archived, not deleted."))

    def _contract_applies_to(self, partner):
        self.ensure_one()
        partner = partner.commercial_partner_id
        return (
            (not self.customer_stage or self.customer_stage == partner.customer_stage)
            and (not self.grade_ids or partner.customer_grade_id in self.grade_ids)
            and (not self.category_ids or self.category_ids & partner.category_id)
        )

    def action_sdr_mark_revised(self):
        """The template was revised today: the next revision is in half a year."""
        if not self.env.su and not self.env.user.has_groups(roles.REGULATION_ADMIN):
            raise UserError(
                self.env._("Only the Regulation Administrator revises contract templates.")
            )
        activity_type = self.env.ref("sales_dept_regulation.mail_activity_type_revise_template")
        for template in self:
            template.revision_date = fields.Date.context_today(template)
            template.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            ).action_feedback()
        return True

    @api.model
    def _cron_revision_reminder(self):
        """One revision activity per template due, for its Regulation Administrator."""
        activity_type = self.env.ref("sales_dept_regulation.mail_activity_type_revise_template")
        admins = self.env.ref("sales_dept_regulation.group_role_regulation_admin").user_ids
        admins = admins.filtered(lambda u: u.active and not u.share).sorted("id")
        # the install's administrator holds the role too (the role is granted to
        # him at install): the people given the role come first
        install_admins = self.env.ref("base.user_admin") | self.env.ref("base.user_root")
        admins = (admins - install_admins) + (admins & install_admins)
        due = self.search([("next_revision_date", "<=", fields.Date.context_today(self))])
        for template in due:
            if template.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            admin = admins.filtered(
                lambda u, t=template: not t.company_id or t.company_id in u.company_ids
            )[:1]
            if admin:
                template.activity_schedule(
                    "sales_dept_regulation.mail_activity_type_revise_template",
                    date_deadline=template.next_revision_date,
                    user_id=admin.id,
                )
