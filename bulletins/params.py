"""Page numbers, limits, dates, months and ids read from text, with one set of bounds.

The web pages, the JSON API and the CLI all read such values here. Each reader takes the raw
value (None or "" when absent) and returns the parsed value, or raises ValidationError
(422, or a message on the form) naming the parameter. Nothing out of range gets through to
the database's 32-bit integers or to the calendar arithmetic at the edges of year 1 and 9999.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from bulletins.errors import ValidationError

FIRST_YEAR, LAST_YEAR = 2000, 2199  #: the years Loa schedules in (as validation.to_utc)
ID_MAX = 2**31 - 1  #: INTEGER columns (PostgreSQL int4, SQLite's 64-bit, same limit for both)
PAGE_MAX = 10_000  #: deeper pages are refused rather than turned into huge OFFSETs
LIMIT_MAX = 500  #: the most rows one list call answers
_INTEGER = re.compile(r"[+-]?[0-9]+")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_DAY_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
_LONGEST = 40  #: longer texts are no date, month or number within any bound here
DAY_MESSAGE = f"Ngày không hợp lệ (YYYY-MM-DD hoặc dd/mm/yyyy, năm {FIRST_YEAR}–{LAST_YEAR})."
MONTH_MESSAGE = f"Tháng không hợp lệ (định dạng YYYY-MM, năm {FIRST_YEAR}–{LAST_YEAR})."
PAGE_MESSAGE = "Số trang không hợp lệ."


def _text(raw: object) -> str | None:
    """The stripped text, None when absent or empty; raw values that are not text are refused."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise ValidationError("Giá trị phải là chuỗi ký tự.")
    return raw.strip() or None


def integer(text: object) -> int | None:
    """An ASCII integer ("-12", "+3", "0042") or None; one longer than any bound saturates."""
    if not isinstance(text, str) or not _INTEGER.fullmatch(text := text.strip()):
        return None
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > _LONGEST:
        digits = "1" + "0" * _LONGEST
    return -int(digits or "0") if text.startswith("-") else int(digits or "0")


def page(raw: object, name: str = "page") -> int:
    """A page number from 1 to PAGE_MAX; 1 when absent."""
    text = _text(raw)
    if text is None:
        return 1
    number = integer(text)
    if number is None or not 1 <= number <= PAGE_MAX:
        raise ValidationError(PAGE_MESSAGE, fields={name: "invalid"})
    return number


def limit(raw: object, default: int = 100, high: int = LIMIT_MAX, name: str = "limit") -> int:
    """How many rows to answer: any integer, held to 1..high; `default` when absent."""
    text = _text(raw)
    if text is None:
        return default
    number = integer(text)
    if number is None:
        raise ValidationError(f"'{name}' phải là số nguyên.", fields={name: "invalid"})
    return min(max(number, 1), high)


def record_id(raw: object, name: str = "id") -> int | None:
    """A row's id (or a version number) from 1 to ID_MAX; None when absent."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        number: int | None = raw
    else:
        text = _text(raw)
        if text is None:
            return None
        number = integer(text)
    if number is None or not 1 <= number <= ID_MAX:
        raise ValidationError(f"'{name}' phải là số nguyên từ 1 đến {ID_MAX}.",
                              fields={name: "invalid"})
    return number


def parse_day(raw: object) -> date | None:
    """A date from a date, "YYYY-MM-DD" or "dd/mm/yyyy" within the supported years; else None."""
    if isinstance(raw, datetime):
        return None
    if isinstance(raw, date):
        return raw if FIRST_YEAR <= raw.year <= LAST_YEAR else None
    if not isinstance(raw, str) or len(raw) > _LONGEST:
        return None
    text = raw.strip()
    for pattern in _DAY_FORMATS:
        try:
            found = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return found if FIRST_YEAR <= found.year <= LAST_YEAR else None
    return None


def day(raw: object, name: str = "date") -> date | None:
    """A date parameter (see parse_day); None when absent, ValidationError when unreadable."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    found = parse_day(raw)
    if found is None:
        raise ValidationError(DAY_MESSAGE, fields={name: "invalid"})
    return found


def day_range(start: object, end: object, first: date, last: date,
              names: tuple[str, str] = ("from", "to")) -> tuple[date, date]:
    """Two date parameters, `first`/`last` when absent; ValidationError naming a bad one.

    The order and the length of the range are the caller's rules, not checked here.
    """
    return day(start, names[0]) or first, day(end, names[1]) or last


def month(raw: object, name: str = "month") -> tuple[int, int] | None:
    """(year, month) from "YYYY-MM" within the supported years; None when absent."""
    text = _text(raw)
    if text is None:
        return None
    match = _MONTH.fullmatch(text)
    if not match:
        raise ValidationError(MONTH_MESSAGE, fields={name: "invalid"})
    year, number = int(match.group(1)), int(match.group(2))
    if not (1 <= number <= 12 and FIRST_YEAR <= year <= LAST_YEAR):
        raise ValidationError(MONTH_MESSAGE, fields={name: "invalid"})
    return year, number


def shift_month(year: int, number: int, by: int) -> tuple[int, int] | None:
    """The (year, month) `by` months away, None past the supported years."""
    year, index = divmod(year * 12 + number - 1 + by, 12)
    return (year, index + 1) if FIRST_YEAR <= year <= LAST_YEAR else None
