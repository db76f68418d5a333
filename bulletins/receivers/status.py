"""What staff see of the receivers: online, offline or playing, grouped by village; which
clusters played a program and which did not; how far each emergency reached.

A receiver is online when it was heard within three poll intervals. Commune staff see their
commune; province staff see every commune.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bulletins import tenancy
from bulletins.clock import utcnow
from bulletins.errors import NotFound
from bulletins.models import Broadcast, BroadcastItem, Bulletin, Commune, Program, User
from bulletins.models.receivers import Receiver
from bulletins.receivers.registry import receivers_of, require_reader
from bulletins.receivers.schedule import emergencies_in_force

MISSED_POLLS = 3


def state(receiver: Receiver, poll_seconds: int, now: datetime) -> str:
    """"revoked", "offline", "playing" or "online"."""
    if receiver.revoked_at is not None:
        return "revoked"
    heard = receiver.last_heard_at
    if heard is None or now - heard > timedelta(seconds=MISSED_POLLS * poll_seconds):
        return "offline"
    return "playing" if receiver.playing else "online"


@dataclass
class Reach:
    """Who of the commune's receivers played an emergency bulletin (or a program)."""

    subject: Bulletin | Program
    played: list[Receiver] = field(default_factory=list)
    failed: list[tuple[Receiver, str]] = field(default_factory=list)
    silent: list[Receiver] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.played) + len(self.failed) + len(self.silent)


@dataclass
class Dashboard:
    commune: Commune
    villages: list[tuple[str, list[tuple[Receiver, str]]]]
    counts: dict[str, int]
    emergencies: list[Reach]

    @property
    def silent_ids(self) -> set[int]:
        """Receivers an emergency has not reached yet (shown in red when offline)."""
        return {r.id for reach in self.emergencies for r in reach.silent}


def _reports(session: Session, receiver_ids: Sequence[int], *, program_id: int | None = None,
             bulletin_id: int | None = None) -> dict[int, tuple[bool, str]]:
    """receiver id → (played, reason) from its reports; one success outweighs failures."""
    if not receiver_ids:
        return {}
    stmt = select(Broadcast.receiver_id, Broadcast.aired, Broadcast.reason).where(
        Broadcast.receiver_id.in_(receiver_ids))
    if program_id is not None:
        stmt = stmt.where(Broadcast.program_id == program_id)
    else:
        stmt = stmt.where(Broadcast.items.any(BroadcastItem.bulletin_id == bulletin_id))
    found: dict[int, tuple[bool, str]] = {}
    for receiver_id, aired, reason in session.execute(stmt.order_by(Broadcast.id)):
        if not found.get(receiver_id, (False, ""))[0]:
            found[receiver_id] = (aired, reason)
    return found


def reach(session: Session, subject: Bulletin | Program, receivers: Sequence[Receiver]) -> Reach:
    """Split the active receivers by what they reported of this program or bulletin."""
    active = [r for r in receivers if r.revoked_at is None]
    kind = {"program_id": subject.id} if isinstance(subject, Program) else {
        "bulletin_id": subject.id}
    reports = _reports(session, [r.id for r in active], **kind)
    result = Reach(subject)
    for receiver in active:
        aired, reason = reports.get(receiver.id, (None, ""))
        if aired:
            result.played.append(receiver)
        elif aired is False:
            result.failed.append((receiver, reason))
        else:
            result.silent.append(receiver)
    return result


def _commune_for(session: Session, actor: User, commune_id: int | None) -> Commune:
    require_reader(actor)
    if not tenancy.is_province(actor):
        commune_id = actor.commune_id
    commune = session.get(Commune, commune_id) if commune_id else tenancy.first_commune(session)
    if commune is None:
        raise NotFound("Không có xã này.")
    return commune


def dashboard(session: Session, actor: User, commune_id: int | None, poll_seconds: int,
              now: datetime | None = None) -> Dashboard:
    """A commune's receivers by village with their state, and each emergency's reach."""
    now = now or utcnow()
    commune = _commune_for(session, actor, commune_id)
    receivers = receivers_of(session, commune.id)
    villages: dict[str, list[tuple[Receiver, str]]] = {}
    counts = {"online": 0, "playing": 0, "offline": 0, "revoked": 0}
    for receiver in receivers:
        current = state(receiver, poll_seconds, now)
        counts[current] += 1
        villages.setdefault(receiver.village, []).append((receiver, current))
    emergencies = [reach(session, b, receivers)
                   for b in emergencies_in_force(session, commune.id, now)]
    return Dashboard(commune, sorted(villages.items()), counts, emergencies)


def program_reach(session: Session, actor: User, program_id: int) -> Reach:
    """Which of its commune's clusters played the program, failed, or said nothing."""
    require_reader(actor)
    program = session.get(Program, program_id)
    if program is None or not (tenancy.is_province(actor) or
                               program.commune_id in (None, actor.commune_id)):
        raise NotFound(f"Không có chương trình số {program_id}.")
    commune_id = program.commune_id if program.commune_id is not None else actor.commune_id
    receivers = receivers_of(session, commune_id) if commune_id else []
    return reach(session, program, receivers)


@dataclass
class CommuneLine:
    commune: Commune
    receivers: int
    online: int
    emergencies: list[Reach]


def province(session: Session, actor: User, poll_seconds: int,
             now: datetime | None = None) -> list[CommuneLine]:
    """Province staff: per commune, its receivers, how many are online, emergencies' reach."""
    require_reader(actor)
    if not tenancy.is_province(actor):
        raise NotFound("Trang này dành cho cán bộ tỉnh.")
    now = now or utcnow()
    lines = []
    for commune in tenancy.communes(session):
        receivers = receivers_of(session, commune.id)
        online = sum(state(r, poll_seconds, now) in ("online", "playing") for r in receivers)
        emergencies = [reach(session, b, receivers)
                       for b in emergencies_in_force(session, commune.id, now)]
        lines.append(CommuneLine(commune, len(receivers), online, emergencies))
    return lines


def recent_programs(session: Session, commune_id: int, first: datetime,
                    last: datetime) -> list[tuple[Program, int]]:
    """The commune's programs starting in [first, last] with how many clusters played each."""
    played = (select(func.count(func.distinct(Broadcast.receiver_id)))
              .where(Broadcast.program_id == Program.id, Broadcast.aired.is_(True),
                     Broadcast.receiver_id.is_not(None)).scalar_subquery())
    rows = session.execute(select(Program, played).where(
        tenancy.owned(Program.commune_id, _Member(commune_id)),
        Program.starts_at >= first, Program.starts_at <= last).order_by(Program.starts_at))
    return [(program, count) for program, count in rows.unique()]


@dataclass
class _Member:
    commune_id: int | None
