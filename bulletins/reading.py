"""Reads of staff data, each checking who may read it, for the web desk and the API alike.

The web views and the JSON API call these same functions, so the two surfaces cannot disagree
about who reads what (issue #13): the role check lives here, as it does for the writes in
services, programs and broadcasts. A refused role is NotAllowed (403), checked before the
object is looked up, as the writes do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from bulletins.common import get_bulletin
from bulletins.editorial import queries, search
from bulletins.errors import NotAllowed
from bulletins.models import AudioFile, Broadcast, Bulletin, Program, User
from bulletins.publishing.public import public_bulletins
from bulletins.radio import broadcasts, schedule
from bulletins.radio.programs import OPERATOR_ROLES, get_program
from bulletins.reporting import reports
from bulletins.workflow import ROLES

STAFF = frozenset(ROLES)

#: What each kind of staff data may be read by. The web's view decorators use the same sets.
READERS: dict[str, frozenset[str]] = {
    #: a bulletin's text, findings, history, audio and revisions; lists and search
    "bulletin": STAFF,
    #: the implementation report (counts only, no texts)
    "report": STAFF,
    #: the radio desk: the day's programs, one program, its audio, playlist and script
    "program": OPERATOR_ROLES,
    #: what aired (the broadcast log): the radio desk, and leaders who answer for it
    "broadcast_log": OPERATOR_ROLES | {"leader"},
}
_REFUSALS = {
    "bulletin": "Cần một vai trò cán bộ để xem bản tin.",
    "report": "Cần một vai trò cán bộ để xem báo cáo.",
    "program": "Cần vai trò vận hành đài hoặc quản trị để xem chương trình phát.",
    "broadcast_log": "Cần vai trò vận hành đài, lãnh đạo hoặc quản trị để xem nhật ký phát sóng.",
}


def may_read(actor: User, what: str) -> bool:
    """True when one of the actor's roles may read this kind of data."""
    return bool(actor.role_names & READERS[what])


def require_read(actor: User, what: str) -> None:
    """Raise NotAllowed (403) unless the actor may read this kind of data."""
    if not may_read(actor, what):
        raise NotAllowed(_REFUSALS[what])


def bulletin(session: Session, actor: User, bulletin_id: int) -> Bulletin:
    """One bulletin for staff (any state), or NotFound."""
    require_read(actor, "bulletin")
    return get_bulletin(session, bulletin_id)


def list_bulletins(session: Session, actor: User, **filters: Any) -> Sequence[Bulletin]:
    """The staff list of bulletins (queries.list_bulletins' filters)."""
    require_read(actor, "bulletin")
    return queries.list_bulletins(session, **filters)


def search_bulletins(session: Session, actor: User, q: str | None,
                     **filters: Any) -> search.Results:
    """Ranked full-text search over every bulletin (search.search's filters)."""
    require_read(actor, "bulletin")
    return search.search(session, q, **filters)


def report(session: Session, actor: User, start: date, end: date) -> reports.ImplementationReport:
    """The implementation report for local dates start..end."""
    require_read(actor, "report")
    return reports.implementation_report(session, start, end)


def day_plan(session: Session, actor: User, days: Iterable[date]) -> list[schedule.Occurrence]:
    """The radio slots of these days, with their saved programs or suggestions."""
    require_read(actor, "program")
    return schedule.day_plan(session, days)


def radio_bulletins(session: Session, actor: User) -> list[tuple[Bulletin, AudioFile | None]]:
    """The radio desk's bulletins with their audio: approved ones waiting, then those on air."""
    require_read(actor, "program")
    found = [*broadcasts.coming(session), *public_bulletins(session, channel="radio", limit=100)]
    return [(b, queries.latest_audio(session, b)) for b in found]


def program(session: Session, actor: User, program_id: int) -> Program:
    """One program (its items, audio, playlist and script), or NotFound."""
    require_read(actor, "program")
    return get_program(session, program_id)


def program_log(session: Session, actor: User, program_id: int) -> Sequence[Broadcast]:
    """A program's broadcast log entries, oldest first; NotFound for a missing program."""
    require_read(actor, "broadcast_log")
    get_program(session, program_id)
    return broadcasts.program_log(session, program_id)


def log_between(session: Session, actor: User, first: date, last: date) -> Sequence[Broadcast]:
    """Broadcast log entries of programs aired between two local dates."""
    require_read(actor, "broadcast_log")
    return broadcasts.entries_between(session, first, last)


def log_csv(session: Session, actor: User, first: date, last: date) -> str:
    """The broadcast log between two local dates as CSV."""
    require_read(actor, "broadcast_log")
    return broadcasts.export_csv(session, first, last)


def waiting_counts(session: Session, user: User) -> dict[str, int]:
    """What waits for this user: drafts and returns, reviews, approvals, bulletins to air."""
    counts = {}
    for role in ("editor", "reviewer", "leader"):
        if user.has_role(role):
            counts[role] = queries.queue_count(session, user, role)
    if user.has_role("operator"):
        counts["operator"] = schedule.owed_count(session)  # the radio desk's own rule

    return counts
