"""Loa's one clock and its Vietnam-time helpers.

Every "now" in the domain comes from `utcnow()` here (or from a `now` argument that
defaults to it), so a test can pin time with one traveller (time-machine) and the whole
suite can run on a day years ahead. Times are stored as naive UTC and shown in
Asia/Ho_Chi_Minh (CONTRACT §2).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def utcnow() -> datetime:
    """Naive UTC now, microsecond precision, as stored in every DateTime column."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(moment: datetime) -> datetime:
    """A naive UTC time as an aware Vietnam time."""
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_TZ)


def local_date(moment: datetime) -> date:
    """The Vietnam calendar date of a naive UTC time."""
    return local_time(moment).date()


def local_today(now: datetime | None = None) -> date:
    """Today's date in Vietnam (of `now`, naive UTC, when given)."""
    return local_date(now or utcnow())


def local_midnight(day: date) -> datetime:
    """Naive UTC of the Vietnam midnight that starts this local day."""
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ).astimezone(UTC).replace(tzinfo=None)


def local_text(moment: datetime | None) -> str:
    """A naive UTC time as dd/mm/yyyy HH:MM in Vietnam time; '' for None."""
    if moment is None:
        return ""
    return local_time(moment).strftime("%d/%m/%Y %H:%M")
