# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .. import roles
from .amount_words import amount_in_currency_words


class SaleOrder(models.Model):
    _inherit = "sale.order"

    sdr_contract_template_id = fields.Many2one(
        "sale.contract.template",
        string="Contract Template",
        compute="_compute_sdr_contract_template_id",
        store=True,
        readonly=False,
        tracking=True,
        check_company=True,
        # a copy computes its own; copying would read a field a plain Sales
        # user may not read
        copy=False,
        groups=roles.SCOPE_OWN,
    )
    # copied from the template when the order becomes a contract: what is
    # signed, frozen with the rest of the order under signature
    sdr_contract_clauses = fields.Html(
        string="Contract Clauses",
        compute="_compute_sdr_contract_clauses",
        store=True,
        readonly=False,
        sanitize=True,
        copy=False,
        groups=roles.SCOPE_OWN,
    )
    # The contract group's own names for fields the Other Info page also holds
    # (hidden there on a contract): the form marks a page red when a field of
    # that name is invalid, so a blank contract number is marked where it is
    # typed, not on the page too.
    sdr_contract_ref = fields.Char(
        related="client_order_ref", readonly=False, string="Contract Number"
    )
    sdr_contract_delivery_date = fields.Datetime(
        related="commitment_date", readonly=False, string="Contract Delivery Date"
    )
    sdr_contract_delivery_method = fields.Selection(
        related="sdr_delivery_method", readonly=False, string="Contract Delivery Arrangement"
    )
    sdr_amount_in_words = fields.Char(
        string="Amount in Chinese Capitals", compute="_compute_sdr_amount_in_words"
    )
    sdr_can_manage = fields.Boolean(string="Manages Signatures", compute="_compute_sdr_can_manage")

    @api.depends("is_contract", "sdr_approval_kind", "partner_id", "company_id")
    def _compute_sdr_contract_template_id(self):
        Template = self.env["sale.contract.template"].sudo()
        by_company = {}  # each company's templates, read once for all the orders
        for order in self:
            if order.sdr_contract_template_id or order.sdr_approval_kind != "contract":
                continue
            if order.partner_id:
                company = order.company_id or self.env.company
                if company not in by_company:
                    by_company[company] = Template.search([("company_id", "=", company.id)])
                order.sdr_contract_template_id = by_company[company].filtered(
                    lambda template, order=order: template._contract_applies_to(order.partner_id)
                )[:1]

    @api.depends("sdr_contract_template_id")
    def _compute_sdr_contract_clauses(self):
        for order in self:
            template = order.sdr_contract_template_id.sudo()
            if template:
                order.sdr_contract_clauses = template.with_context(
                    lang=order.partner_id.lang or self.env.lang
                ).clauses

    @api.depends("amount_total", "currency_id")
    def _compute_sdr_amount_in_words(self):
        for order in self:
            order.sdr_amount_in_words = amount_in_currency_words(
                order.amount_total, order.currency_id.name
            )

    @api.depends_context("uid")
    def _compute_sdr_can_manage(self):
        self.sdr_can_manage = self.env.user.has_groups(roles.MANAGERS)
