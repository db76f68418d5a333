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

from bulletins import tenancy
from bulletins.common import get_bulletin
from bulletins.editorial import queries, search
from bulletins.errors import NotAllowed
from bulletins.models import AudioFile, Broadcast, Bulletin, Program, User
from bulletins.publishing.public import public_bulletins
from bulletins.radio import airings, broadcasts, schedule
from bulletins.radio.programs import OPERATOR_ROLES, get_program
from bulletins.reporting import figures, reports
from bulletins.reporting.tallies import EVERYWHERE
from bulletins.workflow import ROLES

STAFF = frozenset(ROLES)

#: What each kind of staff data may be read by. The web's view decorators use the same sets.
READERS: dict[str, frozenset[str]] = {
    #: a bulletin's text, findings, history, audio and revisions; lists and search
    "bulletin": STAFF,
    #: the implementation report (counts only, no texts)
    "report": STAFF,
    #: the radio desk: the day's programs, one program, its audio, playlist and script
    "program": OPERATOR_ROLES | {"observer"},
    #: what aired (the broadcast log): the radio desk, and leaders who answer for it
    "broadcast_log": OPERATOR_ROLES | {"leader", "observer"},
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
    return get_bulletin(session, bulletin_id, actor)


def list_bulletins(session: Session, actor: User, **filters: Any) -> Sequence[Bulletin]:
    """The staff list of bulletins (queries.list_bulletins' filters)."""
    require_read(actor, "bulletin")
    return queries.list_bulletins(session, viewer=actor, **filters)


def search_bulletins(session: Session, actor: User, q: str | None,
                     **filters: Any) -> search.Results:
    """Ranked full-text search over every bulletin (search.search's filters)."""
    require_read(actor, "bulletin")
    return search.search(session, q, viewer=actor, **filters)


def report(session: Session, actor: User, start: date, end: date,
           commune_id: int | None = EVERYWHERE) -> reports.ImplementationReport:
    """The implementation report for local dates start..end: a commune's staff get their
    commune's; province staff the whole province's, or one commune's (None: the province's
    own bulletins)."""
    require_read(actor, "report")
    if not tenancy.is_province(actor):
        commune_id = actor.commune_id
    return reports.implementation_report(session, start, end, commune_id)


def province_report(session: Session, actor: User, start: date, end: date
                    ) -> figures.ProvinceReport:
    """The report across the province, then the province's own bulletins, then each
    commune's: province staff and observers only (403 to a commune's)."""
    require_read(actor, "report")
    if not tenancy.is_province(actor):
        raise NotAllowed("Báo cáo toàn tỉnh dành cho cán bộ cấp tỉnh.")
    communes = tenancy.communes(session)
    province = communes[0].province.name if communes else ""
    parts = [figures.Part(None, "Bản tin của tỉnh",
                          reports.implementation_report(session, start, end, None))]
    parts += [figures.Part(c.slug, c.name, reports.implementation_report(session, start, end, c.id))
              for c in communes]
    return figures.ProvinceReport(start, end, province,
                                  reports.implementation_report(session, start, end), parts)


def aired_by_commune(session: Session, actor: User, bulletin_id: int) -> dict[str, int]:
    """Which communes aired a bulletin, and how often (slug → airings in force). Counts only:
    any staff who may read the bulletin (a commune's staff: their own commune's count)."""
    require_read(actor, "bulletin")
    get_bulletin(session, bulletin_id, actor)
    slugs = tenancy.commune_slugs(session)
    counts = airings.aired_by_commune(session, bulletin_id)
    if not tenancy.is_province(actor):
        counts = {k: v for k, v in counts.items() if k == actor.commune_id}
    return {slugs.get(k, "?"): v for k, v in counts.items() if k is not None}


def day_plan(session: Session, actor: User, days: Iterable[date]) -> list[schedule.Occurrence]:
    """The radio slots of these days, with their saved programs or suggestions."""
    require_read(actor, "program")
    return schedule.day_plan(session, days, commune_id=actor.commune_id)


def radio_bulletins(session: Session, actor: User) -> list[tuple[Bulletin, AudioFile | None]]:
    """The radio desk's bulletins with their audio: approved ones waiting, then those on air."""
    require_read(actor, "program")
    found = [*broadcasts.coming(session, actor.commune_id),
             *public_bulletins(session, channel="radio", limit=100,
                               commune_id=actor.commune_id)]
    return [(b, queries.latest_audio(session, b)) for b in found]


def program(session: Session, actor: User, program_id: int) -> Program:
    """One program (its items, audio, playlist and script), or NotFound."""
    require_read(actor, "program")
    return get_program(session, program_id, actor)


def program_log(session: Session, actor: User, program_id: int) -> Sequence[Broadcast]:
    """A program's broadcast log entries, oldest first; NotFound for a missing program."""
    require_read(actor, "broadcast_log")
    get_program(session, program_id, actor)
    return broadcasts.program_log(session, program_id)


def log_between(session: Session, actor: User, first: date, last: date) -> Sequence[Broadcast]:
    """Broadcast log entries of programs aired between two local dates."""
    require_read(actor, "broadcast_log")
    return broadcasts.entries_between(session, first, last, actor.commune_id)


def log_csv(session: Session, actor: User, first: date, last: date) -> str:
    """The broadcast log between two local dates as CSV."""
    require_read(actor, "broadcast_log")
    return broadcasts.export_csv(session, first, last, actor.commune_id)


def waiting_counts(session: Session, user: User) -> dict[str, int]:
    """What waits for this user: drafts and returns, reviews, approvals, bulletins to air."""
    counts = {}
    for role in ("editor", "reviewer", "leader"):
        if user.has_role(role):
            counts[role] = queries.queue_count(session, user, role)
    if user.has_role("operator"):
        counts["operator"] = schedule.owed_count(  # the radio desk's own rule
            session, commune_id=user.commune_id)

    return counts
