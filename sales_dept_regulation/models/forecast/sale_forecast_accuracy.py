# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.tools import SQL

# 100 × (1 − |actual − forecast| / forecast), not below 0; no accuracy without
# a forecast amount. The same formula for a row and for a group of rows (read
# on the group's sums, see _read_group_select).
ACCURACY_SQL = (
    "CASE WHEN {forecast} > 0 THEN "
    "GREATEST(0, 1 - ABS({actual} - {forecast}) / {forecast}) * 100 END"
)


class SaleForecastAccuracy(models.Model):
    """Each submitted forecast against the orders of its month: per customer,
    the amount forecast and the untaxed amount of the salesperson's confirmed
    orders dated in the month in her time zone (date_order between the
    forecast's date_start and date_stop), in the company's currency. A customer
    ordered from without a forecast line appears with a forecast of 0."""

    _name = "sale.forecast.accuracy"
    _description = "Sales Forecast Accuracy"
    _auto = False
    _order = "month desc, user_id, partner_id"

    forecast_id = fields.Many2one("sale.forecast", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    month = fields.Date(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    forecast_amount = fields.Monetary(readonly=True)
    actual_amount = fields.Monetary(readonly=True)
    difference = fields.Monetary(
        string="Actual − Forecast", readonly=True, help="Positive: sold more than forecast."
    )
    accuracy = fields.Float(
        string="Accuracy (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 × (1 − |actual − forecast| / forecast), not below 0, computed on the "
        "sums of each group (a salesperson's month, a customer, the department).",
    )

    @property
    def _table_query(self):
        rate = "CASE WHEN COALESCE(so.currency_rate, 0) = 0 THEN 1 ELSE so.currency_rate END"
        accuracy = ACCURACY_SQL.format(
            forecast="SUM(rows.forecast_amount)", actual="SUM(rows.actual_amount)"
        )
        return SQL(
            f"""
            SELECT
                -- stable while other forecasts come and go: the forecast's id
                -- and the customer's rank in it
                rows.forecast_id::bigint * 100000
                    + ROW_NUMBER() OVER (
                        PARTITION BY rows.forecast_id ORDER BY rows.partner_id
                    ) AS id,
                rows.forecast_id,
                f.company_id,
                company.currency_id,
                f.user_id,
                f.month,
                rows.partner_id,
                SUM(rows.forecast_amount) AS forecast_amount,
                SUM(rows.actual_amount) AS actual_amount,
                SUM(rows.actual_amount) - SUM(rows.forecast_amount) AS difference,
                {accuracy} AS accuracy
            FROM (
                SELECT line.forecast_id, line.partner_id,
                       line.amount AS forecast_amount, 0 AS actual_amount
                  FROM sale_forecast_line line
                UNION ALL
                SELECT sf.id, partner.commercial_partner_id,
                       0, so.amount_untaxed / {rate}
                  FROM sale_forecast sf
                  JOIN sale_order so
                    ON so.user_id = sf.user_id
                   AND so.company_id = sf.company_id
                   AND so.state = 'sale'
                   AND so.date_order >= sf.date_start
                   AND so.date_order < sf.date_stop
                  JOIN res_partner partner ON partner.id = so.partner_id
                 WHERE sf.state = 'submitted'
            ) AS rows
            JOIN sale_forecast f ON f.id = rows.forecast_id
            JOIN res_company company ON company.id = f.company_id
            WHERE f.state = 'submitted'
            GROUP BY rows.forecast_id, f.company_id, company.currency_id, f.user_id, f.month,
                     rows.partner_id
            """  # noqa: S608 constants only
        )

    def _read_group_select(self, aggregate_spec, query):
        # the accuracy of a group is the formula on its sums, not the average
        # of its rows' accuracies
        if aggregate_spec != "accuracy:avg":
            return super()._read_group_select(aggregate_spec, query)
        forecast = self._field_to_sql(self._table, "forecast_amount", query)
        actual = self._field_to_sql(self._table, "actual_amount", query)
        return SQL(
            ACCURACY_SQL.format(forecast="SUM(%(forecast)s)", actual="SUM(%(actual)s)"),
            forecast=forecast,
            actual=actual,
        )

    @api.model
    def _flush_sources(self):
        """Write the pending changes of the tables the view reads: within a
        transaction (a confirmation, then the figures) the view sees them."""
        env = self.env
        env["sale.forecast"].flush_model(
            ["state", "user_id", "company_id", "month", "date_start", "date_stop"]
        )
        env["sale.forecast.line"].flush_model(["forecast_id", "partner_id", "amount"])
        env["sale.order"].flush_model(
            [
                "state",
                "user_id",
                "company_id",
                "partner_id",
                "date_order",
                "amount_untaxed",
                "currency_rate",
            ]
        )
        env["res.partner"].flush_model(["commercial_partner_id"])

    @api.model
    def _forecast_figures(self, forecasts):
        """{forecast id: (actual amount, accuracy)} of the submitted ``forecasts``."""
        submitted = forecasts.filtered(lambda f: f.id and f.state == "submitted")
        if not submitted:
            return {}
        self._flush_sources()
        groups = self.sudo()._read_group(
            [("forecast_id", "in", submitted.ids)],
            ["forecast_id"],
            ["actual_amount:sum", "accuracy:avg"],
        )
        return {forecast.id: (actual, accuracy) for forecast, actual, accuracy in groups}
