"""When receivers' answers must change: one generation number, bumped after a commit that
touched programs, audio or emergency bulletins, read by every poll.

Every process keeps its built answers per commune keyed by this generation, so a change made by
any process (a web request, a worker's program build) reaches every cached answer on the next
poll without a cache server. The bump runs in its own short transaction after the commit, so no
row lock is held through a long job.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session

from bulletins.models import AudioFile, Bulletin, Program, ProgramItem
from bulletins.models.receivers import Receiver, ReceiverSchedule

DIRTY = "loa.receivers.dirty"
#: the generation rows: what receivers are told (programs, audio, emergencies), and who they
#: are (their keys); one row each, so a program build does not empty the key cache
SCHEDULE, KEYS = 1, 2
_WATCHED = (Program, ProgramItem, AudioFile)
#: a receiver's columns that its cached key lookup holds (not what heartbeats change)
_KEYED = ("key_hash", "revoked_at", "name", "village", "commune_id")


def _touched(obj: Any) -> int | None:
    """Which generation a change of this object calls for, if any."""
    if isinstance(obj, _WATCHED):
        return SCHEDULE
    if isinstance(obj, Bulletin):
        before = inspect(obj).attrs.priority.history.deleted or ()
        return SCHEDULE if obj.priority == "emergency" or "emergency" in before else None
    if isinstance(obj, Receiver):
        state = inspect(obj)
        changed = state.pending or state.deleted or any(
            state.attrs[name].history.has_changes() for name in _KEYED)
        return KEYS if changed else None
    return None


@event.listens_for(Session, "before_flush")
def _note_changes(session: Session, _context: Any, _instances: Any) -> None:
    rows = session.info.setdefault(DIRTY, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if len(rows) == 2:
            return
        row = _touched(obj)
        if row is not None:
            rows.add(row)


@event.listens_for(Session, "after_commit")
def _bump_after_commit(session: Session) -> None:
    rows = session.info.pop(DIRTY, None)
    if rows:
        bind = session.get_bind(mapper=inspect(ReceiverSchedule))
        for row in sorted(rows):
            bump(bind, row)


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _previous: Any) -> None:
    session.info.pop(DIRTY, None)


def bump(bind: Any, row: int = SCHEDULE) -> None:
    """Add one to a generation (creating its row the first time), in its own transaction."""
    with bind.begin() as conn:
        done = conn.execute(update(ReceiverSchedule).where(ReceiverSchedule.id == row)
                            .values(generation=ReceiverSchedule.generation + 1))
        if done.rowcount == 0:
            conn.execute(ReceiverSchedule.__table__.insert().values(id=row, generation=1))
    _read.clear()  # this process sees its own change at once


#: how long a process trusts the generation it read: another process's change reaches its
#: answers at most this late (its own changes at once)
GENERATION_TTL = 1.0
_read: dict[Any, tuple[float, int]] = {}


def generation(session: Session, row: int = SCHEDULE) -> int:
    """A current generation (0 before any change was recorded), read at most once a second
    per database and row."""
    bind = session.get_bind(mapper=inspect(ReceiverSchedule))
    key = (bind.url, row)
    found = _read.get(key)
    now = time.monotonic()
    if found is not None and now - found[0] < GENERATION_TTL:
        return found[1]
    value = session.scalar(select(ReceiverSchedule.generation)
                           .where(ReceiverSchedule.id == row)) or 0
    _read[key] = (now, value)
    return value


@dataclass
class Entry:
    key: tuple
    value: Any


class AnswerCache:
    """Built answers per commune, valid for one (generation, day) key; thread-safe."""

    def __init__(self) -> None:
        self._entries: dict[Any, Entry] = {}
        self._lock = threading.Lock()

    def get(self, commune_id: Any, key: tuple, build: Callable[[], Any]) -> Any:
        found = self._entries.get(commune_id)
        if found is not None and found.key == key:
            return found.value
        value = build()
        with self._lock:
            self._entries[commune_id] = Entry(key, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_digests: dict[tuple[str, int, int], str] = {}


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file, computed once per (path, size, mtime)."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _digests:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        _digests[key] = digest.hexdigest()
    return _digests[key]
