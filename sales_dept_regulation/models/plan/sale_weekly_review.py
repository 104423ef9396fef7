# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.tools import SQL


class SaleWeeklyReview(models.TransientModel):
    """The weekly review's plan: the month's plan against the orders confirmed
    so far (as the orders section counts them), the year to date, and the
    month's invoiced and paid amounts, as the achievement report counts them."""

    _inherit = "sale.weekly.review"

    def _review_sections(self):
        sections = super()._review_sections()
        # the orders section has counted the month and the year to date
        orders = next((section for section in sections if section["key"] == "orders"), {})
        sections.append(self._section_plan(orders.get("confirmed")))
        return sections

    def _section_plan(self, confirmed=None):
        """``confirmed``: the orders confirmed in the month and the year to
        date, as _confirmed_amounts counts them over _confirmed_periods."""
        month = self._month_start()
        year_start = month.replace(month=1)
        # the figures of the achievement report (sale.plan.achievement), read
        # from its sources for one salesperson and one month: the report's view
        # sums every order and invoice of the salesperson before it can filter
        # on its month, which costs several times what the figures need. Plan
        # lines and invoices have the report's access (own or department, the
        # company); the orders are counted as the orders section counts them
        # (by it, in the review).
        base = [("user_id", "=", self.user_id.id), ("company_id", "=", self.company_id.id)]
        planned = planned_ytd = 0.0
        for line_month, amount in self.env["sale.plan.line"]._read_group(
            [
                *base,
                ("plan_state", "=", "approved"),
                ("month", ">=", year_start),
                ("month", "<=", month),
            ],
            ["month:month"],
            ["amount:sum"],
        ):
            planned_ytd += amount or 0.0
            if line_month == month:
                planned = amount or 0.0
        if confirmed is None:
            periods = self._confirmed_periods()
            confirmed = self._confirmed_amounts({key: periods[key] for key in ("month", "year")})
        ordered, ordered_ytd = confirmed["month"][1], confirmed["year"][1]
        invoiced, paid = self._invoiced_and_paid(month)
        return {
            "sequence": 5,
            "key": "plan",
            "title": self.env._("Sales plan"),
            "rows": [
                (self.env._("Plan of this month"), self._money(planned)),
                (self.env._("Confirmed this month to date"), self._money(ordered)),
                (self.env._("Completion of this month"), self._completion(ordered, planned)),
                (self.env._("Plan of the year to this month"), self._money(planned_ytd)),
                (self.env._("Confirmed this year to date"), self._money(ordered_ytd)),
                (self.env._("Completion of the year"), self._completion(ordered_ytd, planned_ytd)),
                (
                    self.env._("Invoiced this month"),
                    self._money(invoiced),
                ),
                (
                    self.env._("Paid of this month's invoices"),
                    self._money(paid),
                ),
            ],
        }

    def _invoiced_and_paid(self, month):
        """The month's posted customer invoices minus refunds of the
        salesperson, untaxed, and the paid share of them, as the achievement
        report computes them (in SQL, to the same cent)."""
        Move = self.env["account.move"]
        query = Move._search(
            [
                ("invoice_user_id", "=", self.user_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "posted"),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("invoice_date", ">=", month),
                ("invoice_date", "<", month + relativedelta(months=1)),
            ]
        )
        untaxed = Move._field_to_sql(query.table, "amount_untaxed_signed", query)
        total = Move._field_to_sql(query.table, "amount_total_signed", query)
        residual = Move._field_to_sql(query.table, "amount_residual_signed", query)
        [(invoiced, paid)] = self.env.execute_query(
            query.select(
                SQL("COALESCE(sum(%s), 0.0)", untaxed),
                SQL(
                    "COALESCE(sum(CASE WHEN %s = 0 THEN 0.0 ELSE %s * (%s - %s) / %s END), 0.0)",
                    total,
                    untaxed,
                    total,
                    residual,
                    total,
                ),
            )
        )
        return invoiced, paid

    def _completion(self, achieved, planned):
        return f"{100.0 * achieved / planned:.1f} %" if planned else "—"
