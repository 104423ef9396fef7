# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

DEMO_COMPANY = "sales_dept_regulation.company_demo_jianshi"
# the generic chart: the addon depends on no localisation, and the demo company
# books in yuan whatever chart it keeps
DEMO_CHART = "generic_coa"
# the Chinese names of the chart's records a form shows (a Chinese customer of
# the demo company is "foreign trade" to the generic chart, its order lines
# show the mapped tax), which the account module does not translate
DEMO_CHART_NAMES = {
    "account.tax": {"0% Exports": "0% 出口", "0% Imports": "0% 进口"},
    "account.tax.group": {"Tax 15%": "税 15%", "Tax 0%": "税 0%"},
    "account.fiscal.position": {"Domestic": "境内", "Foreign Trade": "对外贸易"},
}


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _regulation_demo_chart_of_accounts(self):
        """Demo data only: give the demo company a chart of accounts, so its
        invoices, receivables and order cycle can be shown.

        Only the addon's own demo company is touched, and only when it has no
        chart yet (a second call changes nothing). The chart loader sets the
        currency of its fiscal country (the generic chart's is the US): the
        company keeps its yuan, as nothing is booked in it yet."""
        company = self.env.ref(DEMO_COMPANY, raise_if_not_found=False)
        if not company or company.chart_template:
            return
        currency = company.currency_id
        # _load rather than try_loading: try_loading only adds the guess of a
        # template (we name ours) and a warning against loading while the
        # registry loads, which demo data does by definition; account, whose
        # models the chart fills, is loaded before this addon.
        self.env["account.chart.template"]._load(DEMO_CHART, company, install_demo=False)
        if company.currency_id != currency:
            company.sudo().currency_id = currency
        self._regulation_demo_chart_names(company)

    @api.model
    def _regulation_demo_chart_names(self, company):
        """The Chinese names of ``company``'s taxes, tax groups and fiscal
        positions that the account module leaves in English."""
        for model, names in DEMO_CHART_NAMES.items():
            records = (
                self.env[model]
                .sudo()
                .with_context(active_test=False, lang="en_US")
                .search([("company_id", "=", company.id), ("name", "in", list(names))])
            )
            for record in records:
                record.update_field_translations("name", {"zh_CN": names[record.name]})
