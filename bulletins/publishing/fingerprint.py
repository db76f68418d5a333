"""What a feed's public set looks like now, cheaply: the fingerprint feeds are cached by.

Every action and edit appends to the audit chain in its own transaction (CONTRACT §4), so the
chain's head (one row, read with the asked topic's names in one query: ``marker``) changes
with every change. While it stays the same and no public bulletin's expiry has come, nothing
public changed. Otherwise ``fingerprint`` computes the feed's precise state in one more query:
how many bulletins are public (``publishing.public.is_public``), which, when they and their
audio last changed. Unrelated audited actions (a login, a draft) leave the fingerprint as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    column,
    distinct,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from bulletins.models import AudioFile, Bulletin
from bulletins.publishing.public import is_public, narrowed, of_commune

#: Last-Modified is withheld this long after a change: HTTP dates have whole seconds only,
#: and a second change within the same second must not look "not modified"
SETTLE = timedelta(seconds=2)

MARKER = text(  # tables audit_head (AuditHead) and topics (Topic)
    "SELECT (SELECT seq FROM audit_head WHERE id = 1) AS seq,"
    " (SELECT last_hash FROM audit_head WHERE id = 1) AS last_hash,"
    " (SELECT name FROM topics WHERE slug = :topic) AS name,"
    " (SELECT name_en FROM topics WHERE slug = :topic) AS name_en"
).columns(  # typed: SQLAlchemy then reuses the result's metadata instead of rebuilding it
    column("seq", Integer), column("last_hash", String), column("name", String),
    column("name_en", String))


@dataclass(frozen=True)
class FeedState:
    """The fingerprint of one feed's public set."""

    public: int  #: how many bulletins are public now
    public_ids: int  #: sum of their ids: a swap of one for another changes it
    changed: datetime | None  #: newest updated_at of every bulletin ever published here
    expired: datetime | None  #: newest expire_at that has passed
    audio: tuple  #: count, newest id, newest updated_at of their ready audio

    @property
    def last_change(self) -> datetime | None:
        """When the public set last changed (naive UTC), as far as the database shows."""
        times = [t for t in (self.changed, self.expired, self.audio[2]) if t is not None]
        return max(times, default=None)

    def last_modified(self, now: datetime) -> datetime | None:
        """Last-Modified for HTTP, once the change is older than SETTLE; else None."""
        last = self.last_change
        if last is None or now - last < SETTLE:
            return None
        return last.replace(microsecond=0, tzinfo=UTC)


_statements: dict[tuple, Select] = {}


def _statement(channel: str, with_topic: bool, with_lang: bool,
               with_commune: bool = False) -> Select:
    """One SELECT of aggregates; built once per shape and reused."""
    shape = (channel, with_topic, with_lang, with_commune)
    if shape in _statements:
        return _statements[shape]
    b, a = Bulletin.__table__.c, AudioFile.__table__.c
    now = bindparam("now")
    public = is_public(now)
    where = [b.published_at.is_not(None),
             *narrowed(channel, bindparam("topic") if with_topic else None,
                       bindparam("lang") if with_lang else None),
             *of_commune(bindparam("commune") if with_commune else None)]
    joined = Bulletin.__table__.outerjoin(AudioFile.__table__, and_(
        a.bulletin_id == b.id, a.content_hash == b.content_hash, a.status == "ready"))
    statement = select(
        func.count(distinct(case((public, b.id)))),
        func.coalesce(func.sum(distinct(case((public, b.id)))), 0),
        func.max(b.updated_at),
        func.max(case((b.expire_at <= now, b.expire_at))),
        func.count(case((public, a.id))),
        func.max(case((public, a.id))),
        func.max(case((public, a.updated_at))),
        func.min(case((public, b.expire_at))),  # the next expiry: the state holds until then
    ).select_from(joined).where(*where)
    _statements[shape] = statement
    return statement


def marker(session: Session, topic: str | None) -> tuple[tuple, str | None, str | None]:
    """The audit head (changes with every action) and the topic's names, in one query."""
    seq, last_hash, name, name_en = session.execute(MARKER, {"topic": topic}).one()
    return (seq, last_hash), name, name_en


def fingerprint(session: Session, channel: str, topic: str | None, lang: str | None,
                now: datetime, commune_id: int | None = None
                ) -> tuple[FeedState, datetime | None]:
    """The precise state of one feed's public set (one commune's), and when it expires next."""
    params: dict[str, Any] = {"now": now}
    if commune_id is not None:
        params["commune"] = commune_id
    if topic:
        params["topic"] = topic
    if lang:
        params["lang"] = lang
    row = session.execute(_statement(channel, bool(topic), bool(lang), commune_id is not None),
                          params).one()
    state = FeedState(row[0], int(row[1] or 0), row[2], row[3], (row[4], row[5], row[6]))
    return state, row[7]
