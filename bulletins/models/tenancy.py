"""Tenants: the province an installation serves and its communes (CONTRACT §9).

Every row that belongs to a commune carries ``commune_id``; NULL there means the province
itself (a province-level user, a province-wide bulletin, a rule or key date for every commune).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bulletins.clock import utcnow
from bulletins.models.base import Base


class Province(Base):
    """The province; one row per installation."""

    __tablename__ = "provinces"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Commune(Base):
    """A commune of the province: its own desk, radio, rules, and public portal /xa/<slug>/."""

    __tablename__ = "communes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"))
    #: the commune's portal is also served at this host name (optional)
    host: Mapped[str | None] = mapped_column(String(255), unique=True, default=None)
    #: the first commune (lowest position) answers at / and /feeds/…
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    province: Mapped[Province] = relationship(lazy="joined")
