"""Bulletins and what belongs to each: topic, office, revisions, events, findings, audio."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
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
from bulletins.models.people import User
from bulletins.models.tenancy import Commune


class PlanEntry:
    """An entry of one of the plan's lists an admin edits: same columns in each list's table."""

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Topic(PlanEntry, Base):
    __tablename__ = "topics"


class Unit(PlanEntry, Base):
    __tablename__ = "units"


class BulletinFields:
    """The text and its labels, as a bulletin and a bulletin template both hold them.

    A mixin, so both tables keep exactly the same columns, types, lengths and defaults.
    Mixin columns would otherwise come last; sort_order keeps them where the migrations
    created them: after the table's id (-2) and a template's name.
    """

    title: Mapped[str] = mapped_column(String(300), sort_order=-1)
    summary: Mapped[str] = mapped_column(Text, default="", sort_order=-1)
    body: Mapped[str] = mapped_column(Text, sort_order=-1)
    topic_slug: Mapped[str | None] = mapped_column(ForeignKey("topics.slug"), default=None,
                                                   sort_order=-1)
    unit_slug: Mapped[str | None] = mapped_column(ForeignKey("units.slug"), default=None,
                                                  sort_order=-1)
    channels: Mapped[str] = mapped_column(String(20), default="radio,web", sort_order=-1)
    language: Mapped[str] = mapped_column(String(5), default="vi", sort_order=-1)
    priority: Mapped[str] = mapped_column(String(10), default="normal", sort_order=-1)

    @property
    def channel_list(self) -> list[str]:
        return [c for c in self.channels.split(",") if c]


class Bulletin(BulletinFields, Base):
    """A bulletin; its working text (the latest revision) comes from BulletinFields.

    The public sees the approved revision only.
    """

    __tablename__ = "bulletins"

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-2)
    publish_at: Mapped[datetime | None] = mapped_column(default=None)
    expire_at: Mapped[datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    #: optimistic lock: every UPDATE checks and bumps it (409 when stale)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    last_editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    revision_number: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)
    #: the hash the reviewer cleared; approval must match it
    reviewed_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    #: what a leader approved: the revision and the hash of its title + body
    approved_revision: Mapped[int | None] = mapped_column(Integer, default=None)
    content_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    approved_at: Mapped[datetime | None] = mapped_column(default=None)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    published_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    review_after_broadcast: Mapped[bool] = mapped_column(Boolean, default=False)
    #: a correction of a published bulletin: its own draft/in_review/awaiting_approval state
    pending_status: Mapped[str | None] = mapped_column(String(20), default=None)
    corrected_at: Mapped[datetime | None] = mapped_column(default=None)
    #: folded (lower case, no tone marks, đ→d) title + summary + body, for search
    search_text: Mapped[str] = mapped_column(Text, default="")
    #: its author's commune; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None)

    author: Mapped[User] = relationship(foreign_keys=[author_id], lazy="joined")
    last_editor: Mapped[User | None] = relationship(foreign_keys=[last_editor_id])
    topic: Mapped[Topic | None] = relationship(lazy="joined")
    unit: Mapped[Unit | None] = relationship(lazy="joined")
    commune: Mapped[Commune | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}
    # Desk queues, staff and public lists at 100k rows (bench/desk.py). status+published_at
    # walks the portal in order; the author columns let queue counts skip the wide rows. No
    # index on last_editor_id alone: without ANALYZE, SQLite would then walk every bulletin
    # of the author instead of the few drafts.
    __table_args__ = (
        Index("ix_bulletins_queue_status", "status", "published_at", "id", "author_id",
              "last_editor_id", "updated_at"),
        Index("ix_bulletins_queue_pending", "pending_status", "author_id", "last_editor_id",
              "updated_at"),
        Index("ix_bulletins_review_after_broadcast", "review_after_broadcast"),
        Index("ix_bulletins_author_updated", "author_id", "updated_at"),
        Index("ix_bulletins_updated", "updated_at", "id"),
        # covers every filter of the staff search: it never reads the wide rows to filter
        Index("ix_bulletins_filters", "status", "topic_slug", "unit_slug", "created_at",
              "author_id"),
        # tenancy: a commune's desk list and its public pages (bench/province.py)
        Index("ix_bulletins_commune_updated", "commune_id", "updated_at", "id"),
        Index("ix_bulletins_commune_id", "commune_id", "id"),  # the desk list, newest first
        Index("ix_bulletins_commune_status", "commune_id", "status", "published_at", "id"),
    )

    def has_channel(self, channel: str) -> bool:
        return channel in self.channel_list


class Revision(Base):
    """Every saved text of a bulletin; an edit never overwrites the earlier one."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("bulletin_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    editor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: when the confidentiality scan ran on this text (its findings carry this number)
    scanned_at: Mapped[datetime | None] = mapped_column(default=None)

    editor: Mapped[User] = relationship(lazy="joined")


class WorkflowEvent(Base):
    """One action or edit on a bulletin: who, when, from, to, why."""

    __tablename__ = "workflow_events"
    __table_args__ = (Index("ix_workflow_events_bulletin_action", "bulletin_id", "action", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    action: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped[User | None] = relationship(lazy="joined")


class Finding(Base):
    """A scan finding in one revision: offsets index title, blank line, body (then summary)."""

    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_bulletin_revision", "bulletin_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"))
    revision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    #: a reviewer found it is not a problem ("Không vi phạm")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    #: a reviewer found it must be fixed ("Phải sửa"): the bulletin went back to its author
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: who decided either way, when, and why (note)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AudioFile(Base):
    """Synthesized speech of one approved text; the job moves it from queued to ready."""

    __tablename__ = "audio_files"
    # the queue's lag (bulletins/backlog.py) reads the oldest queued row on every staff page
    __table_args__ = (Index("ix_audio_files_waiting", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    #: queued, synthesizing, mixing, ready, failed
    status: Mapped[str] = mapped_column(String(20), default="queued")
    #: "synthesis", or "recording" when a person's reading was uploaded instead
    source: Mapped[str] = mapped_column(String(20), default="synthesis")
    #: hash of (text, engine, settings, lexicon): the same key never synthesizes twice
    cache_key: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    engine: Mapped[str] = mapped_column(String(20), default="")
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    fallback: Mapped[bool] = mapped_column(Boolean, default=False)
    #: path relative to DATA_DIR; never built from user input
    path: Mapped[str | None] = mapped_column(String(255), default=None)
    size_bytes: Mapped[int | None] = mapped_column(Integer, default=None)
    duration_s: Mapped[float | None] = mapped_column(Float, default=None)
    lufs: Mapped[float | None] = mapped_column(Float, default=None)
    true_peak: Mapped[float | None] = mapped_column(Float, default=None)
    error: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: what a recognizer heard (bulletins/speech/checks.py). A reading: checking, matched,
    #: held, accepted or unchecked; synthesized speech: checking, measured or unchecked
    check_status: Mapped[str | None] = mapped_column(String(20), default=None)
    #: word error rate of what was heard against the spoken text (None: not heard)
    wer: Mapped[float | None] = mapped_column(Float, default=None)
    heard: Mapped[str] = mapped_column(Text, default="")
    #: the alignment's segments [{"op", "expected", "heard"}], equal runs included
    alignment: Mapped[list] = mapped_column(JSON, default=list)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    accepted_at: Mapped[datetime | None] = mapped_column(default=None)
    accept_comment: Mapped[str] = mapped_column(Text, default="")

    accepted_by: Mapped[User | None] = relationship(foreign_keys=[accepted_by_id])
