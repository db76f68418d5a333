"""What the public may see: the one definition of "public", for pages, audio and feeds alike.

A bulletin is public while it is published and not expired. The portal's lists and pages, its
audio and the feeds' change detection (publishing.fingerprint) all build on ``is_public``, so
a withdrawal or an expiry takes a bulletin off every public surface at once (CONTRACT §6).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from bulletins.clock import utcnow
from bulletins.models import Bulletin
from bulletins.workflow import State

_b = Bulletin.__table__.c  # table columns: ORM queries and the feeds' Core statements share them


def is_public(now: Any) -> ColumnElement[bool]:
    """Published, and not expired at ``now`` (a datetime, or a bind parameter)."""
    return and_(_b.status == State.PUBLISHED, or_(_b.expire_at.is_(None), _b.expire_at > now))


def narrowed(channel: str | None, topic: Any = None, language: Any = None
             ) -> list[ColumnElement[bool]]:
    """WHERE terms of one channel's list, by topic and language when given (values or binds)."""
    terms = [_b.channels.like(f"%{channel}%")] if channel else []
    if topic is not None:
        terms.append(_b.topic_slug == topic)
    if language is not None:
        terms.append(_b.language == language)
    return terms


def of_commune(commune_id: Any) -> list[ColumnElement[bool]]:
    """WHERE terms of one commune's public lists: its own bulletins and the province's
    (None: every commune's, for a province-wide list)."""
    if commune_id is None:
        return []
    return [or_(_b.commune_id == commune_id, _b.commune_id.is_(None))]


def public_bulletins(session: Session, *, channel: str | None = "web", topic: str | None = None,
                     language: str | None = None, limit: int = 50, offset: int = 0,
                     now: datetime | None = None,
                     commune_id: int | None = None) -> Sequence[Bulletin]:
    """Published, unexpired bulletins, newest first (one commune's portal when given)."""
    stmt = select(Bulletin).where(is_public(now or utcnow()), *of_commune(commune_id),
                                  *narrowed(channel, topic or None, language or None))
    stmt = stmt.order_by(Bulletin.published_at.desc(), Bulletin.id.desc())
    return session.scalars(stmt.limit(limit).offset(offset)).unique().all()


def public_bulletin(session: Session, bulletin_id: int,
                    now: datetime | None = None) -> Bulletin | None:
    """The bulletin if the public may see it now, else None."""
    return session.scalar(select(Bulletin).where(is_public(now or utcnow()),
                                                 Bulletin.id == bulletin_id))


def was_public(session: Session, bulletin_id: int) -> bool:
    """True for a bulletin once published (since withdrawn or expired): gone, not unknown."""
    row = session.get(Bulletin, bulletin_id)
    return row is not None and row.published_at is not None
