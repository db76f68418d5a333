"""The radio schedule, read side: slot times, air windows, who may air when, suggestions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from bulletins.clock import LOCAL_TZ, local_date, local_midnight, utcnow
from bulletins.models import AirPlan, Broadcast, Bulletin, Program, ProgramItem, Slot
from bulletins.radio.airings import aired_counts, aired_table, times_aired
from bulletins.radio.airtime import estimate_seconds
from bulletins.workflow import PRIORITY_RANK, State

AIRABLE = (State.APPROVED, State.PUBLISHED)
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
FRAME_SECONDS = 40.0  # jingles, opening and close of a program, for the length budget


def slot_start(slot: Slot, day: date) -> datetime:
    """The slot's start on a local day, as naive UTC."""
    hour, minute = (int(x) for x in slot.time_of_day.split(":"))
    local = datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TZ)
    return local.astimezone(UTC).replace(tzinfo=None)


def part_of_day(hour: int) -> str:
    """Sáng, trưa, chiều or tối: how the announcer names the program."""
    return "sáng" if hour < 11 else "trưa" if hour < 13 else "chiều" if hour < 18 else "tối"


def program_title(hour: int, day: date) -> str:
    """E.g. "Chương trình phát thanh sáng thứ Hai, 21/09/2026"."""
    return (f"Chương trình phát thanh {part_of_day(hour)} {WEEKDAYS[day.weekday()]}, "
            f"{day:%d/%m/%Y}")


def air_window(bulletin: Bulletin) -> tuple[date | None, date | None]:
    """First and last local day a bulletin may air: its plan, else publication to expiry."""
    first = bulletin.air_from
    if first is None:
        since = bulletin.publish_at or bulletin.approved_at
        first = local_date(since) if since else None
    last = bulletin.air_until
    if last is None and bulletin.expire_at is not None:
        last = local_date(bulletin.expire_at)
    return first, last


def unfit_reason(bulletin: Bulletin, at: datetime) -> str | None:
    """Why the bulletin may not air at this time, or None when it may."""
    if bulletin.status not in AIRABLE or not bulletin.content_hash:
        return "không còn ở trạng thái đã duyệt (đã gỡ hoặc chưa duyệt)"
    if not bulletin.has_channel("radio"):
        return "không phát trên đài"
    if bulletin.expire_at is not None and bulletin.expire_at <= at:
        return "đã hết hạn"
    if bulletin.status == State.APPROVED and bulletin.publish_at and bulletin.publish_at > at:
        return "chưa đến giờ đăng"
    first, last = air_window(bulletin)
    day = local_date(at)
    if (first and day < first) or (last and day > last):
        return "ngoài thời gian phát đã định"
    return None


@dataclass
class Candidate:
    """A bulletin that may air in an occurrence, with what it owes."""

    bulletin: Bulletin
    aired: int
    planned: int
    seconds: float

    @property
    def owed(self) -> int:
        return max(0, self.bulletin.airings_wanted - self.aired - self.planned)


@dataclass
class Occurrence:
    """One slot on one day: its saved program, or else a suggestion."""

    slot: Slot | None
    day: date
    starts_at: datetime
    program: Program | None
    suggestion: list[Candidate]

    def is_over(self, now: datetime) -> bool:
        """The slot's time (its start plus its length) has passed: too late to build for."""
        minutes = self.slot.target_minutes if self.slot else 0
        return self.starts_at + timedelta(minutes=minutes) <= now


def planned_counts(session: Session, before: datetime, now: datetime,
                   exclude: int | None = None, commune_id: int | None = None) -> dict[int, int]:
    """Airings already planned in programs from today up to `before` that are not logged yet
    (in one commune's programs when given)."""
    logged = exists().where(Broadcast.program_id == Program.id)
    mine = [Program.commune_id == commune_id] if commune_id is not None else []
    rows = session.execute(select(ProgramItem.bulletin_id).join(Program).where(
        Program.air_date >= local_date(now), Program.starts_at < before,
        Program.status != "empty", Program.id != (exclude or 0), ~logged, *mine)).scalars()
    counts: dict[int, int] = {}
    for bulletin_id in rows:
        counts[bulletin_id] = counts.get(bulletin_id, 0) + 1
    return counts


def _airable(session: Session, at: datetime, owing: bool, *options: Any,
             commune_id: int | None = None) -> list[Bulletin]:
    """Approved radio bulletins, before the per-time rule (unfit_reason) is applied.

    With `owing`, the database first drops what cannot owe an airing at `at` or later any
    more (expired, past its air window, or aired as often as wanted), so the cost follows
    what is still to air rather than every bulletin ever published.
    """
    stmt = select(Bulletin).where(
        Bulletin.status.in_(AIRABLE), Bulletin.channels.like("%radio%"),
        Bulletin.content_hash.is_not(None))
    if commune_id is not None:  # a commune airs its own bulletins and the province's
        stmt = stmt.where(or_(Bulletin.commune_id == commune_id, Bulletin.commune_id.is_(None)))
    if owing:
        plan = aliased(AirPlan)
        stmt = (stmt.outerjoin(plan, plan.bulletin_id == Bulletin.id).where(
            or_(Bulletin.expire_at.is_(None), Bulletin.expire_at > at),
            or_(plan.last_date.is_(None), plan.last_date >= local_date(at)),
            times_aired(Bulletin.id, commune_id) < func.coalesce(plan.airings_wanted, 1)))
    return list(session.scalars(stmt.options(*options)).unique().all())


@dataclass
class Pool:
    """Bulletins that may owe airings from some time on, with what stays the same for all
    the occurrences weighed against them (times aired, length on air)."""

    bulletins: list[Bulletin]
    aired: dict[int, int]
    seconds: dict[int, float]


def owing_pool(session: Session, since: datetime, commune_id: int | None = None) -> Pool:
    """One read of what may still owe airings at `since` or later, for several suggestions."""
    rows = _airable(session, since, True, commune_id=commune_id)
    return Pool(rows, aired_counts(session, [b.id for b in rows], commune_id),
                estimate_seconds(session, rows))


def owed_count(session: Session, now: datetime | None = None,
               commune_id: int | None = None) -> int:
    """How many bulletins owe an airing now (the operator's count): those `candidates(now)`
    gives with `owed` > 0, counted in one SQL statement (no rows loaded).

    unfit_reason and Candidate.owed, term for term: the air window's local days are compared
    as UTC instants (local midnights), so no time zone arithmetic runs in the database.
    """
    now = now or utcnow()
    day = local_date(now)
    plan = aliased(AirPlan)
    since = func.coalesce(Bulletin.publish_at, Bulletin.approved_at)
    # has_channel("radio"), exactly, on the bare column (so the planner has its statistics);
    # GLOB on SQLite, whose LIKE ignores case
    glob = session.get_bind().dialect.name == "sqlite"
    radio = or_(Bulletin.channels == "radio", *(
        Bulletin.channels.op("GLOB")(p.replace("%", "*")) if glob else Bulletin.channels.like(p)
        for p in ("radio,%", "%,radio", "%,radio,%")))
    # each term true (never NULL) when unfit_reason finds nothing against the bulletin
    not_before = or_(plan.first_date <= day, and_(plan.first_date.is_(None), or_(
        since.is_(None), since < local_midnight(day + timedelta(days=1)))))
    not_after = or_(plan.last_date >= day, and_(plan.last_date.is_(None), or_(
        Bulletin.expire_at.is_(None), Bulletin.expire_at >= local_midnight(day))))
    theirs = [Program.commune_id == commune_id] if commune_id is not None else []
    planned = (select(func.count(ProgramItem.id))
               .join(Program, Program.id == ProgramItem.program_id)
               .where(ProgramItem.bulletin_id == Bulletin.id, Program.air_date >= day,
                      Program.starts_at < now, Program.status != "empty",
                      ~exists().where(Broadcast.program_id == Program.id), *theirs)
               .scalar_subquery())
    aired = aired_table(commune_id).cte("aired").prefix_with("MATERIALIZED")  # read once
    stmt = (select(func.count()).select_from(Bulletin)
            .outerjoin(plan, plan.bulletin_id == Bulletin.id)
            .outerjoin(aired, aired.c.bulletin_id == Bulletin.id)
            .where(Bulletin.status.in_(AIRABLE), Bulletin.content_hash.is_not(None),
                   Bulletin.content_hash != "", radio,
                   or_(Bulletin.expire_at.is_(None), Bulletin.expire_at > now),
                   or_(Bulletin.status != State.APPROVED, Bulletin.publish_at.is_(None),
                       Bulletin.publish_at <= now),
                   not_before, not_after,
                   func.coalesce(aired.c.airings, 0) + planned
                   < func.coalesce(plan.airings_wanted, 1)))
    if commune_id is not None:  # a commune airs its own bulletins and the province's
        stmt = stmt.where(or_(Bulletin.commune_id == commune_id, Bulletin.commune_id.is_(None)))
    return session.scalar(stmt) or 0


def candidates(session: Session, at: datetime, now: datetime | None = None,
               exclude: int | None = None, owing: bool = False,
               pool: Pool | None = None, commune_id: int | None = None) -> list[Candidate]:
    """Bulletins that may air at `at`: emergency, then priority, then normal, oldest first.

    `owing` keeps only those that may still owe an airing (see _airable); a `pool` read
    once for an earlier time serves instead of reading again.
    """
    now = now or utcnow()
    source = pool.bulletins if pool else _airable(session, at, owing, commune_id=commune_id)
    fit = [b for b in source if unfit_reason(b, at) is None]
    if pool is None:
        pool = Pool(fit, aired_counts(session, [b.id for b in fit], commune_id),
                    estimate_seconds(session, fit))
    planned = planned_counts(session, at, now, exclude, commune_id)
    fit.sort(key=lambda b: (-PRIORITY_RANK.get(b.priority, 0),
                            b.approved_at or b.published_at or b.created_at, b.id))
    return [Candidate(b, pool.aired.get(b.id, 0), planned.get(b.id, 0), pool.seconds[b.id])
            for b in fit]


def suggest(session: Session, slot: Slot, day: date, now: datetime | None = None,
            pool: Pool | None = None) -> list[Candidate]:
    """The suggested program: bulletins that still owe airings, filling the slot's length."""
    budget = slot.target_minutes * 60 - FRAME_SECONDS
    chosen: list[Candidate] = []
    used = 0.0
    for cand in candidates(session, slot_start(slot, day), now, owing=True, pool=pool,
                           commune_id=slot.commune_id):
        if cand.owed <= 0:
            continue
        if cand.bulletin.priority == "emergency" or not chosen or used + cand.seconds <= budget:
            chosen.append(cand)
            used += cand.seconds
    return chosen


def all_slots(session: Session, commune_id: int | None = None) -> Sequence[Slot]:
    """Every airing slot (of one commune when given), on or off, by time of day."""
    stmt = select(Slot).order_by(Slot.time_of_day, Slot.id)
    if commune_id is not None:
        stmt = stmt.where(Slot.commune_id == commune_id)
    return session.scalars(stmt).all()


def find_program(session: Session, slot_id: int, day: date) -> Program | None:
    return session.scalar(select(Program).where(Program.slot_id == slot_id,
                                                Program.air_date == day))


def day_plan(session: Session, days: Iterable[date], now: datetime | None = None,
             commune_id: int | None = None) -> list[Occurrence]:
    """Every slot occurrence and emergency program of these days (one commune's: its slots
    and programs, when given), in airing order."""
    now = now or utcnow()
    days = list(days)
    mine = [Slot.commune_id == commune_id] if commune_id is not None else []
    slots = session.scalars(select(Slot).where(Slot.active, *mine)).all()
    result = []
    pools: dict[int | None, Pool] = {}  # one read per commune, at its first suggestion
    for day in sorted(days):
        for slot in sorted(slots, key=lambda s: s.time_of_day):
            if slot.airs_on(day):
                program = find_program(session, slot.id, day)
                if program is None and slot.commune_id not in pools:
                    pools[slot.commune_id] = owing_pool(session, slot_start(slot, day),
                                                        slot.commune_id)
                suggestion = [] if program else suggest(session, slot, day, now,
                                                        pools[slot.commune_id])
                result.append(Occurrence(slot, day, slot_start(slot, day), program, suggestion))
    theirs = [Program.commune_id == commune_id] if commune_id is not None else []
    extra = session.scalars(select(Program).where(Program.air_date.in_(days),
                                                  Program.slot_id.is_(None), *theirs)).all()
    result += [Occurrence(None, p.air_date, p.starts_at, p, []) for p in extra]
    return sorted(result, key=lambda o: o.starts_at)
