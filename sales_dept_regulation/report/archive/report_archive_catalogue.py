# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class ReportArchiveCatalogue(models.AbstractModel):
    _name = "report.sales_dept_regulation.report_archive_catalogue"
    _description = "Archive Catalogue Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        categories = self.env["sale.archive.category"].browse(docids)
        # searched as the user: the record rules leave out what the user may not see
        documents = self.env["sale.archive.document"].search(
            [("category_id", "in", categories.ids)], order="category_id, name"
        )
        return {
            "doc_ids": categories.ids,
            "doc_model": "sale.archive.category",
            "docs": categories,
            "documents_by_category": {
                category.id: documents.filtered(lambda d, c=category: d.category_id == c)
                for category in categories
            },
        }
