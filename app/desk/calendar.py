"""The editors' month calendar: key dates, scheduled and published bulletins, radio airings."""

from __future__ import annotations

import re

from flask import flash, render_template, request
from flask_babel import gettext as _

from app.desk import bp
from app.extensions import db
from app.security import roles_required
from bulletins import calendar
from bulletins.clock import local_today
from bulletins.workflow import ROLES as STAFF

FIRST_YEAR, LAST_YEAR = 2000, 2199


def _month_param(raw: str) -> tuple[int, int] | None:
    """(year, month) from "YYYY-MM" within the years Loa schedules in, else None."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})", raw.strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR):
        return None
    return year, month


def _shift(year: int, month: int, by: int) -> str | None:
    """The "YYYY-MM" a month before or after, None past the supported years."""
    index = year * 12 + month - 1 + by
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}" if FIRST_YEAR <= year <= LAST_YEAR else None


@bp.route("/calendar", endpoint="calendar")
@roles_required(*STAFF)
def calendar_month():
    """A month of key dates, publications and airings, as a grid and as a list."""
    today = local_today()
    raw = request.args.get("month", "")
    chosen = _month_param(raw) if raw else None
    if raw and chosen is None:
        flash(_("Tháng không hợp lệ (định dạng YYYY-MM); đang hiện tháng này."), "error")
    year, month = chosen or (today.year, today.month)
    grid = calendar.month(db.session, year, month, today=today)
    return render_template("desk/calendar.html", grid=grid, today=today,
                           prev=_shift(year, month, -1), next=_shift(year, month, 1),
                           this_month=f"{today.year:04d}-{today.month:02d}")
