# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..values import check_rules_as_written, check_values
from .archive_values import check_archive_values

CONFIDENTIALITY = [
    ("department", "Department"),
    ("confidential", "Confidential"),
    ("secret", "Secret"),
]


# past this, a retention is "permanently" (0); and dates stay within year 9999
MAX_RETENTION_YEARS = 100


def _check_names(env, vals_list, creating=False):
    """A category's name is text with something in it (before the ORM stores a
    blank one or turns a number into text)."""
    for vals in vals_list:
        if (creating or "name" in vals) and (
            not isinstance(vals.get("name"), str) or not vals["name"].strip()
        ):
            raise ValidationError(env._("An archive category needs a name."))


class SaleArchiveCategory(models.Model):
    _name = "sale.archive.category"
    _description = "Archive Category"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Prefix of the archive numbers of this category (e.g. HT for contracts).",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: shared by every company.")
    sequence_id = fields.Many2one(
        "ir.sequence", string="Numbering", readonly=True, copy=False, check_company=True
    )
    retention_years = fields.Integer(
        string="Retention (years)",
        default=3,
        help="How long a document of this category is kept. 0: permanently.",
    )
    confidentiality = fields.Selection(CONFIDENTIALITY, required=True, default="department")
    dispute_prone = fields.Boolean(
        help="Documents of this category are kept with special care (e.g. contract change notes)."
    )
    document_count = fields.Integer(compute="_compute_document_count")

    _code_unique = models.Constraint(
        "UNIQUE(code, company_id)", "The code of an archive category must be unique."
    )

    @api.constrains("retention_years", "code", "name")
    def _check_values(self):
        for category in self:
            if not (category.name or "").strip():
                raise ValidationError(self.env._("An archive category needs a name."))
            if category.retention_years < 0:
                raise ValidationError(self.env._("The retention cannot be negative."))
            if category.retention_years > MAX_RETENTION_YEARS:
                raise ValidationError(
                    self.env._(
                        "A retention of more than %(years)s years: leave it at 0 to keep the "
                        "documents permanently.",
                        years=MAX_RETENTION_YEARS,
                    )
                )
            code = (category.code or "").strip()
            if not code:
                raise ValidationError(self.env._("An archive category needs a code."))
            # the code starts every archive number, which labels carry as a QR
            # code and scanners type back: plain letters and digits only
            if not re.fullmatch(r"[A-Za-z0-9_-]+", code):
                raise ValidationError(
                    self.env._(
                        "The code of an archive category is printed on labels and read by "
                        "scanners: use letters, digits, - or _ only."
                    )
                )

    def _compute_document_count(self):
        counts = dict(
            self.env["sale.archive.document"]._read_group(
                [("category_id", "in", self.ids)], ["category_id"], ["__count"]
            )
        )
        for category in self:
            category.document_count = counts.get(category, 0)

    def _refuse_numbering(self, vals_list):
        # the numbering is the category's own sequence, made with it: no client
        # points a category at another sequence
        if any(isinstance(vals, dict) and "sequence_id" in vals for vals in vals_list):
            raise UserError(self.env._("The numbering of a category is set when it is created."))

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_archive_values(self, vals_list)
        _check_names(self.env, vals_list, creating=True)
        self._refuse_numbering(vals_list)
        categories = super().create(vals_list)
        for category in categories:
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": f"Archive {category.code}",
                        "code": f"sale.archive.document.{category.id}",
                        "prefix": f"{category.code.strip()}/%(year)s/",
                        "padding": 5,
                        "company_id": category.company_id.id,
                    }
                )
            )
            # past this class's write, which refuses the numbering to clients
            super(SaleArchiveCategory, category).write(  # pylint: disable=super-method-mismatch
                {"sequence_id": sequence.id}
            )
        return categories

    def write(self, vals):
        check_values(self.env, [vals])
        check_archive_values(self, [vals])
        _check_names(self.env, [vals])
        self._refuse_numbering([vals])
        if vals.get("company_id"):
            self._archive_check_move(vals["company_id"])
        res = super().write(vals)
        if "code" in vals:
            for category in self:
                category.sequence_id.sudo().prefix = f"{category.code.strip()}/%(year)s/"
        if "company_id" in vals:
            for category in self:
                category.sequence_id.sudo().company_id = category.company_id
        # a category moved into a company its editor does not work in is refused
        check_rules_as_written(self)
        return res

    def _archive_check_move(self, company_id):
        """A category filing documents of another company stays where it is."""
        if (
            self.env["sale.archive.document"]
            .sudo()
            .search_count(
                [("category_id", "in", self.ids), ("company_id", "!=", company_id)], limit=1
            )
        ):
            raise ValidationError(
                self.env._(
                    "This category files documents of another company: it cannot move to "
                    "this company."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never_with_documents(self):
        if (
            self.env["sale.archive.document"]
            .sudo()
            .search_count([("category_id", "in", self.ids)], limit=1)
        ):
            raise ValidationError(
                self.env._("A category with documents cannot be deleted: archive it instead.")
            )

    def action_open_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_dept_regulation.sale_archive_document_action"
        )
        action["domain"] = [("category_id", "=", self.id)]
        action["context"] = {"default_category_id": self.id}
        return action
