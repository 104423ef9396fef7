# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # A launch date rather than the record's creation date: a catalogue imported
    # on the day Odoo starts would make every product "new", and a product
    # re-launched later would never be.
    sdr_launch_date = fields.Date(
        string="Launch Date",
        help="A product is new for the company's New Product Period after this date: "
        "its first sale to a customer schedules a visit to that customer.",
    )
