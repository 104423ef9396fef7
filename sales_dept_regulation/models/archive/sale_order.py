# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .sale_archive_approval import as_workflow

FILE_CONTRACT = "sales_dept_regulation.mail_activity_type_file_contract"
FILE_SIGNED_CONTRACTS_CRON = "sales_dept_regulation.ir_cron_archive_file_signed_contracts"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    sdr_archive_count = fields.Integer(
        string="Archive Documents",
        compute="_compute_sdr_archive_count",
        groups="sales_dept_regulation.group_scope_own",
    )

    @api.depends_context("uid")
    def _compute_sdr_archive_count(self):
        counts = self.env["sale.archive.document"]._archive_count_by("sale_order_id", self)
        for order in self:
            order.sdr_archive_count = counts.get(order, 0)

    def action_sdr_open_archive(self):
        self.ensure_one()
        return self.env["sale.archive.document"]._archive_action_for(
            "sale_order_id", self, {"sale_order_id": self.id, "partner_id": self.partner_id.id}
        )

    def _contract_take_effect(self):
        # the amendment flag is cleared by the contract taking effect
        amending = self.sdr_amending
        res = super()._contract_take_effect()
        if self.sdr_approval_kind == "contract":
            self._archive_file_contract(amending)
        return res

    def _archive_file_contract(self, amending=False):
        """File the contract the moment it takes effect (signed the same day):
        a catalogue entry, to which the job "file signed contracts" attaches the
        signed contract right after the signature's commit (the rendering takes
        seconds: the last signer does not wait for it); the clerk's activity asks
        only where the paper original is kept."""
        self.ensure_one()
        xmlid = (
            "sales_dept_regulation.archive_category_contract_change"
            if amending
            else "sales_dept_regulation.archive_category_sales_contract"
        )
        category = self.env.ref(xmlid, raise_if_not_found=False)
        if not category:
            return self.env["sale.archive.document"]
        title = (
            self.env._(
                "Contract change note %(order)s, version %(version)s",
                order=self.name,
                version=self.sdr_contract_version,
            )
            if amending
            else self.env._(
                "Sales contract %(order)s, version %(version)s",
                order=self.name,
                version=self.sdr_contract_version,
            )
        )
        # the archivist files it: the company's Sales Clerk, who gets the
        # filing activity, not the signer whose signature made it effective
        archivist = self.env["sale.archive.document"].with_company(self.company_id)._archive_clerk()
        document = as_workflow(self.env["sale.archive.document"]).create(
            {
                "title": title,
                "category_id": category.id,
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "sale_order_id": self.id,
                "filed_by_id": (archivist or self.env.user).id,
                "contract_pending": True,
                **({"dispute_prone": True} if amending else {}),
            }
        )
        # the job attaches it right after this transaction's commit (and, should
        # the rendering fail, at its next hourly run)
        job = self.env.ref(FILE_SIGNED_CONTRACTS_CRON, raise_if_not_found=False)
        if job:
            job.sudo()._trigger()
        # the contract's "file it" activity, due today, now only asks where the
        # paper original is kept (the catalogue entry exists already)
        activity = (
            self.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(FILE_CONTRACT))
            .sorted("id")[-1:]
        )
        activity.write(
            {
                "summary": self.env._(
                    "Where is the paper original of %(document)s kept?",
                    document=document.name,
                ),
                "note": self.env._(
                    "Filed as %(document)s with the signed contract attached: record the "
                    "cabinet, shelf and box of the paper original.",
                    document=document.name,
                ),
            }
        )
        return document

    @api.model
    def _cron_archive_unlocated(self):
        """End of day: effective contracts whose paper original has no location
        yet remind the clerk and the Department Head (once per open reminder)."""
        documents = (
            self.env["sale.archive.document"]
            .sudo()
            .search(
                [
                    ("category_id", "in", self._archive_contract_categories().ids),
                    ("state", "=", "filed"),
                    ("cabinet", "=", False),
                    ("shelf", "=", False),
                    ("box", "=", False),
                ]
            )
        )
        activity_type = self.env.ref("sales_dept_regulation.mail_activity_type_archive_location")
        heads = self.env.ref("sales_dept_regulation.group_role_department_head").sudo().user_ids
        open_pairs = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "sale.archive.document"),
                    ("res_id", "in", documents.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        vals_list = []
        for document in documents:
            users = (
                document._archive_clerk()
                | heads.filtered(lambda u, d=document: d.company_id in u.company_ids).sorted("id")[
                    :1
                ]
            )
            for user in users:
                if (document.id, user.id) not in open_pairs:
                    vals_list.append(
                        document._archive_activity_vals(
                            activity_type,
                            user,
                            summary=self.env._(
                                "The paper original of %(document)s has no location yet.",
                                document=document.name,
                            ),
                        )
                    )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )

    def _archive_close_filing_activities(self):
        """The paper originals of all the contract's filed documents have a
        location: the clerk's filing activity is done."""
        categories = self._archive_contract_categories()
        documents = (
            self.env["sale.archive.document"]
            .sudo()
            .search([("sale_order_id", "in", self.ids), ("category_id", "in", categories.ids)])
        )
        for order in self:
            filed = documents.filtered(
                lambda document, order=order: document.sale_order_id == order
            )
            if filed and all(filed.mapped("location")):
                order.sudo().activity_feedback([FILE_CONTRACT], only_automated=False)

    @api.model
    def _archive_contract_categories(self):
        categories = self.env["sale.archive.category"]
        for xmlid in ("archive_category_sales_contract", "archive_category_contract_change"):
            categories |= (
                self.env.ref(f"sales_dept_regulation.{xmlid}", raise_if_not_found=False)
                or categories.browse()
            )
        return categories
