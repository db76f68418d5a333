"""The plan's implementation report ("báo cáo kết quả thực hiện") for a range of local dates.

Every figure comes from a few GROUP BY queries; no bulletin is loaded as an object.
Counting rules:
- published: bulletins whose first publication (``published_at``) falls in the range, once
  each, whatever their status now (a later withdrawal does not undo a publication). An
  approved correction keeps the bulletin's ``published_at``: it is counted apart, under
  ``corrections``, never as a second publication.
- by channel: a bulletin on both radio and web counts once in each row.
- airings: log entries in force (not corrected) that aired, by their actual start; minutes
  are the built program audio's length, entries whose program has no known length are
  counted in ``airings_unknown_length``. A "not aired" entry never counts.
- returns: ``return`` actions in the range, by reviewers (from ``in_review``) and leaders
  (from ``awaiting_approval``); "why" is the findings still standing (unresolved at the
  moment of the return) on the revision that was returned, per kind.
- time to approval: from the first ``submit`` after the bulletin's previous approval (so a
  cycle with returns counts whole, and a correction is its own cycle) to the ``approve``;
  approvals without any submission (emergencies approved from draft) are not measured.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from bulletins import params
from bulletins.clock import local_midnight
from bulletins.errors import ValidationError
from bulletins.models import (
    Broadcast,
    BroadcastItem,
    Bulletin,
    Finding,
    Program,
    Revision,
    Topic,
    Unit,
    WorkflowEvent,
)

MAX_DAYS = 3660  #: about ten years
CHANNELS = (("radio", "Truyền thanh"), ("web", "Trang thông tin điện tử"))
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "Tiếng Anh"))
KIND_LABELS = {
    "classification_marking": "Dấu độ mật", "state_secret_topic": "Nội dung bí mật nhà nước",
    "national_id": "Số định danh", "phone": "Số điện thoại", "email": "Thư điện tử",
    "bank_account": "Tài khoản ngân hàng", "vehicle_plate": "Biển số xe",
    "date_of_birth": "Ngày sinh", "sensitive_personal": "Dữ liệu cá nhân nhạy cảm",
    "keyword": "Từ khóa",
}
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


def _month_starts(start: date, end: date) -> list[date]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


class _Range:
    """UTC bounds of the local range and a CASE giving a time's month index."""

    def __init__(self, start: date, end: date) -> None:
        self.lo, self.hi = local_midnight(start), local_midnight(end + timedelta(days=1))
        self.months = _month_starts(start, end)
        self.edges = [local_midnight(m) for m in self.months[1:]]

    def within(self, column: ColumnElement) -> ColumnElement:
        return and_(column >= self.lo, column < self.hi)

    def bucket(self, column: ColumnElement) -> ColumnElement:
        if not self.edges:
            return literal(0)
        return case(*[(column < edge, i) for i, edge in enumerate(self.edges)],
                    else_=len(self.edges))


def _named(session: Session, model: type, counts: Counter, none_label: str) -> list[Count]:
    """Active entries in plan order with zeros, then inactive or missing ones that count."""
    rows = session.execute(select(model.slug, model.name, model.active)
                           .order_by(model.position, model.slug)).all()
    out = [Count(slug, name, counts.get(slug, 0)) for slug, name, active in rows
           if active or counts.get(slug)]
    if counts.get(None):
        out.append(Count("", none_label, counts[None]))
    return out


def _published(session: Session, rng: _Range) -> dict:
    inner = (select(Bulletin.topic_slug.label("topic"), Bulletin.unit_slug.label("unit"),
                    Bulletin.channels.label("channels"), Bulletin.language.label("language"),
                    rng.bucket(Bulletin.published_at).label("month"))
             .where(rng.within(Bulletin.published_at)).subquery())
    stmt = select(inner.c.topic, inner.c.unit, inner.c.channels, inner.c.language,
                  inner.c.month, func.count()).group_by(
        inner.c.topic, inner.c.unit, inner.c.channels, inner.c.language, inner.c.month)
    tally: dict[str, Counter] = {k: Counter() for k in ("topic", "unit", "channel", "language",
                                                        "month")}
    for topic, unit, channels, language, month, n in session.execute(stmt):
        tally["topic"][topic] += n
        tally["unit"][unit] += n
        tally["language"][language] += n
        tally["month"][month] += n
        for channel in (channels or "").split(","):
            if channel:
                tally["channel"][channel] += n
    return tally


def _fixed(pairs: tuple[tuple[str, str], ...], counts: Counter) -> list[Count]:
    known = [Count(key, label, counts.get(key, 0)) for key, label in pairs]
    keys = {key for key, _ in pairs}
    return known + [Count(k, k, v) for k, v in sorted(counts.items()) if k not in keys]


def _events(rng: _Range, action: str) -> ColumnElement:
    return and_(WorkflowEvent.action == action, rng.within(WorkflowEvent.at))


def _returns(session: Session, rng: _Range) -> tuple[Counter, Counter, int, list[Reason]]:
    inner = (select(WorkflowEvent.from_state.label("source"),
                    rng.bucket(WorkflowEvent.at).label("month"))
             .where(_events(rng, "return")).subquery())
    by_source, by_month = Counter(), Counter()
    for source, month, n in session.execute(select(inner.c.source, inner.c.month, func.count())
                                            .group_by(inner.c.source, inner.c.month)):
        by_source[source] += n
        by_month[month] += n
    distinct = session.scalar(select(func.count(func.distinct(WorkflowEvent.bulletin_id)))
                              .where(_events(rng, "return"))) or 0
    returned_revision = (select(func.max(Revision.number))
                         .where(Revision.bulletin_id == WorkflowEvent.bulletin_id,
                                Revision.created_at <= WorkflowEvent.at)
                         .correlate(WorkflowEvent).scalar_subquery())
    standing = or_(Finding.resolved.is_(False), Finding.resolved_at > WorkflowEvent.at)
    stmt = (select(WorkflowEvent.id, Finding.kind, func.count())
            .join(Finding, and_(Finding.bulletin_id == WorkflowEvent.bulletin_id,
                                Finding.revision == returned_revision, standing))
            .where(_events(rng, "return"))
            .group_by(WorkflowEvent.id, Finding.kind))
    kinds_returns, kinds_findings, with_finding = Counter(), Counter(), set()
    for event_id, kind, n in session.execute(stmt):
        kinds_returns[kind] += 1
        kinds_findings[kind] += n
        with_finding.add(event_id)
    order = list(KIND_LABELS) + sorted(set(kinds_returns) - set(KIND_LABELS))
    reasons = [Reason(k, KIND_LABELS.get(k, k), kinds_returns[k], kinds_findings[k])
               for k in order if kinds_returns[k]]
    reasons.append(Reason(NO_FINDING, NO_FINDING_LABEL,
                          sum(by_source.values()) - len(with_finding), 0))
    return by_source, by_month, distinct, reasons


def _minutes(session: Session, later: ColumnElement, earlier: ColumnElement) -> ColumnElement:
    if session.get_bind().dialect.name == "sqlite":
        return func.round((func.julianday(later) - func.julianday(earlier)) * 1440.0)
    return func.round(func.extract("epoch", later - earlier) / 60.0)


def _approvals(session: Session, rng: _Range) -> tuple[int, int, list[tuple[float, int]]]:
    """Approvals in the range, how many approved a correction, minutes each one took."""
    approve, previous, submit, first = (aliased(WorkflowEvent) for _ in range(4))
    prior = select(func.max(previous.id)).where(
        previous.bulletin_id == approve.bulletin_id, previous.action == "approve",
        previous.id < approve.id).correlate(approve).scalar_subquery()
    after = func.coalesce(prior, 0)
    first_submit = select(func.min(submit.id)).where(
        submit.bulletin_id == approve.bulletin_id, submit.action == "submit",
        submit.id < approve.id, submit.id > after).correlate(approve).scalar_subquery()
    in_range = and_(approve.action == "approve", rng.within(approve.at))
    total, corrections = session.execute(select(func.count(), func.count(prior))
                                         .select_from(approve).where(in_range)).one()
    inner = (select(_minutes(session, approve.at, first.at).label("minutes"))
             .select_from(approve).join(first, first.id == first_submit).where(in_range)
             .subquery())
    rows = session.connection().execute(  # Core, not ORM: many rows of plain numbers
        select(inner.c.minutes, func.count()).group_by(inner.c.minutes)).all()
    return total, corrections, sorted((max(0.0, float(m)), n) for m, n in rows)


def _hours_stats(histogram: list[tuple[float, int]]) -> tuple[int, float | None, float | None]:
    """Count, mean and median in hours of a sorted (minutes, count) histogram."""
    n = sum(count for _, count in histogram)
    if not n:
        return 0, None, None
    mean = sum(m * count for m, count in histogram) / n
    middle, seen, low = {(n - 1) // 2, n // 2}, 0, []
    for minutes, count in histogram:
        low += [minutes for i in middle if seen <= i < seen + count]
        seen += count
    return n, round(mean / 60, 2), round(sum(low) / len(low) / 60, 2)


def _airings(session: Session, rng: _Range) -> tuple[dict, int]:
    later = aliased(Broadcast)
    in_force = and_(Broadcast.aired.is_(True), rng.within(Broadcast.aired_at),
                    ~exists().where(later.corrects_id == Broadcast.id))
    inner = (select(rng.bucket(Broadcast.aired_at).label("month"),
                    Program.duration_s.label("seconds")).select_from(Broadcast)
             .join(Program, Program.id == Broadcast.program_id).where(in_force).subquery())
    rows = session.execute(select(inner.c.month, func.count(), func.count(inner.c.seconds),
                                  func.sum(inner.c.seconds)).group_by(inner.c.month)).all()
    by_month = {month: (n, known, float(seconds or 0) / 60) for month, n, known, seconds in rows}
    bulletins = session.scalar(
        select(func.count(func.distinct(BroadcastItem.bulletin_id)))
        .join(Broadcast, Broadcast.id == BroadcastItem.broadcast_id).where(in_force)) or 0
    return by_month, bulletins


def implementation_report(session: Session, start: date, end: date) -> ImplementationReport:
    """Every figure of the plan's implementation report for local dates start..end."""
    check_range(start, end)
    rng = _Range(start, end)
    tally = _published(session, rng)
    withdrawn = session.scalar(select(func.count()).where(_events(rng, "withdraw"))) or 0
    by_source, returns_by_month, returned, reasons = _returns(session, rng)
    approvals, corrections, histogram = _approvals(session, rng)
    measured, mean, median = _hours_stats(histogram)
    airings, bulletins_aired = _airings(session, rng)
    months = [Month(m, tally["month"].get(i, 0), returns_by_month.get(i, 0),
                    airings.get(i, (0, 0, 0.0))[0], round(airings.get(i, (0, 0, 0.0))[2], 1))
              for i, m in enumerate(rng.months)]
    aired = sum(n for n, _, _ in airings.values())
    return ImplementationReport(
        start=start, end=end, published=sum(tally["month"].values()),
        corrections=corrections, withdrawn=withdrawn,
        by_topic=_named(session, Topic, tally["topic"], "(Chưa ghi chủ đề)"),
        by_unit=_named(session, Unit, tally["unit"], "(Chưa ghi đơn vị)"),
        by_channel=_fixed(CHANNELS, tally["channel"]),
        by_language=_fixed(LANGUAGES, tally["language"]),
        months=months, airings=aired,
        aired_minutes=round(sum(m for _, _, m in airings.values()), 1),
        airings_unknown_length=aired - sum(k for _, k, _ in airings.values()),
        bulletins_aired=bulletins_aired,
        returns_by_reviewer=by_source.get("in_review", 0),
        returns_by_leader=by_source.get("awaiting_approval", 0),
        bulletins_returned=returned, reasons=reasons,
        approvals=approvals, approvals_measured=measured,
        approval_hours_avg=mean, approval_hours_median=median,
    )
