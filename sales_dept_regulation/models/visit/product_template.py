# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("sdr_launch_date")
    def _check_sdr_launch_date(self):
        for template in self:
            launch = template.sdr_launch_date
            if launch and not date(1900, 1, 1) <= launch <= date(2999, 12, 31):
                raise ValidationError(
                    self.env._(
                        "The launch date of %(product)s is not a real date: %(date)s.",
                        product=template.display_name,
                        date=launch,
                    )
                )
