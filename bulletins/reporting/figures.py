"""What the implementation report holds: its rows and figures, its range, its hours in words.

The figures themselves are counted in `tallies` and put together in `reports`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bulletins import params
from bulletins.confidentiality.findings import KIND_LABELS  # noqa: F401 (re-exported)
from bulletins.errors import ValidationError

MAX_DAYS = 3660  #: about ten years
CHANNELS = (("radio", "Truyền thanh"), ("web", "Trang thông tin điện tử"))
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "Tiếng Anh"))
NO_FINDING = "none"
NO_FINDING_LABEL = "Không có phát hiện — chỉ có ý kiến"


@dataclass(frozen=True)
class Count:
    """One row of a breakdown."""

    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Month:
    """One local calendar month of the range."""

    month: date  #: its first day
    published: int = 0
    returns: int = 0
    airings: int = 0
    minutes: float = 0.0


@dataclass(frozen=True)
class Reason:
    """Returns whose returned text had findings of one kind standing."""

    kind: str
    label: str
    returns: int
    findings: int


@dataclass(frozen=True)
class ImplementationReport:
    start: date
    end: date
    published: int
    corrections: int
    withdrawn: int
    by_topic: list[Count]
    by_unit: list[Count]
    by_channel: list[Count]
    by_language: list[Count]
    months: list[Month]
    airings: int
    aired_minutes: float
    airings_unknown_length: int
    bulletins_aired: int
    returns_by_reviewer: int
    returns_by_leader: int
    bulletins_returned: int
    reasons: list[Reason]
    approvals: int
    approvals_measured: int
    approval_hours_avg: float | None
    approval_hours_median: float | None

    @property
    def returns(self) -> int:
        return self.returns_by_reviewer + self.returns_by_leader


def format_hours(hours: float | None) -> str:
    """A duration as Vietnamese words: "2 ngày 3 giờ", "5 giờ 20 phút", "12 phút"."""
    if hours is None:
        return "—"
    if hours >= 24:
        days, rest = divmod(round(hours), 24)
        return f"{days} ngày {rest} giờ" if rest else f"{days} ngày"
    hour, minute = divmod(round(hours * 60), 60)
    if hour:
        return f"{hour} giờ {minute} phút" if minute else f"{hour} giờ"
    return f"{minute} phút"


def parse_range(start: object, end: object, today: date) -> tuple[date, date]:
    """The report's range from form values (default 1 January to today); 422 when bad."""
    first, last = params.day_range(start, end, date(today.year, 1, 1), today)
    check_range(first, last)
    return first, last


def check_range(start: date, end: date) -> None:
    """Refuse a reversed range, one over ten years, or dates outside 2000–2198."""
    if not (isinstance(start, date) and isinstance(end, date)):
        raise ValidationError("Cần ngày bắt đầu và ngày kết thúc.", fields={"from": "invalid"})
    if not (2000 <= start.year and end.year <= 2198):
        raise ValidationError("Ngày phải trong các năm 2000–2198.", fields={"from": "range"})
    if start > end:
        raise ValidationError("Ngày bắt đầu sau ngày kết thúc.", fields={"to": "range"})
    if (end - start).days > MAX_DAYS:
        raise ValidationError("Khoảng thời gian tối đa mười năm.", fields={"to": "range"})


@dataclass(frozen=True)
class Part:
    """One line of the province report: a commune's figures, or the province's own bulletins."""

    slug: str | None  #: the commune's slug; None for the province's own bulletins
    name: str
    report: ImplementationReport


@dataclass(frozen=True)
class ProvinceReport:
    """The implementation report across a province: the whole, then each part of it."""

    start: date
    end: date
    name: str  #: the province's name
    total: ImplementationReport
    parts: list[Part]
