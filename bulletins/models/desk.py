"""Tables of the editorial desk: staff comments, bulletin templates, the calendar's key dates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bulletins.clock import utcnow
from bulletins.models.base import Base
from bulletins.models.bulletin import BulletinFields
from bulletins.models.people import User


class Comment(Base):
    """One staff comment on a bulletin; comments are never edited, only added."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(ForeignKey("bulletins.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship(lazy="joined")


TEMPLATE_NAME_MAX = 200


class BulletinTemplate(BulletinFields, Base):
    """A named bulletin text (BulletinFields) an editor starts a new draft from."""

    __tablename__ = "bulletin_templates"
    __table_args__ = (UniqueConstraint("commune_id", "name",
                                       name="uq_bulletin_templates_commune_name"),)

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-3)
    name: Mapped[str] = mapped_column(String(TEMPLATE_NAME_MAX), sort_order=-2)
    #: the commune it belongs to; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None)
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    updated_by: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    def form_data(self) -> dict[str, Any]:
        """The fields under the names the bulletin form and API use."""
        return {"title": self.title, "summary": self.summary, "body": self.body,
                "topic": self.topic_slug, "unit": self.unit_slug,
                "channels": self.channel_list, "language": self.language,
                "priority": self.priority}


KEY_DATE_TITLE_MAX = 200


class KeyDate(Base):
    """A date editors plan bulletins for: a holiday, an anniversary, a congress, a local event."""

    __tablename__ = "key_dates"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(KEY_DATE_TITLE_MAX))
    kind: Mapped[str] = mapped_column(String(20), default="local")
    #: the commune it belongs to; None: the province (bulletins/tenancy.py)
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"), default=None,
                                                   index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    #: solar dates repeat every year on the same day and month; lunar ones are stored per year
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the date is a guess until an admin confirms it
    tentative: Mapped[bool] = mapped_column(Boolean, default=False)
    #: set on seeded rows, so seeding again never recreates or overwrites them
    seed_key: Mapped[str | None] = mapped_column(String(40), unique=True, default=None)
    #: a deleted seeded row stays as a tombstone, so the next `init-db` does not bring it back
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    updated_by: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    def on_year(self, year: int) -> date | None:
        """The day this key date falls on in a year (None: not that year, or 29/02)."""
        if not self.yearly:
            return self.day if self.day.year == year else None
        try:
            return self.day.replace(year=year)
        except ValueError:
            return None
