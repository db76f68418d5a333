"""What a receiver is told when it polls: its commune's built programs of today and tomorrow,
and the emergency it must play now.

The commune's part is built once per (generation, local day) and shared by every receiver of
the commune (cache.AnswerCache); only the receiver's own emergencies are read per poll, and
only while its commune has one in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bulletins.clock import local_today, utcnow
from bulletins.editorial.queries import latest_audio
from bulletins.models import Broadcast, BroadcastItem, Bulletin, Program
from bulletins.models.receivers import Receiver
from bulletins.receivers import cache
from bulletins.speech.checks import handed_out
from bulletins.workflow import State

#: an emergency without expiry stays in force for receivers this long after publication
EMERGENCY_WINDOW = timedelta(hours=24)
#: a cached commune answer is rebuilt at least this often (expiries, the day turning)
MAX_AGE = timedelta(seconds=60)


@dataclass(frozen=True)
class Item:
    """A file a receiver fetches: a built program or an emergency bulletin's audio."""

    kind: str  # "program" | "bulletin"
    id: int
    starts_at: datetime | None
    title: str
    path: str | None
    sha256: str | None
    bytes: int | None
    duration: float | None


@dataclass
class CommuneAnswer:
    """The part of the answer every receiver of a commune shares."""

    programs: list[Item] = field(default_factory=list)
    emergencies: list[Item] = field(default_factory=list)
    built_at: datetime = field(default_factory=utcnow)


@dataclass
class Answer:
    """One receiver's answer."""

    receiver: Any
    programs: list[Item]
    emergency: Item | None
    pending: list[Item]


_answers = cache.AnswerCache()


def _in_reach(column, commune_id: int):
    """The commune's own rows and the province's (commune_id NULL)."""
    return or_(column == commune_id, column.is_(None))


def _file(data_dir: Path, relative: str | None) -> Path | None:
    if not relative:
        return None
    path = (data_dir / relative).resolve()
    return path if path.is_file() else None


def _program_items(session: Session, data_dir: Path, commune_id: int, now: datetime) -> list[Item]:
    today = local_today(now)
    rows = session.scalars(select(Program).where(
        _in_reach(Program.commune_id, commune_id),
        Program.air_date.in_([today, today + timedelta(days=1)]),
        Program.status == "ready", Program.path.is_not(None))
        .order_by(Program.starts_at, Program.id)).unique().all()
    items = []
    for program in rows:
        path = _file(data_dir, program.path)
        if path is None:
            continue
        items.append(Item("program", program.id, program.starts_at, program.title,
                          program.path, cache.file_sha256(path), path.stat().st_size,
                          program.duration_s))
    return items


def emergencies_in_force(session: Session, commune_id: int | None,
                         now: datetime | None = None) -> list[Bulletin]:
    """Published emergency radio bulletins in force for the commune (its own and the
    province's; every one for None), oldest first."""
    now = now or utcnow()
    terms = [] if commune_id is None else [_in_reach(Bulletin.commune_id, commune_id)]
    return list(session.scalars(select(Bulletin).where(
        *terms, Bulletin.priority == "emergency", Bulletin.status == State.PUBLISHED,
        Bulletin.channels.like("%radio%"), Bulletin.content_hash.is_not(None),
        or_(Bulletin.expire_at > now,
            Bulletin.expire_at.is_(None) & (Bulletin.published_at > now - EMERGENCY_WINDOW))
    ).order_by(Bulletin.published_at, Bulletin.id)).unique().all())


def emergency_item(session: Session, data_dir: Path, bulletin: Bulletin) -> Item:
    """The emergency as receivers see it; no path or digest while its audio is being made."""
    audio = latest_audio(session, bulletin)
    path = _file(data_dir, audio.path) if handed_out(audio) else None
    if path is None:
        return Item("bulletin", bulletin.id, bulletin.published_at, bulletin.title,
                    None, None, None, None)
    return Item("bulletin", bulletin.id, bulletin.published_at, bulletin.title, audio.path,
                cache.file_sha256(path), path.stat().st_size, audio.duration_s)


def commune_answer(session: Session, data_dir: Path, commune_id: int,
                   now: datetime | None = None) -> CommuneAnswer:
    """The commune's shared answer, from the cache while nothing changed."""
    now = now or utcnow()
    key = (cache.generation(session), local_today(now), str(data_dir))
    found = _answers.get(commune_id, key, lambda: _build(session, data_dir, commune_id, now))
    if now - found.built_at > MAX_AGE:
        _answers.clear()
        found = _answers.get(commune_id, key, lambda: _build(session, data_dir, commune_id, now))
    return found


def _build(session: Session, data_dir: Path, commune_id: int, now: datetime) -> CommuneAnswer:
    emergencies = [emergency_item(session, data_dir, b)
                   for b in emergencies_in_force(session, commune_id, now)]
    return CommuneAnswer(_program_items(session, data_dir, commune_id, now), emergencies, now)


def played_bulletins(session: Session, receiver_id: int, bulletin_ids: list[int]) -> set[int]:
    """Which of these bulletins the receiver reported played (in a program or alone)."""
    if not bulletin_ids:
        return set()
    return set(session.scalars(select(BroadcastItem.bulletin_id).join(
        Broadcast, Broadcast.id == BroadcastItem.broadcast_id).where(
        Broadcast.receiver_id == receiver_id, Broadcast.aired.is_(True),
        BroadcastItem.bulletin_id.in_(bulletin_ids))))


def answer_for(session: Session, receiver: Receiver | Any, data_dir: Path,
               now: datetime | None = None) -> Answer:
    """The receiver's answer: shared programs, and its oldest emergency not played yet."""
    shared = commune_answer(session, data_dir, receiver.commune_id, now)
    pending: list[Item] = []
    if shared.emergencies:
        done = played_bulletins(session, receiver.id, [e.id for e in shared.emergencies])
        pending = [e for e in shared.emergencies if e.id not in done]
    return Answer(receiver, shared.programs, pending[0] if pending else None, pending)
