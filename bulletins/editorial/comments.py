"""A staff discussion thread kept with each bulletin, shown beside the text on the desk."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.common import get_bulletin
from bulletins.errors import NotAllowed, ValidationError
from bulletins.models import Comment, User
from bulletins.text import nfc
from bulletins.workflow import ROLES

COMMENT_MAX = 5_000

STAFF = frozenset(ROLES) - {"observer"}  # an observer reads the thread, never writes


def add_comment(session: Session, actor: User, bulletin_id: int, body: str | None) -> Comment:
    """Add a comment to a bulletin's thread (any staff role)."""
    if not actor.role_names & STAFF:
        raise NotAllowed("Cần một vai trò cán bộ.")
    bulletin = get_bulletin(session, bulletin_id, actor)
    body = nfc(body)
    if not body:
        raise ValidationError("Bình luận trống.", fields={"body": "required"})
    if len(body) > COMMENT_MAX:
        raise ValidationError(f"Tối đa {COMMENT_MAX} ký tự.", fields={"body": "too_long"})
    comment = Comment(bulletin_id=bulletin.id, author_id=actor.id, body=body)
    session.add(comment)
    session.flush()
    audit.record(session, actor.username, "comment.add", f"bulletin:{bulletin.id}",
                 comment=comment.id)
    return comment


def thread(session: Session, bulletin_id: int) -> Sequence[Comment]:
    """The bulletin's comments, oldest first."""
    return session.scalars(select(Comment).where(Comment.bulletin_id == bulletin_id)
                           .order_by(Comment.created_at, Comment.id)).all()
