"""Smart loudspeaker clusters (receivers) of a commune, and the schedule cache's generation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bulletins.clock import utcnow
from bulletins.models.base import Base
from bulletins.models.tenancy import Commune


class Receiver(Base):
    """One cluster of horns with its controller; it pulls its commune's schedule with a key."""

    __tablename__ = "receivers"

    id: Mapped[int] = mapped_column(primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    #: the thôn (village) it serves; '' when not given
    village: Mapped[str] = mapped_column(String(100), default="")
    #: where it hangs, in words or "lat,lon"
    location: Mapped[str] = mapped_column(String(200), default="")
    serial: Mapped[str] = mapped_column(String(100), default="")
    #: SHA-256 of the key; the key itself is shown once and never stored
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key_prefix: Mapped[str] = mapped_column(String(16))
    key_created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the last request carrying its key (a poll, a download, an event)
    last_heard_at: Mapped[datetime | None] = mapped_column(default=None)
    last_played_at: Mapped[datetime | None] = mapped_column(default=None)
    #: what it said in its last heartbeat
    firmware: Mapped[str] = mapped_column(String(64), default="")
    volume: Mapped[int | None] = mapped_column(Integer, default=None)
    signal: Mapped[int | None] = mapped_column(Integer, default=None)
    playing: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the reason of its last `failed` event, until it plays again
    last_error: Mapped[str] = mapped_column(Text, default="")

    commune: Mapped[Commune] = relationship(lazy="joined")

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class ReceiverSchedule(Base):
    """Generation counters (bulletins/receivers/cache.py): row 1 is bumped whenever what
    receivers are told may change (programs, audio, emergencies), row 2 when a receiver's key
    or name changes, so every process drops its cached answers or key lookups."""

    __tablename__ = "receiver_schedule"

    id: Mapped[int] = mapped_column(primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
