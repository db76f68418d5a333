"""How long background work has waited, read from the domain's own rows (no Flask import).

The job queue itself cannot say that nobody consumes it (an embedded SQLite queue or a Redis
list looks the same with or without a worker), but the rows the jobs should move can: audio
still `queued`, programs waiting for their build, approved bulletins past their `publish_at`,
immediate mail never tried. The age of the oldest of them is the queue's lag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bulletins.clock import utcnow
from bulletins.models import AudioFile, Bulletin, Program
from bulletins.notifications.notices import SEND_WITHIN, Notification, NotificationSettings
from bulletins.workflow import State

#: program states that wait for a build job (`building` is being worked on)
PROGRAM_WAITING = ("queued", "stale")
#: default of QUEUE_STALL_SECONDS: past this the queue counts as stalled
STALL_AFTER_S = 300


@dataclass(frozen=True)
class Backlog:
    """Work waiting for a background job: how much, and how long the oldest has waited."""

    pending: int = 0
    #: whole seconds the oldest waiting item has waited; 0 when nothing waits
    oldest_wait_s: int = 0
    #: which kind the oldest is: "audio", "program", "publish" or "mail"
    oldest: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def stalled(self, after_s: float = STALL_AFTER_S) -> bool:
        """Whether the oldest waiting item has waited longer than `after_s` seconds."""
        return self.pending > 0 and self.oldest_wait_s > after_s


def _waiting(session: Session, since, *where) -> tuple[int, datetime | None]:
    count, oldest = session.execute(select(func.count(), func.min(since)).where(*where)).one()
    return int(count or 0), oldest


def measure(session: Session, now: datetime | None = None, *, mail: bool = True) -> Backlog:
    """The backlog of every job kind; `mail=False` when no SMTP server is configured."""
    now = now or utcnow()
    kinds = {
        # created_at, not updated_at: requeue_stale touches updated_at of work it queues again
        "audio": _waiting(session, AudioFile.created_at, AudioFile.status == "queued"),
        "program": _waiting(session, Program.updated_at, Program.status.in_(PROGRAM_WAITING)),
        "publish": _waiting(session, Bulletin.publish_at, Bulletin.status == State.APPROVED,
                            Bulletin.publish_at <= now),
    }
    if mail:  # digests wait for their hour on purpose; only immediate mail is due at once
        kinds["mail"] = _waiting(
            session, Notification.created_at,
            Notification.sent_at.is_(None), Notification.attempts == 0,
            Notification.created_at > now - SEND_WITHIN,  # older ones are never sent
            Notification.user_id.in_(select(NotificationSettings.user_id).where(
                NotificationSettings.mode == "immediate")))
    waits = {kind: max(0, int((now - since).total_seconds()))
             for kind, (count, since) in kinds.items() if count and since is not None}
    oldest = max(waits, key=waits.__getitem__, default=None)
    return Backlog(pending=sum(count for count, _ in kinds.values()),
                   oldest_wait_s=waits[oldest] if oldest else 0, oldest=oldest,
                   counts={kind: count for kind, (count, _) in kinds.items()})
