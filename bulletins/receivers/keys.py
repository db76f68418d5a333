"""The polling fast path: a key's receiver from a per-process cache, and "last heard" written
in batches instead of once per poll.

The cache holds what a poll needs of a receiver (never the key: its SHA-256 is the cache key)
and is valid for one generation of cache.py; registering, rotating, revoking or renaming a
receiver bumps the generation, so a revoked key is refused by every process within a second.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bulletins.clock import utcnow
from bulletins.models import Commune
from bulletins.models.receivers import Receiver
from bulletins.receivers import cache
from bulletins.receivers.registry import KEY_PREFIX, key_digest

#: buffered "last heard" times are written at most this often (per process)
FLUSH_SECONDS = 5.0


@dataclass(frozen=True)
class Caller:
    """What a poll knows of the receiver behind a key."""

    id: int
    commune_id: int
    commune: str  # slug
    name: str
    village: str


class _Keys:
    def __init__(self) -> None:
        self.generation: tuple | None = None
        self.known: dict[str, Caller] = {}
        self.lock = threading.Lock()

    def lookup(self, session: Session, raw: str) -> Caller | None:
        digest = key_digest(raw)
        key = (cache.generation(session, cache.KEYS), _database(session))
        with self.lock:
            if key != self.generation:
                self.generation, self.known = key, {}
            found = self.known.get(digest)
        if found is not None:
            return found
        row = session.execute(
            select(Receiver.id, Receiver.commune_id, Commune.slug, Receiver.name,
                   Receiver.village).join(Commune, Commune.id == Receiver.commune_id)
            .where(Receiver.key_hash == digest, Receiver.revoked_at.is_(None))).first()
        if row is None:
            return None
        found = Caller(*row)
        with self.lock:
            if key == self.generation:
                self.known[digest] = found
        return found


class _Heard:
    """Times receivers were heard, per database, until written."""

    def __init__(self) -> None:
        self.pending: dict[str, dict[int, datetime]] = {}
        self.flushed = time.monotonic()
        self.lock = threading.Lock()

    def note(self, database: str, receiver_id: int, now: datetime) -> None:
        with self.lock:
            self.pending.setdefault(database, {})[receiver_id] = now

    def due(self) -> bool:
        return bool(self.pending) and time.monotonic() - self.flushed >= FLUSH_SECONDS

    def flush(self, session: Session) -> int:
        """Write this database's buffered times (one statement); the caller commits."""
        with self.lock:
            rows = self.pending.pop(_database(session), {})
            self.flushed = time.monotonic()
        if rows:
            table = Receiver.__table__
            # ascending ids: processes flushing overlapping receivers lock rows in one order
            session.execute(update(table).where(table.c.id == bindparam("rid"))
                            .values(last_heard_at=bindparam("at")),
                            [{"rid": k, "at": rows[k]} for k in sorted(rows)])
        return len(rows)


def _database(session: Session) -> str:
    return str(session.get_bind().url)


_keys, _heard = _Keys(), _Heard()


def caller_for_key(session: Session, raw: str, now: datetime | None = None) -> Caller | None:
    """The receiver holding this (unrevoked) key, or None; notes that it was heard."""
    if not raw.startswith(KEY_PREFIX) or len(raw) > 100:
        return None
    found = _keys.lookup(session, raw)
    if found is not None:
        _heard.note(_database(session), found.id, now or utcnow())
    return found


def flush_heard(session: Session, force: bool = False) -> int:
    """Write and commit "last heard" times when FLUSH_SECONDS passed since the last write (or
    `force`), in a transaction of their own; a failed write is dropped (the next poll of each
    receiver notes it again)."""
    if not (force or _heard.due()):
        return 0
    try:
        written = _heard.flush(session)
        session.commit()
    except SQLAlchemyError:
        session.rollback()
        return 0
    return written
