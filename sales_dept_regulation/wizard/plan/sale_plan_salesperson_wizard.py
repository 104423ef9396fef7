# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ...models.values import check_values

MONTHS = range(1, 13)


class SalePlanSalespersonWizard(models.TransientModel):
    """One salesperson's year on one row: twelve monthly amounts, written to
    the plan as one line per month (what the achievement report aggregates)."""

    _name = "sale.plan.salesperson.wizard"
    _description = "Sales Plan: a Salesperson's Months"

    plan_id = fields.Many2one("sale.plan", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="plan_id.company_id")
    currency_id = fields.Many2one(related="plan_id.currency_id")
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, domain="[('share', '=', False)]"
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Region",
        compute="_compute_team_id",
        store=True,
        readonly=False,
    )
    amount_01 = fields.Monetary(string="January")
    amount_02 = fields.Monetary(string="February")
    amount_03 = fields.Monetary(string="March")
    amount_04 = fields.Monetary(string="April")
    amount_05 = fields.Monetary(string="May")
    amount_06 = fields.Monetary(string="June")
    amount_07 = fields.Monetary(string="July")
    amount_08 = fields.Monetary(string="August")
    amount_09 = fields.Monetary(string="September")
    amount_10 = fields.Monetary(string="October")
    amount_11 = fields.Monetary(string="November")
    amount_12 = fields.Monetary(string="December")

    @api.depends("user_id")
    def _compute_team_id(self):
        for wizard in self:
            wizard.team_id = wizard.user_id.sudo().sale_team_id

    @api.onchange("user_id", "team_id")
    def _onchange_salesperson(self):
        # the months already planned for this salesperson and region
        lines = self._existing_lines()
        by_month = {line.month.month: line.amount for line in lines}
        for month in MONTHS:
            self[f"amount_{month:02d}"] = by_month.get(month, 0.0)

    def _existing_lines(self):
        return self.plan_id.line_ids.filtered(
            lambda line: line.user_id == self.user_id and line.team_id == self.team_id
        )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self.env, vals_list)
        return super().create(vals_list)

    def action_confirm(self):
        self.ensure_one()
        if any(self[f"amount_{month:02d}"] < 0 for month in MONTHS):
            raise UserError(self.env._("The planned amount cannot be negative."))
        lines = {line.month.month: line for line in self._existing_lines()}
        commands = []
        for month in MONTHS:
            amount = self[f"amount_{month:02d}"]
            line = lines.get(month)
            if line:
                commands.append(Command.update(line.id, {"amount": amount}))
            elif amount:
                commands.append(
                    Command.create(
                        {
                            "user_id": self.user_id.id,
                            "team_id": self.team_id.id,
                            "month": date(self.plan_id.year, month, 1),
                            "amount": amount,
                        }
                    )
                )
        # as the user: the plan's and the lines' rules decide (a draft, the
        # Department Head)
        self.plan_id.write({"line_ids": commands})
        return {"type": "ir.actions.act_window_close"}
