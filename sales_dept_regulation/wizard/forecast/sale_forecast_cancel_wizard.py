# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ...models.sample.sale_mould_fee_rule import check_record_ids
from ...models.values import check_values


class SaleForecastCancelWizard(models.TransientModel):
    """Asks the reason for cancelling a forecast, then cancels it: the action
    checks who may."""

    _name = "sale.forecast.cancel.wizard"
    _description = "Cancel a Sales Forecast"

    forecast_id = fields.Many2one("sale.forecast", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        check_record_ids(self, vals_list)
        return super().create(vals_list)

    def action_confirm(self):
        self.ensure_one()
        self.forecast_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
