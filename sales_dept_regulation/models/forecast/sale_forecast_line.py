# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..sample.sale_mould_fee_rule import check_record_ids
from ..values import check_rules_as_written, check_values

LINE_FIELDS = frozenset({"partner_id", "product_categ_id", "amount", "note"})


class SaleForecastLine(models.Model):
    """A customer's expected sales in the forecast month (a department forecasts
    per customer; the product category narrows a line when the salesperson
    knows it)."""

    _name = "sale.forecast.line"
    _description = "Monthly Sales Forecast Line"
    _order = "forecast_id, amount desc, id"
    _check_company_auto = True

    forecast_id = fields.Many2one(
        "sale.forecast", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="forecast_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="forecast_id.currency_id")
    user_id = fields.Many2one(related="forecast_id.user_id", store=True, string="Salesperson")
    month = fields.Date(related="forecast_id.month", store=True)
    state = fields.Selection(related="forecast_id.state", store=True, string="Status")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        check_company=True,
        index=True,
        ondelete="restrict",
        domain="[('parent_id', '=', False)]",
    )
    product_categ_id = fields.Many2one(
        "product.category", string="Product Category", ondelete="restrict"
    )
    amount = fields.Monetary(string="Forecast Amount", required=True)
    note = fields.Char()

    _amount_not_negative = models.Constraint(
        "CHECK(amount >= 0)", "A forecast amount cannot be negative."
    )

    @api.constrains("amount")
    def _check_amount(self):
        if any(line.amount < 0 for line in self):
            raise ValidationError(self.env._("A forecast amount cannot be negative."))

    @api.constrains("forecast_id", "partner_id", "product_categ_id")
    def _check_unique_customer(self):
        for line in self:
            twins = line.forecast_id.line_ids.filtered(
                lambda other, line=line: (
                    other != line
                    and other.partner_id == line.partner_id
                    and other.product_categ_id == line.product_categ_id
                )
            )
            if twins:
                raise ValidationError(
                    self.env._(
                        "The forecast already has a line for %(customer)s: add the amount "
                        "to that line.",
                        customer=line.partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD: lines of the salesperson's own drafts
    # ------------------------------------------------------------

    @api.model
    def _commercial_customer(self, vals):
        # a forecast is per customer: a contact's line is its company's
        if vals.get("partner_id") and isinstance(vals["partner_id"], int):
            partner = self.env["res.partner"].browse(vals["partner_id"]).exists()
            if partner:
                vals["partner_id"] = partner.commercial_partner_id.id
        return vals

    def _check_line_vals(self, vals, allowed):
        if self.env.su:
            return
        if forbidden := vals.keys() - allowed:
            raise UserError(
                self.env._(
                    "These fields of a forecast line cannot be set: %(fields)s.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            if name in self._fields
                            else str(name)
                            for name in forbidden
                        )
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_record_ids(self, vals_list)
        vals_list = [self._commercial_customer(dict(vals)) for vals in vals_list]
        for vals in vals_list:
            self._check_line_vals(vals, LINE_FIELDS | {"forecast_id"})
        lines = super().create(vals_list)
        for forecast in lines.forecast_id:
            forecast._check_editable()
        check_rules_as_written(lines)
        return lines

    def write(self, vals):
        check_values(self.env, [vals])
        check_record_ids(self, [vals])
        vals = self._commercial_customer(dict(vals))
        if not self.env.su:
            self.check_access("write")
        self._check_line_vals(vals, LINE_FIELDS)
        for forecast in self.forecast_id:
            forecast._check_editable()
        res = super().write(vals)
        check_rules_as_written(self)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_lines(self):
        for forecast in self.forecast_id:
            if forecast.state != "draft":
                raise UserError(
                    self.env._(
                        "The forecast %(forecast)s is no longer a draft: its lines stay.",
                        forecast=forecast.name,
                    )
                )
            forecast._check_editable()
