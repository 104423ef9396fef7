# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""What the monthly xlsx reports share (fines, samples, after-sales): the
period asked for and its bounds in the user's time zone."""

from datetime import datetime

import pytz
from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError

from ..wizard.month_report import YEAR_MAX, YEAR_MIN


def month_period(env, data, objs):
    """The (year, month) asked for: by the report's data, else by its wizard
    record. The data may come straight from a report URL: checked here."""
    data = data if isinstance(data, dict) else {}
    wizard = objs[:1] if "month" in objs._fields and "year" in objs._fields else None
    year = data.get("year", wizard.year if wizard else None)
    month = data.get("month", wizard.month if wizard else None)
    try:
        year, month = int(year), int(month)
    except (TypeError, ValueError, OverflowError):  # 1e999 is valid JSON
        year = month = 0
    if not (YEAR_MIN <= year <= YEAR_MAX and 1 <= month <= 12):
        raise UserError(
            env._("Choose a month and a year from %(min)s to %(max)s.", min=YEAR_MIN, max=YEAR_MAX)
        )
    return year, month


def month_bounds(env, year, month):
    """The month's first instant and the next month's, as the database stores
    datetimes (UTC, naive), the month being the user's."""
    tz = pytz.timezone(env.user.tz or "UTC")
    start = tz.localize(datetime(year, month, 1))
    stop = tz.localize(datetime(year, month, 1) + relativedelta(months=1))
    return tuple(moment.astimezone(pytz.utc).replace(tzinfo=None) for moment in (start, stop))
