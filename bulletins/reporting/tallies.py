"""The implementation report's GROUP BY queries, section by section (counting rules: `reports`).

Each function reads one section over a `Range` of local dates — publications, returns and
their reasons, approvals and their times, airings — and returns plain counts; no bulletin is
loaded as an object.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from bulletins.clock import local_midnight
from bulletins.models import (
    Broadcast,
    BroadcastItem,
    Bulletin,
    Finding,
    Program,
    Revision,
    WorkflowEvent,
)
from bulletins.reporting.figures import KIND_LABELS, NO_FINDING, NO_FINDING_LABEL, Count, Reason


def _month_starts(start: date, end: date) -> list[date]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


#: a Range's commune for the whole province: every commune's rows and the province's own
EVERYWHERE = -1


class Range:
    """UTC bounds of the local range and a CASE giving a time's month index.

    ``commune_id``: the report's scope: one commune's bulletins and programs (None: the
    province's own bulletins), or EVERYWHERE."""

    def __init__(self, start: date, end: date, commune_id: int | None = EVERYWHERE) -> None:
        self.lo, self.hi = local_midnight(start), local_midnight(end + timedelta(days=1))
        self.months = _month_starts(start, end)
        self.edges = [local_midnight(m) for m in self.months[1:]]
        self.commune_id = commune_id

    def _owned(self, column: ColumnElement) -> ColumnElement:
        return column.is_(None) if self.commune_id is None else column == self.commune_id

    def bulletins(self) -> list[ColumnElement]:
        """WHERE terms on Bulletin for the scope."""
        return [] if self.commune_id == EVERYWHERE else [self._owned(Bulletin.commune_id)]

    def of_bulletin(self, column: ColumnElement) -> list[ColumnElement]:
        """WHERE terms on a bulletin id column (events) for the scope."""
        if self.commune_id == EVERYWHERE:
            return []
        return [column.in_(select(Bulletin.id).where(self._owned(Bulletin.commune_id)))]

    def of_program(self, column: ColumnElement) -> list[ColumnElement]:
        """WHERE terms on a program id column (the broadcast log) for the scope."""
        if self.commune_id == EVERYWHERE:
            return []
        return [column.in_(select(Program.id).where(self._owned(Program.commune_id)))]

    def within(self, column: ColumnElement) -> ColumnElement:
        return and_(column >= self.lo, column < self.hi)

    def bucket(self, column: ColumnElement) -> ColumnElement:
        if not self.edges:
            return literal(0)
        return case(*[(column < edge, i) for i, edge in enumerate(self.edges)],
                    else_=len(self.edges))


def named(session: Session, model: type, counts: Counter, none_label: str) -> list[Count]:
    """Active entries in plan order with zeros, then inactive or missing ones that count."""
    rows = session.execute(select(model.slug, model.name, model.active)
                           .order_by(model.position, model.slug)).all()
    out = [Count(slug, name, counts.get(slug, 0)) for slug, name, active in rows
           if active or counts.get(slug)]
    if counts.get(None):
        out.append(Count("", none_label, counts[None]))
    return out


def published(session: Session, rng: Range) -> dict:
    inner = (select(Bulletin.topic_slug.label("topic"), Bulletin.unit_slug.label("unit"),
                    Bulletin.channels.label("channels"), Bulletin.language.label("language"),
                    rng.bucket(Bulletin.published_at).label("month"))
             .where(rng.within(Bulletin.published_at), *rng.bulletins()).subquery())
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


def fixed(pairs: tuple[tuple[str, str], ...], counts: Counter) -> list[Count]:
    known = [Count(key, label, counts.get(key, 0)) for key, label in pairs]
    keys = {key for key, _ in pairs}
    return known + [Count(k, k, v) for k, v in sorted(counts.items()) if k not in keys]


def events(rng: Range, action: str) -> ColumnElement:
    return and_(WorkflowEvent.action == action, rng.within(WorkflowEvent.at),
                *rng.of_bulletin(WorkflowEvent.bulletin_id))


def returns(session: Session, rng: Range) -> tuple[Counter, Counter, int, list[Reason]]:
    inner = (select(WorkflowEvent.from_state.label("source"),
                    rng.bucket(WorkflowEvent.at).label("month"))
             .where(events(rng, "return")).subquery())
    by_source, by_month = Counter(), Counter()
    for source, month, n in session.execute(select(inner.c.source, inner.c.month, func.count())
                                            .group_by(inner.c.source, inner.c.month)):
        by_source[source] += n
        by_month[month] += n
    distinct = session.scalar(select(func.count(func.distinct(WorkflowEvent.bulletin_id)))
                              .where(events(rng, "return"))) or 0
    returned_revision = (select(func.max(Revision.number))
                         .where(Revision.bulletin_id == WorkflowEvent.bulletin_id,
                                Revision.created_at <= WorkflowEvent.at)
                         .correlate(WorkflowEvent).scalar_subquery())
    standing = or_(Finding.resolved.is_(False), Finding.resolved_at > WorkflowEvent.at)
    stmt = (select(WorkflowEvent.id, Finding.kind, func.count())
            .join(Finding, and_(Finding.bulletin_id == WorkflowEvent.bulletin_id,
                                Finding.revision == returned_revision, standing))
            .where(events(rng, "return"))
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


def approvals(session: Session, rng: Range) -> tuple[int, int, list[tuple[float, int]]]:
    """Approvals in the range, how many approved a correction, minutes each one took."""
    approve, previous, submit, first = (aliased(WorkflowEvent) for _ in range(4))
    prior = select(func.max(previous.id)).where(
        previous.bulletin_id == approve.bulletin_id, previous.action == "approve",
        previous.id < approve.id).correlate(approve).scalar_subquery()
    after = func.coalesce(prior, 0)
    first_submit = select(func.min(submit.id)).where(
        submit.bulletin_id == approve.bulletin_id, submit.action == "submit",
        submit.id < approve.id, submit.id > after).correlate(approve).scalar_subquery()
    in_range = and_(approve.action == "approve", rng.within(approve.at),
                    *rng.of_bulletin(approve.bulletin_id))
    total, corrections = session.execute(select(func.count(), func.count(prior))
                                         .select_from(approve).where(in_range)).one()
    inner = (select(_minutes(session, approve.at, first.at).label("minutes"))
             .select_from(approve).join(first, first.id == first_submit).where(in_range)
             .subquery())
    rows = session.connection().execute(  # Core, not ORM: many rows of plain numbers
        select(inner.c.minutes, func.count()).group_by(inner.c.minutes)).all()
    return total, corrections, sorted((max(0.0, float(m)), n) for m, n in rows)


def hours_stats(histogram: list[tuple[float, int]]) -> tuple[int, float | None, float | None]:
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


def airings(session: Session, rng: Range) -> tuple[dict, int]:
    later = aliased(Broadcast)
    in_force = and_(Broadcast.aired.is_(True), rng.within(Broadcast.aired_at),
                    ~exists().where(later.corrects_id == Broadcast.id),
                    *rng.of_program(Broadcast.program_id))
    # one airing per program, however many clusters reported it besides the operator
    inner = (select(Broadcast.program_id, rng.bucket(func.min(Broadcast.aired_at)).label("month"),
                    func.min(Program.duration_s).label("seconds")).select_from(Broadcast)
             .join(Program, Program.id == Broadcast.program_id).where(in_force)
             .group_by(Broadcast.program_id).subquery())
    rows = session.execute(select(inner.c.month, func.count(), func.count(inner.c.seconds),
                                  func.sum(inner.c.seconds)).group_by(inner.c.month)).all()
    by_month = {month: (n, known, float(seconds or 0) / 60) for month, n, known, seconds in rows}
    bulletins = session.scalar(
        select(func.count(func.distinct(BroadcastItem.bulletin_id)))
        .join(Broadcast, Broadcast.id == BroadcastItem.broadcast_id).where(in_force)) or 0
    return by_month, bulletins
