# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .sale_mould_fee_rule import check_record_ids

FEE_PRODUCT_FIELDS = ("sdr_sample_mould_product_id", "sdr_sample_fee_product_id")


class ResCompany(models.Model):
    _inherit = "res.company"

    sdr_sample_mould_product_id = fields.Many2one(
        "product.product", string="Mould Fee Product", domain=[("type", "=", "service")]
    )
    sdr_sample_fee_product_id = fields.Many2one(
        "product.product", string="Sample Fee Product", domain=[("type", "=", "service")]
    )

    def write(self, vals):
        if isinstance(vals, dict):
            # the settings' fee products: an id the database cannot hold is a clear error
            check_record_ids(
                self, [{name: vals[name] for name in FEE_PRODUCT_FIELDS if name in vals}]
            )
        return super().write(vals)

    @api.constrains(*FEE_PRODUCT_FIELDS)
    def _check_sdr_sample_fee_products(self):
        # a fee order invoices a fee, never goods a warehouse would deliver
        for company in self.sudo():
            for product in company.sdr_sample_mould_product_id | company.sdr_sample_fee_product_id:
                if product.type != "service":
                    raise ValidationError(
                        self.env._(
                            "%(product)s is not a service: the Mould Fee and Sample Fee "
                            "products must be services.",
                            product=product.display_name,
                        )
                    )
                if product.company_id and product.company_id != company:
                    raise ValidationError(
                        self.env._(
                            "%(product)s belongs to another company: choose a fee product "
                            "of %(company)s or shared by all companies.",
                            product=product.display_name,
                            company=company.name,
                        )
                    )

    def _regulation_setup_defaults(self):
        # after the grades, which the fee rules point to
        res = super()._regulation_setup_defaults()
        rules = self._regulation_shipped("sale.mould.fee.rule", "sale_mould_fee_rule_")
        Grade = self.env["sale.customer.grade"].sudo().with_context(active_test=False)
        shipped = list(zip(rules, rules.copy_data(), strict=True))
        vals_list = []
        for company in self:
            # the company's copy of a shipped grade: same scale, same sequence
            grades = {
                (grade.customer_stage, grade.sequence): grade
                for grade in Grade.search([("company_id", "=", company.id)])
            }
            for rule, shipped_vals in shipped:
                vals = dict(shipped_vals)
                grade = grades.get((rule.grade_id.customer_stage, rule.grade_id.sequence))
                if rule.grade_id and not grade:
                    continue  # no grade would widen the rule to the whole stage
                vals.update(company_id=company.id, grade_id=grade.id if grade else False)
                vals_list.append(vals)
        rules.with_context(tracking_disable=True, mail_create_nolog=True).create(vals_list)
        return res
