# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import models

from ...models.conduct.sale_conduct_fine import COUNTED_STATES
from ..month_report import month_bounds, month_period


def appraisal_period(data, objs):
    """'year' for the year-end appraisal, else 'month' (the data may come
    straight from a report URL: anything else is the month)."""
    data = data if isinstance(data, dict) else {}
    wizard = objs[:1] if "period" in objs._fields else None
    return "year" if data.get("period", wizard.period if wizard else None) == "year" else "month"


class SaleConductFineXlsx(models.AbstractModel):
    """Month-end or year-end appraisal: one row per employee, count and amount
    per rule."""

    _name = "report.sales_dept_regulation.sale_conduct_fine_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Fine Appraisal (XLSX)"

    def _month_domain(self, year, month, whole_year=False):
        """Counted fines whose event falls in the month (or its whole year), in
        the user's time zone."""
        start, stop = month_bounds(self.env, year, 1 if whole_year else month)
        if whole_year:
            stop = month_bounds(self.env, year, 12)[1]
        return [
            ("event_datetime", ">=", start),
            ("event_datetime", "<", stop),
            ("state", "in", COUNTED_STATES),
        ]

    def _get_appraisal_rows(self, year, month, whole_year=False):
        """(rules, rows): rows are dicts per employee, sorted by name.

        Runs as the current user: record rules decide whose fines are seen."""
        Fine = self.env["sale.conduct.fine"]
        domain = self._month_domain(year, month, whole_year)
        per_rule = Fine._read_group(domain, ["employee_id", "rule_id"], ["__count", "amount:sum"])
        per_state = Fine._read_group(domain, ["employee_id", "state"], ["amount:sum"])
        rows = defaultdict(
            lambda: {
                "rules": {},
                "total": 0.0,
                "paid": 0.0,
                "unpaid": 0.0,
                "planned": 0.0,
                "ordered": 0.0,
            }
        )
        rules = self.env["sale.conduct.rule"]
        for employee, rule, count, amount in per_rule:
            rows[employee]["rules"][rule] = (count, amount)
            rows[employee]["total"] += amount
            rules |= rule
        for employee, state, amount in per_state:
            rows[employee]["paid" if state == "paid" else "unpaid"] += amount
        for employee, planned, ordered in self._plan_completion(year, month, whole_year):
            rows[employee]["planned"] += planned
            rows[employee]["ordered"] += ordered
        # names and departments are public: read them where every user may
        employees = (
            self.env["hr.employee.public"]
            .browse(employee.id for employee in rows)
            .sorted(lambda e: e.name or "")
        )
        return (
            rules.sorted(lambda r: (r.sequence, r.code)),
            [
                dict(rows[self.env["hr.employee"].browse(employee.id)], employee=employee)
                for employee in employees
            ],
        )

    def _plan_completion(self, year, month, whole_year):
        """[(hr.employee, planned, ordered)] of the period: the appraisal puts
        the plan's completion beside the conduct record (regulation 000
        §管理制度). Read as the current user: record rules decide whose plan
        is seen; an employee is found by her user, in the user's companies."""
        first = date(year, 1 if whole_year else month, 1)
        stop = first + relativedelta(years=1) if whole_year else first + relativedelta(months=1)
        figures = self.env["sale.plan.achievement"]._read_group(
            [("month", ">=", first), ("month", "<", stop)],
            ["user_id"],
            ["plan_amount:sum", "ordered_amount:sum"],
        )
        users = [user for user, _planned, _ordered in figures if user]
        employee_of = {}
        for employee in (
            self.env["hr.employee.public"]
            .search(
                [
                    ("user_id", "in", [user.id for user in users]),
                    ("company_id", "in", self.env.companies.ids),
                ]
            )
            .sorted(lambda e: e.company_id != self.env.company)
        ):
            employee_of.setdefault(employee.user_id, employee)
        return [
            (self.env["hr.employee"].browse(employee_of[user].id), planned, ordered)
            for user, planned, ordered in figures
            if user in employee_of and (planned or ordered)
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        year, month = month_period(self.env, data, objs)
        whole_year = appraisal_period(data, objs) == "year"
        rules, rows = self._get_appraisal_rows(year, month, whole_year)

        sheet = workbook.add_worksheet(str(year) if whole_year else f"{year}-{month:02d}")
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        money = workbook.add_format(
            {"num_format": self._report_xlsx_currency_format(self.env.company.currency_id)}
        )
        money_bold = workbook.add_format(
            {
                "bold": True,
                "num_format": self._report_xlsx_currency_format(self.env.company.currency_id),
            }
        )
        title = (
            self.env._("Fines of %(year)s", year=year)
            if whole_year
            else self.env._("Fines of %(year)s-%(month)02d", year=year, month=month)
        )
        sheet.write(0, 0, title, bold)
        header = [self.env._("Employee"), self.env._("Department")]
        for rule in rules:
            header += [
                self.env._("%(rule)s: count", rule=rule.display_name),
                self.env._("%(rule)s: amount", rule=rule.display_name),
            ]
        header += [self.env._("Total"), self.env._("Paid"), self.env._("Unpaid")]
        header += [self.env._("Planned"), self.env._("Ordered"), self.env._("Plan Completion (%)")]
        sheet.write_row(2, 0, header, head)
        sheet.set_row(2, 45)
        sheet.set_column(0, 1, 18)
        sheet.set_column(2, len(header), 12)
        sheet.freeze_panes(3, 1)
        percent = workbook.add_format({"num_format": "0.0"})
        percent_bold = workbook.add_format({"bold": True, "num_format": "0.0"})
        totals = [0] * (2 * len(rules) + 5)
        row_index = 3
        for row in [*rows, None]:
            if row is None:  # the totals line
                values, label, department = totals, self.env._("Total"), ""
                number, amount, rate = bold, money_bold, percent_bold
            else:
                values = []
                for rule in rules:
                    values += list(row["rules"].get(rule, (0, 0.0)))
                values += [row["total"], row["paid"], row["unpaid"], row["planned"], row["ordered"]]
                totals = [a + b for a, b in zip(totals, values, strict=True)]
                label, department = row["employee"].name, row["employee"].department_id.name
                number, amount, rate = None, money, percent
            sheet.write(row_index, 0, label, bold if row is None else None)
            sheet.write(row_index, 1, department or "")
            for col, value in enumerate(values, start=2):
                is_money = col >= 2 + 2 * len(rules) or col % 2
                sheet.write_number(row_index, col, value, amount if is_money else number)
            planned, ordered = values[-2:]
            if planned:
                sheet.write_number(row_index, 2 + len(values), 100.0 * ordered / planned, rate)
            row_index += 1
