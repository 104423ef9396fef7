# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..roles import SALES_CLERK
from ..values import check_rules_as_written, check_values, strip_defaults
from .archive_values import check_archive_values, field_labels, refused_create_fields
from .sale_archive_approval import as_workflow, in_workflow
from .sale_archive_category import CONFIDENTIALITY

# what the clerk may still change on a filed document; everything else moves
# only through the action buttons
EDITABLE_FIELDS = {
    "title",
    "description",
    "cabinet",
    "shelf",
    "box",
    "pages",
    "copies",
    "retention_until",
    "confidentiality",
    "dispute_prone",
    "partner_id",
    "sale_order_id",
}
CREATE_FIELDS = EDITABLE_FIELDS | {"category_id", "company_id", "filing_date"}
STATES = [
    ("filed", "Filed"),
    ("on_loan", "On Loan"),
    ("destroyed", "Destroyed"),
    ("lost", "Lost"),
]


class SaleArchiveDocument(models.Model):
    _name = "sale.archive.document"
    _inherit = ["mail.thread", "mail.activity.mixin", "sale.archive.approval"]
    _description = "Archive Document"
    _order = "filing_date desc, id desc"
    _rec_names_search = ["name", "title"]
    _check_company_auto = True

    _state_from = ["filed"]
    _state_to = ["destroyed"]
    _cancel_state = "lost"

    name = fields.Char(
        string="Archive Number", readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(required=True, tracking=True)
    description = fields.Text()
    category_id = fields.Many2one(
        "sale.archive.category",
        required=True,
        ondelete="restrict",
        tracking=True,
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    cabinet = fields.Char(tracking=True)
    shelf = fields.Char(tracking=True)
    box = fields.Char(tracking=True)
    location = fields.Char(compute="_compute_location")
    pages = fields.Integer(default=1)
    copies = fields.Integer(default=1)
    filing_date = fields.Date(default=fields.Date.context_today, required=True, readonly=True)
    filed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    retention_until = fields.Date(
        compute="_compute_retention_until",
        store=True,
        readonly=False,
        tracking=True,
        help="Empty: kept permanently.",
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY,
        compute="_compute_from_category",
        store=True,
        readonly=False,
        required=True,
        tracking=True,
        index=True,
    )
    dispute_prone = fields.Boolean(
        compute="_compute_from_category", store=True, readonly=False, tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index="btree_not_null", check_company=True
    )
    sale_order_id = fields.Many2one("sale.order", index="btree_not_null", check_company=True)
    state = fields.Selection(
        STATES, default="filed", required=True, readonly=True, tracking=True, index=True
    )
    loan_ids = fields.One2many("sale.archive.loan", "document_id", string="Loans")
    holder_id = fields.Many2one(
        "res.users",
        string="Held By",
        readonly=True,
        index="btree_not_null",
        help="The borrower of the approved or signed-out loan: the one user who sees the "
        "document beyond the clearance of their role while the loan lasts.",
    )
    active_loan_id = fields.Many2one(
        "sale.archive.loan", compute="_compute_active_loan_id", string="Current Loan"
    )
    destroy_reason = fields.Text(readonly=True, tracking=True)
    destroyed_by_id = fields.Many2one("res.users", readonly=True)
    destroyed_date = fields.Date(readonly=True)
    lost_report = fields.Text(readonly=True)
    lost_date = fields.Date(readonly=True)
    retention_notified = fields.Boolean(readonly=True, copy=False)
    # set when a contract takes effect, cleared once the job "file signed
    # contracts" has rendered and attached it, right after the signature's commit
    contract_pending = fields.Boolean(
        string="Signed Contract to Attach",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The signed contract is being rendered: its PDF is attached in a few moments.",
    )

    _pages_positive = models.Constraint(
        "CHECK(pages >= 0 AND copies >= 0)", "Pages and copies cannot be negative."
    )

    @api.depends("cabinet", "shelf", "box")
    def _compute_location(self):
        for document in self:
            document.location = " / ".join(
                part for part in (document.cabinet, document.shelf, document.box) if part
            )

    @api.depends("category_id")
    def _compute_from_category(self):
        for document in self:
            document.confidentiality = document.category_id.confidentiality or "department"
            document.dispute_prone = document.category_id.dispute_prone

    @api.depends("category_id", "filing_date")
    def _compute_retention_until(self):
        for document in self:
            years = document.category_id.retention_years
            document.retention_until = (
                document.filing_date + relativedelta(years=years)
                if years and document.filing_date
                else False
            )

    @api.depends("name", "title")
    @api.depends_context("uid")
    def _compute_display_name(self):
        # a document is chosen by its number and its title, both shown only to
        # who may open it: the web client reads the name of a loan's or a
        # follower's document as superuser
        readable = self._archive_readable()
        for document in self:
            document.display_name = (
                " ".join(part for part in (document.name, document.title) if part)
                if document in readable or not isinstance(document.id, int)
                else self.env._("Restricted document")
            )

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        """Also the documents her clearance hides (a confidential or secret
        paper) whose exact archive number or exact title the user typed: she
        knows which paper she needs, so she may ask to borrow it, and its
        approver decides. Only what she typed is shown back, never the level,
        the content or anything the client's domain could probe."""
        result = super().name_search(name, domain, operator, limit)
        typed = name.strip() if isinstance(name, str) else ""
        if not typed or "\x00" in typed or operator not in ("ilike", "=", "=ilike"):
            return result
        found = {record_id for record_id, _label in result}
        restricted = (
            self.sudo()
            .search(
                [
                    "|",
                    ("name", "=", typed),
                    ("title", "=", typed),
                    ("company_id", "in", self.env.companies.ids),
                    ("state", "in", ("filed", "on_loan")),
                ],
                limit=limit,
            )
            .filtered(lambda document: document.id not in found)
        )
        restricted -= restricted._archive_readable()
        return result + [
            (
                document.id,
                self.env._("%(typed)s (restricted: ask to borrow it)", typed=typed),
            )
            for document in restricted
        ]

    def _archive_readable(self):
        """The documents of ``self`` the user herself may read, also when
        ``self`` is in a superuser environment of hers."""
        documents = self.with_env(self.env(su=False)).filtered(lambda d: isinstance(d.id, int))
        if documents.env.su:
            return self
        return self.browse(documents._filtered_access("read").ids)

    @api.model
    def web_name_search(self, name, specification, domain=None, operator="ilike", limit=100):
        # the dropdown shows, for a restricted paper, what the user typed (as
        # name_search's label), not only "restricted"
        result = super().web_name_search(name, specification, domain, operator, limit)
        hidden = self.env._("Restricted document")
        typed = name.strip() if isinstance(name, str) else ""
        label = self.env._("%(typed)s (restricted: ask to borrow it)", typed=typed)
        for item in result:
            for key in ("display_name", "__formatted_display_name"):
                if item.get(key) == hidden:
                    item[key] = label
        return result

    @api.constrains("filing_date", "retention_until")
    def _check_dates(self):
        for document in self:
            if document.retention_until and document.retention_until < document.filing_date:
                raise ValidationError(
                    self.env._("The retention cannot end before the filing date.")
                )

    def _archive_check_filing_date(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            filing_date = vals.get("filing_date")
            if "filing_date" in vals and not filing_date:
                raise ValidationError(self.env._("Please give the filing date."))
            if filing_date and fields.Date.to_date(filing_date) > today:
                raise ValidationError(self.env._("The filing date cannot be in the future."))

    def _compute_active_loan_id(self):
        for document in self:
            document.active_loan_id = document.loan_ids.filtered(
                lambda loan: loan.state in ("requested", "approved", "signed_out", "overdue")
            )[:1]

    # ------------------------------------------------------------
    # CRUD: a whitelist of what a user may set
    # ------------------------------------------------------------

    @api.model
    def _archive_count_by(self, link, records):
        """{record: number of documents linked to it by field ``link``}, counted
        as the user: only the documents the user may see (the smart buttons of
        customers and orders)."""
        return dict(self._read_group([(link, "in", records.ids)], [link], ["__count"]))

    @api.model
    def _archive_action_for(self, link, record, defaults):
        """The catalogue of the documents linked to ``record`` by ``link``; new
        documents take ``defaults``."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_dept_regulation.sale_archive_document_action"
        )
        action["domain"] = [(link, "=", record.id)]
        action["context"] = {f"default_{name}": value for name, value in defaults.items()}
        return action

    def _archive_check_clerk(self):
        if not (self.env.su or self.env.user.has_groups(SALES_CLERK)):
            raise AccessError(self.env._("Only the Sales Clerk manages the archive catalogue."))

    @api.model
    def _archive_mail_fields(self):
        return set(self.env["mail.thread"]._fields) | set(self.env["mail.activity.mixin"]._fields)

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_archive_values(self, vals_list)
        self._archive_check_filing_date(vals_list)
        if not in_workflow(self.env):
            self._archive_check_clerk()
            for vals in vals_list:
                refused = refused_create_fields(
                    self, vals, CREATE_FIELDS | self._archive_mail_fields()
                )
                if refused:
                    raise UserError(
                        self.env._(
                            "These fields are set by the archive itself: %(fields)s",
                            fields=field_labels(self, refused),
                        )
                    )
            self = strip_defaults(self, CREATE_FIELDS)
        for vals in vals_list:
            title = vals.get("title")
            if not isinstance(title, str) or not title.strip():
                raise ValidationError(self.env._("An archive document needs a title."))
            category_id = vals.get("category_id")
            if category_id and type(category_id) is not int:
                raise ValidationError(self.env._("Please choose one category."))
            category = self.env["sale.archive.category"].sudo().browse(category_id or [])
            if category.exists():
                vals.setdefault("confidentiality", category.confidentiality)
                vals.setdefault("dispute_prone", category.dispute_prone)
        documents = super().create(vals_list)
        # filed by the system (data loaded, a job): the company's archivist
        # files it, not OdooBot
        for document in documents.filtered(lambda d: d.filed_by_id.id == SUPERUSER_ID):
            as_workflow(document).filed_by_id = document._archive_clerk()
        for document in documents:
            sequence = document.category_id.sudo().sequence_id
            as_workflow(document).name = (
                sequence.next_by_id(document.filing_date) if sequence else "/"
            )
        return documents

    def write(self, vals):
        check_values(self.env, [vals])
        check_archive_values(self, [vals])
        if not in_workflow(self.env):
            refused = set(vals) - EDITABLE_FIELDS - self._archive_mail_fields()
            if refused:
                raise UserError(
                    self.env._(
                        "These fields change only through the archive's actions: %(fields)s",
                        fields=field_labels(self, refused),
                    )
                )
            if set(vals) - self._archive_mail_fields():
                self._archive_check_clerk()
                if any(document.state == "destroyed" for document in self):
                    raise UserError(self.env._("A destroyed document can no longer change."))
        res = super().write(vals)
        if "title" in vals and any(not (document.title or "").strip() for document in self):
            raise ValidationError(self.env._("An archive document needs a title."))
        if {"cabinet", "shelf", "box"} & set(vals):
            self.filtered("location").sudo().activity_feedback(
                ["sales_dept_regulation.mail_activity_type_archive_location"],
                only_automated=False,
            )
            self.sale_order_id._archive_close_filing_activities()
        check_rules_as_written(self)
        return res

    def _unlink_never(self):
        raise UserError(
            self.env._("Archive documents are never deleted: destroy them or report them lost.")
        )
