"""Tables of the radio desk: slots, programs, the broadcast log and bulletins' air plans.

Importing this module gives ``Bulletin`` its ``air_plan`` and the three plan attributes the
field parser sets.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bulletins.clock import utcnow
from bulletins.models.base import Base
from bulletins.models.bulletin import Bulletin
from bulletins.models.people import User

#: program states; "stale" means a bulletin in it was withdrawn or expired and a rebuild waits
PROGRAM_STATES = ("queued", "building", "ready", "failed", "stale", "empty")


class Slot(Base):
    """A fixed airing time of the station, e.g. 06:00 every day, 30 minutes."""

    __tablename__ = "radio_slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the commune it belongs to; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None,
                                                   index=True)
    #: set on seeded slots, so seeding again never recreates or overwrites them ("sang", or
    #: "sang@slug" for a commune after the first)
    key: Mapped[str | None] = mapped_column(String(32), unique=True, default=None)
    name: Mapped[str] = mapped_column(String(100))
    #: local time of day, "HH:MM" (Asia/Ho_Chi_Minh)
    time_of_day: Mapped[str] = mapped_column(String(5))
    #: weekdays it airs on, Monday = "0" … Sunday = "6"
    weekdays: Mapped[str] = mapped_column(String(7), default="0123456")
    target_minutes: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    def airs_on(self, day: date) -> bool:
        return self.active and str(day.weekday()) in self.weekdays


class Program(Base):
    """What one slot (or an emergency airing) broadcasts on one day, and its built audio."""

    __tablename__ = "radio_programs"
    __table_args__ = (UniqueConstraint("slot_id", "air_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None for an emergency program aired outside the slots
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("radio_slots.id"), default=None)
    #: the commune it belongs to; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None,
                                                   index=True)
    air_date: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="queued")
    #: what operators must know, e.g. which withdrawn bulletin was taken out
    notice: Mapped[str] = mapped_column(Text, default="")
    notice_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    #: hash of the items' approved texts and the audio settings the file was built from
    build_key: Mapped[str | None] = mapped_column(String(64), default=None)
    path: Mapped[str | None] = mapped_column(String(255), default=None)
    size_bytes: Mapped[int | None] = mapped_column(Integer, default=None)
    duration_s: Mapped[float | None] = mapped_column(Float, default=None)
    lufs: Mapped[float | None] = mapped_column(Float, default=None)
    true_peak: Mapped[float | None] = mapped_column(Float, default=None)
    chapters: Mapped[list] = mapped_column(JSON, default=list)
    error: Mapped[str] = mapped_column(Text, default="")
    built_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    slot: Mapped[Slot | None] = relationship(lazy="joined")
    items: Mapped[list[ProgramItem]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ProgramItem.position")

    @property
    def bulletin_ids(self) -> list[int]:
        return [item.bulletin_id for item in self.items]


class ProgramItem(Base):
    """One bulletin at one position of a program."""

    __tablename__ = "radio_program_items"
    __table_args__ = (UniqueConstraint("program_id", "bulletin_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("radio_programs.id"), index=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    #: the approved text's hash when the program audio was last built with it
    built_hash: Mapped[str | None] = mapped_column(String(64), default=None)

    bulletin: Mapped[Bulletin] = relationship(lazy="joined")


class Broadcast(Base):
    """One entry of the append-only broadcast log; a correction points at what it corrects.

    An operator records the station's airing; a receiver (a loudspeaker cluster) reports its
    own: ``source`` "receiver", ``receiver_id`` set, no user. A receiver's emergency bulletin
    played outside any program has no ``program_id``; its one item names the bulletin.
    """

    __tablename__ = "radio_broadcasts"
    #: a commune's airings by its programs, index-only (bulletins/radio/airings.py)
    __table_args__ = (Index("ix_radio_broadcasts_program_aired", "program_id", "aired", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int | None] = mapped_column(ForeignKey("radio_programs.id"), index=True,
                                                   default=None)
    #: "operator" (a person's entry) or "receiver" (reported by a cluster)
    source: Mapped[str] = mapped_column(String(20), default="operator")
    receiver_id: Mapped[int | None] = mapped_column(ForeignKey("receivers.id"), index=True,
                                                    default=None)
    aired: Mapped[bool] = mapped_column(Boolean)
    #: actual start (UTC) when aired
    aired_at: Mapped[datetime | None] = mapped_column(default=None)
    #: why it did not air
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("radio_broadcasts.id"), unique=True, default=None)

    program: Mapped[Program | None] = relationship(lazy="joined")
    recorded_by: Mapped[User | None] = relationship(lazy="joined")
    items: Mapped[list[BroadcastItem]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="BroadcastItem.position")

    @property
    def recorder_name(self) -> str:
        """Who recorded it: the user's name, or "cụm loa #id" for a receiver's report."""
        if self.recorded_by is not None:
            return self.recorded_by.display_name or self.recorded_by.username
        return f"cụm loa #{self.receiver_id}"


class BroadcastItem(Base):
    """A bulletin that was in the program when its airing was recorded."""

    __tablename__ = "radio_broadcast_items"

    broadcast_id: Mapped[int] = mapped_column(ForeignKey("radio_broadcasts.id"),
                                              primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), primary_key=True,
                                             index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AirPlan(Base):
    """A radio bulletin's air window (local dates, inclusive) and how often it should air."""

    __tablename__ = "radio_air_plans"

    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), primary_key=True)
    first_date: Mapped[date | None] = mapped_column(Date, default=None)
    last_date: Mapped[date | None] = mapped_column(Date, default=None)
    airings_wanted: Mapped[int] = mapped_column(Integer, default=1)


# A bulletin's plan is one optional row; these attributes let the shared field parser, the
# services (Bulletin(**fields), setattr) and templates treat it like columns of the bulletin.
Bulletin.air_plan = relationship(AirPlan, uselist=False, lazy="selectin",
                                 cascade="all, delete-orphan")
PLAN_ATTRIBUTES = {"air_from": "first_date", "air_until": "last_date",
                   "airings_wanted": "airings_wanted"}


def _plan_attribute(name: str) -> property:
    def get(self: Bulletin) -> Any:
        plan = self.air_plan
        if plan is None:
            return 1 if name == "airings_wanted" else None
        return getattr(plan, name)

    def put(self: Bulletin, value: Any) -> None:
        if self.air_plan is None:
            self.air_plan = AirPlan(airings_wanted=1)
        setattr(self.air_plan, name, value)

    return property(get, put, doc=f"The air plan's {name}.")


for _attribute, _column in PLAN_ATTRIBUTES.items():
    setattr(Bulletin, _attribute, _plan_attribute(_column))
