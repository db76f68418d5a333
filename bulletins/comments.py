"""A staff discussion thread kept with each bulletin, shown beside the text on the desk."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ForeignKey, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from bulletins import audit
from bulletins.clock import utcnow
from bulletins.common import get_bulletin
from bulletins.errors import NotAllowed, ValidationError
from bulletins.models import Base, User
from bulletins.text import nfc
from bulletins.workflow import ROLES

COMMENT_MAX = 5_000
STAFF = frozenset(ROLES)


class Comment(Base):
    """One staff comment on a bulletin; comments are never edited, only added."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship(lazy="joined")


def add_comment(session: Session, actor: User, bulletin_id: int, body: str | None) -> Comment:
    """Add a comment to a bulletin's thread (any staff role)."""
    if not actor.role_names & STAFF:
        raise NotAllowed("Cần một vai trò cán bộ.")
    bulletin = get_bulletin(session, bulletin_id)
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
