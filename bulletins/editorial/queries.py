"""Read-side queries of the desk: lists, queues, history, audio, approved text, topics, units.

What the public may see is publishing.public's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from bulletins import tenancy
from bulletins.common import fetch
from bulletins.editorial import search
from bulletins.errors import NotFound
from bulletins.models import (
    AudioFile,
    Bulletin,
    Finding,
    Revision,
    Topic,
    Unit,
    User,
    WorkflowEvent,
)
from bulletins.workflow import PRIORITY_RANK, State

QUEUES = {
    "editor": (State.DRAFT,),
    "reviewer": (State.IN_REVIEW,),
    "leader": (State.AWAITING_APPROVAL, State.APPROVED),
    "operator": (State.PUBLISHED,),
}


def list_bulletins(session: Session, *, status: str | None = None, topic: str | None = None,
                   q: str | None = None, author: User | None = None, unit: str | None = None,
                   date_from: date | None = None, date_to: date | None = None,
                   limit: int = 100, viewer: User | None = None) -> Sequence[Bulletin]:
    """Staff list with optional filters: ranked full-text matches of q, else newest first;
    only what ``viewer`` may know of (bulletins.tenancy)."""
    filters = {"status": status, "topic": topic, "unit": unit, "date_from": date_from,
               "date_to": date_to, "author": author, "viewer": viewer}
    if q and q.strip():
        _, ids, _, _ = search.ranked_ids(session, q, per_page=limit, **filters)
        return search.load(session, ids)
    stmt = search.filtered(select(Bulletin), **filters)
    stmt = stmt.order_by(Bulletin.updated_at.desc(), Bulletin.id.desc()).limit(limit)
    return session.scalars(stmt).unique().all()


def _waiting(user: User, role: str) -> list:
    """WHERE terms of a queue; each is served by an index of Bulletin (see models.py)."""
    states = QUEUES.get(role, ())
    waiting = or_(Bulletin.status.in_(states), Bulletin.pending_status.in_(states))
    if role == "reviewer":  # emergencies aired before review wait here too
        waiting = or_(waiting, Bulletin.review_after_broadcast.is_(True))
    # a queue holds the work of the user's own scope (their commune's, or the province's);
    # the radio's also the province bulletins a commune airs
    terms = [waiting, *(tenancy.visible(user) if role == "operator"
                        else [tenancy.owned(Bulletin.commune_id, user)])]
    if role == "editor":
        terms.append(or_(Bulletin.author_id == user.id, Bulletin.last_editor_id == user.id))
    if role == "operator":
        terms.append(Bulletin.channels.like("%radio%"))
    return terms


def _review_order() -> tuple:
    """Emergency, then priority, then normal; within each, the longest waiting first."""
    rank = case(*((Bulletin.priority == name, -value) for name, value in PRIORITY_RANK.items()),
                else_=0)
    waited = func.coalesce(Bulletin.submitted_at, Bulletin.updated_at)
    return (rank, waited, Bulletin.id)


def queue_for(session: Session, user: User, role: str, *, limit: int | None = None,
              offset: int = 0) -> Sequence[Bulletin]:
    """What waits for this user in this role (corrections under way included).

    Newest first, except the review queue: most urgent, then oldest first.
    """
    order = (_review_order() if role == "reviewer"
             else (Bulletin.updated_at.desc(), Bulletin.id.desc()))
    # ids first, from the queue indexes alone; only the page's wide rows are then read
    ids = select(Bulletin.id).where(*_waiting(user, role)).order_by(*order)
    if limit is not None:
        ids = ids.limit(limit).offset(offset)
    stmt = select(Bulletin).where(Bulletin.id.in_(ids)).order_by(*order)
    return session.scalars(stmt).unique().all()


def queue_count(session: Session, user: User, role: str) -> int:
    """How many bulletins queue_for would return, counted in the database."""
    return session.scalar(select(func.count()).select_from(Bulletin)
                          .where(*_waiting(user, role))) or 0


def last_return_comments(session: Session, ids: Sequence[int]) -> dict[int, WorkflowEvent]:
    """The latest 'return' event of each of these bulletins, in one query."""
    if not ids:
        return {}
    events = session.scalars(select(WorkflowEvent).where(
        WorkflowEvent.bulletin_id.in_(ids), WorkflowEvent.action == "return")
        .order_by(WorkflowEvent.id))
    return {e.bulletin_id: e for e in events}


def listed(session: Session, model: type[Topic] | type[Unit], *,
           include_inactive: bool = False) -> Sequence:
    """Topics or units in the plan's order; only the active ones unless asked."""
    stmt = select(model).order_by(model.position, model.name)
    if not include_inactive:
        stmt = stmt.where(model.active)
    return session.scalars(stmt).all()


def get_topic(session: Session, slug: str) -> Topic:
    """The topic (active or not), or NotFound."""
    return fetch(session, Topic, slug, f"Không có chủ đề '{slug}'.")


def revisions(session: Session, bulletin_id: int) -> Sequence[Revision]:
    """Every saved version of a bulletin, oldest first."""
    return session.scalars(select(Revision).where(Revision.bulletin_id == bulletin_id)
                           .order_by(Revision.number)).all()


def history(session: Session, bulletin_id: int) -> Sequence[WorkflowEvent]:
    return session.scalars(select(WorkflowEvent).where(WorkflowEvent.bulletin_id == bulletin_id)
                           .order_by(WorkflowEvent.at, WorkflowEvent.id)).all()


def latest_audio(session: Session, bulletin: Bulletin) -> AudioFile | None:
    """The audio of the bulletin's approved text (newest attempt), if any."""
    if not bulletin.content_hash:
        return None
    return session.scalar(select(AudioFile).where(
        AudioFile.bulletin_id == bulletin.id, AudioFile.content_hash == bulletin.content_hash)
        .order_by(AudioFile.id.desc()))


def approved_text(session: Session, bulletin: Bulletin) -> Revision:
    """The revision a leader approved: the only text the public sees or hears."""
    revision = session.scalar(select(Revision).where(
        Revision.bulletin_id == bulletin.id, Revision.number == bulletin.approved_revision))
    if revision is None:
        raise NotFound("Bản tin chưa được phê duyệt.")
    return revision


def approved_texts(session: Session, bulletins: Sequence[Bulletin]
                   ) -> dict[int, Revision]:
    """approved_text of many bulletins in one query (bulletin id → revision)."""
    wanted = {b.id: b.approved_revision for b in bulletins}
    if not wanted:
        return {}
    rows = session.scalars(select(Revision).where(Revision.bulletin_id.in_(wanted)))
    found = {r.bulletin_id: r for r in rows if wanted[r.bulletin_id] == r.number}
    missing = wanted.keys() - found.keys()
    if missing:
        raise NotFound("Bản tin chưa được phê duyệt.")
    return found


def latest_audios(session: Session, bulletins: Sequence[Bulletin]
                  ) -> dict[int, AudioFile]:
    """latest_audio of many bulletins in one query (bulletin id → audio; none: absent)."""
    hashes = {b.id: b.content_hash for b in bulletins if b.content_hash}
    if not hashes:
        return {}
    found: dict[int, AudioFile] = {}
    for audio in session.scalars(select(AudioFile).where(AudioFile.bulletin_id.in_(hashes))
                                 .order_by(AudioFile.id.desc())):
        if audio.content_hash == hashes[audio.bulletin_id]:
            found.setdefault(audio.bulletin_id, audio)
    return found


def earlier_findings(session: Session, bulletin: Bulletin) -> Sequence:
    """Findings of the bulletin's earlier revisions, newest revision first (kept as history)."""
    return session.scalars(select(Finding).where(
        Finding.bulletin_id == bulletin.id, Finding.revision < bulletin.revision_number)
        .order_by(Finding.revision.desc(), Finding.start)).all()


def open_findings(session: Session, bulletins: Sequence[Bulletin]) -> dict[int, tuple[int, int]]:
    """Per bulletin: (open findings, open blocking ones) of its current revision, one query."""
    if not bulletins:
        return {}
    current = {b.id: b.revision_number for b in bulletins}
    rows = session.execute(
        select(Finding.bulletin_id, Finding.revision, Finding.severity, func.count())
        .where(Finding.bulletin_id.in_(current), Finding.resolved.is_(False),
               Finding.confirmed.is_(False))
        .group_by(Finding.bulletin_id, Finding.revision, Finding.severity))
    counts = {bid: (0, 0) for bid in current}
    for bid, revision, severity, n in rows:
        if revision == current[bid]:
            total, blocking = counts[bid]
            counts[bid] = (total + n, blocking + (n if severity == "block" else 0))
    return counts


def scanned(session: Session, bulletin: Bulletin) -> bool:
    """Whether the scanner has read the bulletin's current revision."""
    return session.scalar(select(Revision.scanned_at).where(
        Revision.bulletin_id == bulletin.id,
        Revision.number == bulletin.revision_number)) is not None
