"""Built feed bodies kept by the state of their public set, and their ETags.

The state comes from bulletins.publishing.fingerprint: per request one SQL query reads the
audit chain's head (it moves with every action and edit, CONTRACT §4) and the asked topic;
while it stays the same and no public bulletin's expiry has come, the state computed before
holds. Otherwise one more query computes the feed's precise state; only when that differs is
the body built again. ETag and Last-Modified come from the state, so unrelated audited actions
(a login, a draft) don't change them.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bulletins.publishing.fingerprint import FeedState, fingerprint

#: bump when the feeds' output changes, so that clients' ETags from older code expire
FORMAT = "2"


def etag(key: Hashable) -> str:
    """A strong ETag for one cache key: same key, same bytes."""
    return hashlib.blake2b(repr((FORMAT, key)).encode(), digest_size=16).hexdigest()


class Lru:
    """A small thread-safe LRU mapping."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class FeedCache:
    """Per app: feed states by audit marker, built bodies by state; ``builds`` counts builds."""

    def __init__(self, size: int = 128) -> None:
        self.builds = 0
        self.bodies = Lru(size)  #: (kind, topic, lang, meta, state) → (etag, body)
        self.states = Lru(size)  #: (channel, topic, lang) → (marker, state, next expiry)
        self.metas = Lru(size)  #: what a FeedMeta depends on → FeedMeta
        self._lock = threading.Lock()

    def state(self, session: Session, mark: tuple, channel: str, topic: str | None,
              lang: str | None, now: datetime, commune_id: int | None = None) -> FeedState:
        """The feed's state (one commune's): the one known for this marker, or computed anew."""
        known = self.states.get((channel, topic, lang, commune_id))
        if known is not None and known[0] == mark and (known[2] is None or now < known[2]):
            return known[1]
        state, next_expiry = fingerprint(session, channel, topic, lang, now, commune_id)
        self.states.put((channel, topic, lang, commune_id), (mark, state, next_expiry))
        return state

    def build(self, make: Callable[[], bytes]) -> bytes:
        """Make a body, counting it."""
        body = make()
        with self._lock:
            self.builds += 1
        return body
