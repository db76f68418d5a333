"""The editors' month calendar: key dates, scheduled and published bulletins, radio airings."""

from __future__ import annotations

from flask import flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from app.desk.blueprint import bp
from app.extensions import db
from app.security import roles_required
from bulletins import params
from bulletins.clock import local_today
from bulletins.errors import ValidationError
from bulletins.reporting import calendar
from bulletins.workflow import ROLES as STAFF


def _shift(year: int, month: int, by: int) -> str | None:
    """The "YYYY-MM" a month before or after, None past the supported years."""
    found = params.shift_month(year, month, by)
    return f"{found[0]:04d}-{found[1]:02d}" if found else None


@bp.route("/calendar", endpoint="calendar")
@roles_required(*STAFF)
def calendar_month():
    """A month of key dates, publications and airings, as a grid and as a list."""
    today = local_today()
    try:
        chosen = params.month(request.args.get("month"))
    except ValidationError:
        chosen = None
        flash(_("Tháng không hợp lệ (định dạng YYYY-MM); đang hiện tháng này."), "error")
    year, month = chosen or (today.year, today.month)
    grid = calendar.month(db.session, year, month, today=today, viewer=current_user)
    return render_template("desk/calendar.html", grid=grid, today=today,
                           prev=_shift(year, month, -1), next=_shift(year, month, 1),
                           this_month=f"{today.year:04d}-{today.month:02d}")
