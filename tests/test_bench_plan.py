# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Benchmark: plan achievement for 200 salespeople over three years of 1,000,000
order lines (250,000 confirmed or open orders of four lines each), with their
invoices and an approved plan per year.

The rows are written in SQL inside a transaction of the test database that is
rolled back at the end. Measured in the same run, from a cold ORM cache:

- the addon: the pivot's call on the achievement report (``_read_group`` by
  salesperson and month of the planned, ordered, invoiced and paid amounts,
  through the ORM, the record rules' company filter and the view);
- the floor: the same figures from three plain SQL aggregates straight on the
  tables (plan lines, orders, invoices), each grouped by salesperson and month,
  which is what any implementation has to read.

Both give the same totals; the goal is the addon within 3x the floor.

On the same data, the weekly review of one salesperson (every section of the
addon: orders, plan, visits and logs, forecasts, new customers, overdue items)
against the floor of the same figures: one plain SQL aggregate per figure, with
the review's own bounds."""

import time
from datetime import date

from dateutil.relativedelta import relativedelta
from figures import BENCH, report, size

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config, get_lang
from odoo.tools.translate import code_translations

SALESPEOPLE = size(200, 20)
ORDERS = size(250_000, 5_000)
LINES_PER_ORDER = 4
YEARS = (2041, 2042, 2043)
GOAL = 3  # issue 25: the achievement within 3x the floor
AGGREGATES = ["plan_amount:sum", "ordered_amount:sum", "invoiced_amount:sum", "paid_amount:sum"]

FLOOR_SQL = (
    """
    SELECT l.user_id, l.month, sum(l.amount)
      FROM sale_plan_line l
     WHERE l.plan_state = 'approved' AND l.user_id = ANY(%(users)s)
     GROUP BY 1, 2
    """,
    """
    SELECT so.user_id,
           date_trunc('month', timezone(p.tz, so.date_order AT TIME ZONE 'UTC'))::date,
           sum(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0))
      FROM sale_order so
      JOIN res_users u ON u.id = so.user_id
      JOIN res_partner p ON p.id = u.partner_id
     WHERE so.state = 'sale' AND so.user_id = ANY(%(users)s)
     GROUP BY 1, 2
    """,
    """
    SELECT am.invoice_user_id, date_trunc('month', am.invoice_date)::date,
           sum(am.amount_untaxed_signed),
           sum(am.amount_untaxed_signed * (am.amount_total_signed - am.amount_residual_signed)
               / NULLIF(am.amount_total_signed, 0))
      FROM account_move am
     WHERE am.state = 'posted' AND am.move_type IN ('out_invoice', 'out_refund')
       AND am.invoice_user_id = ANY(%(users)s)
     GROUP BY 1, 2
    """,
)


# the weekly review's figures, in plain SQL (bounds as the review computes them)
_CONFIRMED = """
    SELECT count(*), sum(amount_untaxed / COALESCE(NULLIF(currency_rate, 0), 1.0))
      FROM sale_order
     WHERE user_id = %(user)s AND company_id = %(company)s AND state = 'sale'
       AND date_order >= %(start)s AND date_order < %(stop)s
"""
REVIEW_FLOOR_SQL = (
    # orders of the week, of the month to date, of the year before the month
    (_CONFIRMED, "week"),
    (_CONFIRMED, "month"),
    (_CONFIRMED, "year"),
    (
        """
        SELECT sum(amount) FILTER (WHERE month = %(month)s),
               sum(amount) FILTER (WHERE month < %(month)s)
          FROM sale_plan_line
         WHERE plan_state = 'approved' AND user_id = %(user)s AND company_id = %(company)s
           AND year = %(year)s
        """,
        None,
    ),
    (
        """
        SELECT sum(amount_untaxed_signed),
               sum(amount_untaxed_signed * (amount_total_signed - amount_residual_signed)
                   / NULLIF(amount_total_signed, 0))
          FROM account_move
         WHERE state = 'posted' AND move_type IN ('out_invoice', 'out_refund')
           AND invoice_user_id = %(user)s AND company_id = %(company)s
           AND invoice_date >= %(month)s AND invoice_date < %(next_month)s
        """,
        None,
    ),
    (
        """
        SELECT count(*) FILTER (WHERE date_deadline BETWEEN %(monday)s AND %(sunday)s),
               count(*) FILTER (WHERE NOT active
                                  AND sdr_visit_done_date BETWEEN %(monday)s AND %(sunday)s)
          FROM mail_activity
         WHERE res_model = 'res.partner' AND activity_type_id = %(visit)s AND user_id = %(user)s
        """,
        None,
    ),
    (
        """
        SELECT is_late, count(*), sum(call_count) FROM sale_work_log
         WHERE user_id = %(user)s AND date BETWEEN %(monday)s AND %(sunday)s GROUP BY 1
        """,
        None,
    ),
    (
        """
        SELECT month, amount_total, state, is_late, deadline FROM sale_forecast
         WHERE user_id = %(user)s AND company_id = %(company)s AND state != 'cancelled'
           AND month IN (%(last_month)s, %(month)s, %(next_month)s)
        """,
        None,
    ),
    (
        """
        SELECT id, name, create_date FROM res_partner
         WHERE user_id = %(user)s AND parent_id IS NULL AND active
           AND create_date >= %(week_start)s AND create_date < %(week_stop)s
        """,
        None,
    ),
    (
        "SELECT count(*) FROM mail_activity"
        " WHERE user_id = %(user)s AND active AND date_deadline < %(day)s",
        None,
    ),
)
REVIEW_WEEK = 2042, 6, 18
# the review and its floor take a few milliseconds each: their best of seven,
# alternated, so that another process's burst on the shared machine does not
# decide the ratio (three would do for the achievement's hundreds of ms)
REVIEW_ATTEMPTS = 7


def review_bounds(review):
    week_start, week_stop = review._week_bounds()
    month = review._month_start()
    month_start, month_stop = review._month_to_date_bounds()
    year_start, _stop = review._utc_bounds(month.replace(month=1), month)
    return {
        "user": review.user_id.id,
        "company": review.company_id.id,
        "week_bounds": (week_start, week_stop),
        "month_bounds": (month_start, month_stop),
        "year_bounds": (year_start, month_start),
        "week_start": week_start,
        "week_stop": week_stop,
        "monday": review.week_start,
        "sunday": review.week_end,
        "day": review._review_day(),
        "month": month,
        "year": month.year,
        "last_month": month - relativedelta(months=1),
        "next_month": month + relativedelta(months=1),
        "visit": review.env.ref("sales_dept_regulation.mail_activity_type_customer_visit").id,
    }


def review_floor(cr, bounds):
    results = []
    for query, period in REVIEW_FLOOR_SQL:
        params = dict(bounds)
        if period:
            params["start"], params["stop"] = bounds[f"{period}_bounds"]
        cr.execute(query, params)
        results.append(cr.fetchall())
    return results


ADDON = "sales_dept_regulation"
# the review's rows the floor checks, by section
LABELS = {
    "orders": ["Orders confirmed this week", "Amount confirmed this week"],
    "plan": [
        "Plan of this month",
        "Plan of the year to this month",
        "Confirmed this month to date",
        "Confirmed this year to date",
        "Invoiced this month",
        "Paid of this month's invoices",
    ],
    "visits": [
        "Visits planned this week",
        "Visits done this week",
        "Calls in the work logs",
        "Work logs written (late)",
    ],
    "forecasts": ["Forecast of this month"],
    "new_customers": ["New customers this week"],
    "overdue": ["Overdue activities"],
}


def _shown_amount(shown):
    """The amount a review row shows ("$ 1,234.50", "¥1,234.50")."""
    return float("".join(c for c in shown if c.isdigit() or c in ".-"))


def check_review_against_floor(sections, floor_rows, bounds, lang):
    """Every figure of the review against the floor's (rows in the order of
    REVIEW_FLOOR_SQL): the floor computes what the review shows. The rows are
    found by their labels translated to ``lang``, the review's language."""
    translations = code_translations.get_python_translations(ADDON, lang)

    def tr(label):
        return translations.get(label) or label

    rows = {
        key: {label: dict(section["rows"])[tr(label)] for label in LABELS[key]}
        for section in sections
        for key in [section["key"]]
        if key in LABELS
    }

    def amount(key, label, expected):
        shown = rows[key][label]
        assert abs(_shown_amount(shown) - float(expected or 0)) < 0.01, (label, shown, expected)

    (week_count, week_amount), (_count, month_amount), (_count, year_amount) = (
        floor_rows[0][0],
        floor_rows[1][0],
        floor_rows[2][0],
    )
    assert rows["orders"]["Orders confirmed this week"] == str(week_count)
    amount("orders", "Amount confirmed this week", week_amount)
    (planned, planned_before), invoiced_paid = floor_rows[3][0], floor_rows[4][0]
    amount("plan", "Plan of this month", planned)
    amount("plan", "Plan of the year to this month", (planned or 0) + (planned_before or 0))
    amount("plan", "Confirmed this month to date", month_amount)
    amount("plan", "Confirmed this year to date", (year_amount or 0) + (month_amount or 0))
    amount("plan", "Invoiced this month", invoiced_paid[0])
    amount("plan", "Paid of this month's invoices", invoiced_paid[1])
    planned_visits, done_visits = floor_rows[5][0]
    assert rows["visits"]["Visits planned this week"] == str(planned_visits)
    assert rows["visits"]["Visits done this week"] == str(done_visits)
    logs = sum(count for _late, count, _calls in floor_rows[6])
    late = sum(count for is_late, count, _calls in floor_rows[6] if is_late)
    calls = sum(calls or 0 for _late, _count, calls in floor_rows[6])
    assert rows["visits"]["Calls in the work logs"] == str(calls)
    assert rows["visits"]["Work logs written (late)"] == f"{logs} ({late})"
    this_month = [row for row in floor_rows[7] if row[0] == bounds["month"]]
    submitted = [row for row in this_month if row[2] == "submitted"]
    if submitted:
        amount("forecasts", "Forecast of this month", submitted[0][1])
    else:
        assert rows["forecasts"]["Forecast of this month"] == tr("Not submitted")
    assert rows["new_customers"]["New customers this week"] == str(len(floor_rows[8]))
    assert rows["overdue"]["Overdue activities"] == str(floor_rows[9][0][0])


def generate(cr, company_id):
    """The salespeople, their plans, orders, order lines and invoices; returns
    the salespeople's ids."""
    cr.execute("SELECT setseed(0.25)")
    cr.execute("SELECT array_agg(id ORDER BY id) FROM crm_team")
    teams = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, tz, autopost_bills,
                                 create_date, write_date, create_uid, write_uid)
        SELECT 'Bench salesperson ' || g, 'Bench salesperson ' || g, true, 'contact',
               (ARRAY['Asia/Shanghai', 'Europe/Berlin', 'America/New_York'])[1 + g %% 3],
               'ask', now(), now(), 1, 1
          FROM generate_series(1, %s) g
        RETURNING id
        """,
        [SALESPEOPLE],
    )
    partners = sorted(row[0] for row in cr.fetchall())
    cr.execute(
        """
        INSERT INTO res_users (login, partner_id, company_id, notification_type, active, share,
                               create_date, write_date, create_uid, write_uid)
        SELECT 'bench_plan_' || p, p, %s, 'email', true, false, now(), now(), 1, 1
          FROM unnest(%s::int[]) p
        RETURNING id
        """,
        [company_id, partners],
    )
    users = sorted(row[0] for row in cr.fetchall())
    cr.execute(
        "CREATE TEMPORARY TABLE bench_seller ON COMMIT DROP AS "
        "SELECT u AS id, (row_number() OVER (ORDER BY u) - 1)::int AS n, "
        "(%s::int[])[1 + (row_number() OVER (ORDER BY u))::int %% %s] AS team_id "
        "FROM unnest(%s::int[]) u",
        [teams, len(teams), users],
    )
    cr.execute("CREATE INDEX ON bench_seller (n)")
    # an approved plan per year
    cr.execute(
        """
        INSERT INTO sale_plan (name, company_id, year, state, revision, amount_q1, amount_q2,
                               amount_q3, amount_q4, amount_total,
                               create_date, write_date, create_uid, write_uid)
        SELECT 'Bench plan ' || y, %s, y, 'approved', 0, 0, 0, 0, 0, 0, now(), now(), 1, 1
          FROM unnest(%s::int[]) y
        RETURNING id, year
        """,
        [company_id, list(YEARS)],
    )
    plans = cr.fetchall()
    for plan_id, year in plans:
        cr.execute(
            """
            INSERT INTO sale_plan_line (plan_id, company_id, plan_state, year, user_id, team_id,
                                        month, quarter, amount,
                                        create_date, write_date, create_uid, write_uid)
            SELECT %s, %s, 'approved', %s, s.id, s.team_id, make_date(%s, m, 1),
                   ((m - 1) / 3 + 1)::varchar, 10000 + (random() * 90000)::int,
                   now(), now(), 1, 1
              FROM bench_seller s CROSS JOIN generate_series(1, 12) m
            """,
            [plan_id, company_id, year, year],
        )
    cr.execute(
        "SELECT id FROM res_partner WHERE id = (SELECT partner_id FROM res_company WHERE id = %s)",
        [company_id],
    )
    customer = cr.fetchone()[0]
    # nine orders in ten confirmed, the others quotations or cancelled; dated at
    # any minute of the three years (month ends in every time zone included)
    cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                                company_id, currency_id, state, date_order, user_id, team_id,
                                amount_untaxed, amount_tax, amount_total, currency_rate,
                                create_date, write_date, create_uid, write_uid)
        SELECT 'BENCHPLAN' || g, %(customer)s, %(customer)s, %(customer)s, c.id, c.currency_id,
               CASE WHEN g %% 10 = 0 THEN 'cancel' WHEN g %% 10 = 1 THEN 'draft' ELSE 'sale' END,
               TIMESTAMP '%(first)s-01-01' + (random() * 1095 * 1440)::int * INTERVAL '1 minute',
               s.id, s.team_id, 0, 0, 0, 1.0, now(), now(), 1, 1
          FROM generate_series(0, %(orders)s - 1) g
          JOIN bench_seller s ON s.n = g %% %(sellers)s
          JOIN res_company c ON c.id = %(company)s
        RETURNING id
        """,
        {
            "customer": customer,
            "company": company_id,
            "orders": ORDERS,
            "sellers": SALESPEOPLE,
            "first": YEARS[0],
        },
    )
    assert cr.rowcount == ORDERS
    cr.execute(
        """
        INSERT INTO sale_order_line (order_id, name, product_uom_qty, price_unit, customer_lead,
                                     price_subtotal, company_id, currency_id, salesman_id, state,
                                     create_date, write_date, create_uid, write_uid)
        SELECT so.id, 'Bench line ' || k, 1 + k, round((random() * 2000)::numeric, 2), 0,
               0, so.company_id, so.currency_id, so.user_id, so.state, now(), now(), 1, 1
          FROM sale_order so CROSS JOIN generate_series(1, %s) k
         WHERE so.name LIKE 'BENCHPLAN%%'
        """,
        [LINES_PER_ORDER],
    )
    assert cr.rowcount == ORDERS * LINES_PER_ORDER
    cr.execute(
        """
        UPDATE sale_order so SET amount_untaxed = t.total, amount_total = t.total
          FROM (SELECT order_id, sum(price_unit * product_uom_qty) AS total
                  FROM sale_order_line sol JOIN sale_order o ON o.id = sol.order_id
                 WHERE o.name LIKE 'BENCHPLAN%%' GROUP BY order_id) t
         WHERE so.id = t.order_id
        """
    )
    cr.execute(
        "UPDATE sale_order_line SET price_subtotal = price_unit * product_uom_qty "
        "WHERE name LIKE 'Bench line %%'"
    )
    # an invoice for every other confirmed order, one in ten a refund, paid in part
    cr.execute(
        "SELECT id FROM account_journal WHERE company_id = %s AND type = 'sale' LIMIT 1",
        [company_id],
    )
    journal = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO account_move (name, journal_id, company_id, currency_id, state, move_type,
                                  auto_post, date, invoice_date, invoice_user_id, team_id,
                                  partner_id, amount_untaxed_signed, amount_total_signed,
                                  amount_residual_signed,
                                  create_date, write_date, create_uid, write_uid)
        SELECT 'BENCHINV/' || so.id, %s, so.company_id, so.currency_id, 'posted',
               CASE WHEN so.id %% 10 = 0 THEN 'out_refund' ELSE 'out_invoice' END, 'no',
               so.date_order::date, so.date_order::date, so.user_id, so.team_id, so.partner_id,
               sign * so.amount_untaxed, sign * so.amount_untaxed * 1.13,
               sign * so.amount_untaxed * 1.13 * (so.id %% 3) / 2.0,
               now(), now(), 1, 1
          FROM sale_order so,
               LATERAL (SELECT CASE WHEN so.id %% 10 = 0 THEN -1 ELSE 1 END AS sign) s
         WHERE so.name LIKE 'BENCHPLAN%%' AND so.state = 'sale' AND so.id %% 2 = 0
        """,
        [journal],
    )
    invoices = cr.rowcount
    for table in ("res_partner", "res_users", "sale_plan_line", "sale_order", "account_move"):
        cr.execute(f"ANALYZE {table}")
    return users, invoices


def floor_figures(cr, users):
    totals = [0.0, 0.0, 0.0, 0.0]
    groups = 0
    for position, query in enumerate(FLOOR_SQL):
        cr.execute(query, {"users": users})
        rows = cr.fetchall()
        groups += len(rows)
        for row in rows:
            for offset, value in enumerate(row[2:]):
                totals[position + offset] += float(value or 0)
    return totals, groups


def addon_figures(env, users):
    env.invalidate_all()
    Achievement = env["sale.plan.achievement"]
    rows = Achievement._read_group(
        [("user_id", "in", users)],
        ["user_id", "month:month"],
        AGGREGATES,
    )
    totals = [sum(row[2 + i] for row in rows) for i in range(4)]
    return totals, rows


def test_bench_plan_achievement():
    registry = Registry(config["db_name"][0])
    cr = registry.cursor()
    try:
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = time.monotonic()
        users, invoices = generate(cr, env.company.id)
        generated = time.monotonic() - start

        floor_figures(cr, users)  # warm-up: cache, hint bits
        addon_figures(env, users)
        # the best of three of each, alternated: the same machine, the same load
        floor = addon = float("inf")
        for _attempt in range(3):
            start = time.monotonic()
            floor_totals, floor_groups = floor_figures(cr, users)
            floor = min(floor, time.monotonic() - start)
            queries_before = cr.sql_log_count
            start = time.monotonic()
            addon_totals, rows = addon_figures(env, users)
            addon = min(addon, time.monotonic() - start)
            queries = cr.sql_log_count - queries_before
        # the weekly review of one salesperson, every section, from a cold cache
        # (the state of an order follows its number, as does its salesperson: the
        # third salesperson's orders are all confirmed, the first's cancelled),
        # in the database's language as the screen and the PDF read it (both set
        # the user's: without one, formatting an amount falls back to reading the
        # whole rows of the superuser, its company and the company's partner)
        lang = get_lang(env).code
        review = (
            env["sale.weekly.review"]
            .with_context(lang=lang)
            .create({"user_id": users[2], "week_date": date(*REVIEW_WEEK)})
        )
        bounds = review_bounds(review)
        review_floor(cr, bounds)  # warm-up
        review._review_sections()
        review_seconds = review_floor_seconds = float("inf")
        for _attempt in range(REVIEW_ATTEMPTS):
            start = time.monotonic()
            floor_rows = review_floor(cr, bounds)
            review_floor_seconds = min(review_floor_seconds, time.monotonic() - start)
            env.invalidate_all()
            queries_before = cr.sql_log_count
            start = time.monotonic()
            sections = review._review_sections()
            review_seconds = min(review_seconds, time.monotonic() - start)
            review_queries = cr.sql_log_count - queries_before
    finally:
        cr.rollback()
        cr.close()

    report(
        f"plan benchmark: {SALESPEOPLE} salespeople, {ORDERS} orders of {LINES_PER_ORDER} lines "
        f"({ORDERS * LINES_PER_ORDER} order lines), {invoices} invoices, "
        f"{len(YEARS)} approved plans, generated in SQL in {generated:.1f} s"
    )
    report(
        f"plan achievement (_read_group by salesperson and month, {len(rows)} groups, "
        f"{queries} queries): {addon:.3f} s; floor (three SQL aggregates, {floor_groups} "
        f"groups): {floor:.3f} s; achievement / floor = {addon / floor:.2f}x (goal {GOAL}x)"
    )
    report(
        f"weekly review of one salesperson ({len(sections)} sections, {review_queries} "
        f"queries): {review_seconds:.3f} s; floor ({len(REVIEW_FLOOR_SQL)} SQL aggregates): "
        f"{review_floor_seconds:.3f} s; review / floor = "
        f"{review_seconds / review_floor_seconds:.2f}x (goal {GOAL}x)"
    )
    # the review shows what the floor counts, figure by figure
    check_review_against_floor(sections, floor_rows, bounds, lang)
    assert floor_rows[2][0][0] > 0, "orders in the year before the month"
    # the same figures, to the cent
    for name, ours, theirs in zip(
        ("planned", "ordered", "invoiced", "paid"), addon_totals, floor_totals, strict=True
    ):
        assert abs(float(ours) - theirs) < 0.01 * max(1, len(rows)), (name, ours, theirs)
    assert addon_totals[0] > 0 and addon_totals[1] > 0 and addon_totals[3] > 0
    # every salesperson's 36 months, and the edges of the three years that
    # fall in the month before or after in her time zone
    assert SALESPEOPLE * 12 * len(YEARS) <= len(rows) <= SALESPEOPLE * (12 * len(YEARS) + 2)
    assert queries <= 3
    if BENCH:
        # at full size only: small runs are too short to time
        assert addon <= GOAL * floor
        assert review_seconds <= GOAL * review_floor_seconds
