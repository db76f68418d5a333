"""Read-side queries: desk lists, search, and what the public may see."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from bulletins.errors import NotFound, ValidationError
from bulletins.models import AudioFile, Bulletin, Finding, Revision, User, WorkflowEvent, utcnow
from bulletins.text import fold
from bulletins.workflow import State

QUEUES = {
    "editor": (State.DRAFT,),
    "reviewer": (State.IN_REVIEW,),
    "leader": (State.AWAITING_APPROVAL, State.APPROVED),
    "operator": (State.PUBLISHED,),
}


def _search(stmt: Select, q: str | None) -> Select:
    for token in fold(q or "").split()[:10]:
        escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Bulletin.search_text.like(f"%{escaped}%", escape="\\"))
    return stmt


def list_bulletins(session: Session, *, status: str | None = None, topic: str | None = None,
                   q: str | None = None, author: User | None = None,
                   limit: int = 100) -> Sequence[Bulletin]:
    """Staff list, newest first, with optional filters and diacritic-insensitive search."""
    stmt = select(Bulletin).order_by(Bulletin.updated_at.desc(), Bulletin.id.desc())
    if status:
        if status not in State.__members__.values():
            raise ValidationError(f"Không có trạng thái '{status}'.", fields={"status": "invalid"})
        stmt = stmt.where(Bulletin.status == status)
    if topic:
        stmt = stmt.where(Bulletin.topic_slug == topic)
    if author is not None:
        stmt = stmt.where(Bulletin.author_id == author.id)
    return session.scalars(_search(stmt, q).limit(limit)).unique().all()


def queue_for(session: Session, user: User, role: str) -> Sequence[Bulletin]:
    """What waits for this user in this role (corrections under way included)."""
    states = QUEUES.get(role, ())
    waiting = or_(Bulletin.status.in_(states), Bulletin.pending_status.in_(states))
    if role == "reviewer":  # emergencies aired before review wait here too
        waiting = or_(waiting, Bulletin.review_after_broadcast.is_(True))
    stmt = select(Bulletin).where(waiting)
    if role == "editor":
        stmt = stmt.where(or_(Bulletin.author_id == user.id, Bulletin.last_editor_id == user.id))
    if role == "operator":
        stmt = stmt.where(Bulletin.channels.like("%radio%"))
    return session.scalars(stmt.order_by(Bulletin.updated_at.desc())).unique().all()


def history(session: Session, bulletin_id: int) -> Sequence[WorkflowEvent]:
    return session.scalars(select(WorkflowEvent).where(WorkflowEvent.bulletin_id == bulletin_id)
                           .order_by(WorkflowEvent.at, WorkflowEvent.id)).all()


def last_return_comment(session: Session, bulletin_id: int) -> WorkflowEvent | None:
    return session.scalar(select(WorkflowEvent).where(
        WorkflowEvent.bulletin_id == bulletin_id, WorkflowEvent.action == "return")
        .order_by(WorkflowEvent.id.desc()))


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


def _public(now: datetime) -> Select:
    return select(Bulletin).where(
        Bulletin.status == State.PUBLISHED,
        or_(Bulletin.expire_at.is_(None), Bulletin.expire_at > now))


def public_bulletins(session: Session, *, channel: str | None = "web", topic: str | None = None,
                     language: str | None = None, limit: int = 50, offset: int = 0,
                     now: datetime | None = None) -> Sequence[Bulletin]:
    """Published, unexpired bulletins, newest first."""
    stmt = _public(now or utcnow())
    if channel:
        stmt = stmt.where(Bulletin.channels.like(f"%{channel}%"))
    if topic:
        stmt = stmt.where(Bulletin.topic_slug == topic)
    if language:
        stmt = stmt.where(Bulletin.language == language)
    stmt = stmt.order_by(Bulletin.published_at.desc(), Bulletin.id.desc())
    return session.scalars(stmt.limit(limit).offset(offset)).unique().all()


def public_bulletin(session: Session, bulletin_id: int,
                    now: datetime | None = None) -> Bulletin | None:
    """The bulletin if the public may see it now, else None."""
    return session.scalar(_public(now or utcnow()).where(Bulletin.id == bulletin_id))


def earlier_findings(session: Session, bulletin: Bulletin) -> Sequence:
    """Findings of the bulletin's earlier revisions, newest revision first (kept as history)."""
    return session.scalars(select(Finding).where(
        Finding.bulletin_id == bulletin.id, Finding.revision < bulletin.revision_number)
        .order_by(Finding.revision.desc(), Finding.start)).all()


def waiting_counts(session: Session, user: User) -> dict[str, int]:
    """What waits for this user: drafts and returns (editor), reviews, approvals."""
    counts = {}
    for role in ("editor", "reviewer", "leader"):
        if user.has_role(role):
            counts[role] = len(queue_for(session, user, role))
    return counts
