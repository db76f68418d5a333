"""What staff and admins set: scanner rules, the allow-list, the lexicon, notification mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bulletins.clock import utcnow
from bulletins.models.base import Base
from bulletins.models.people import User


class ScanRule(Base):
    """An admin's phrase: text containing it gets a 'keyword' finding."""

    __tablename__ = "scan_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(200))
    #: the commune it belongs to; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None,
                                                   index=True)
    severity: Mapped[str] = mapped_column(String(10), default="block")
    note: Mapped[str] = mapped_column(Text, default="")
    ignore_tones: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AllowEntry(Base):
    """A contact published on purpose (the commune hotline, the office mailbox)."""

    __tablename__ = "allow_entries"
    __table_args__ = (UniqueConstraint("commune_id", "value",
                                       name="uq_allow_entries_commune_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    #: the commune it belongs to; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None,
                                                   index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LexiconEntry(Base):
    """How a written form is spoken: an abbreviation or a local name's pronunciation."""

    __tablename__ = "lexicon_entries"
    __table_args__ = (UniqueConstraint("commune_id", "kind", "written",
                                       name="uq_lexicon_entries_commune_word"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the commune it belongs to; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None)
    kind: Mapped[str] = mapped_column(String(20))
    written: Mapped[str] = mapped_column(String(100))
    spoken: Mapped[str] = mapped_column(String(300))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


EMAIL_MAX = 254


class NotificationSettings(Base):
    """How one user wants to hear of waiting work; no row means off."""

    __tablename__ = "notification_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="")
    mode: Mapped[str] = mapped_column(String(10), default="off")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Notification(Base):
    """One piece of work that landed with a user, and whether the mail about it went out."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    claimed_until: Mapped[datetime | None] = mapped_column(default=None)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id], lazy="joined")
