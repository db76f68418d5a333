"""Sending notification mail: one row at once or a day's rows as a digest (no Flask).

Delivery is at-least-once: a row is marked sent only after the SMTP server took the
message; a crash in between may repeat a mail, never lose one. A short claim keeps two
senders from mailing the same row at the same time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from bulletins.clock import LOCAL_TZ, local_text, utcnow
from bulletins.models import User
from bulletins.notifications import smtp as mailer
from bulletins.notifications.notices import (
    CLAIM,
    KINDS,
    MAX_ATTEMPTS,
    RETRY_AFTER,
    SEND_WITHIN,
    Notification,
    NotificationSettings,
)


@dataclass(frozen=True)
class Links:
    """Where a mail's links lead: the web layer builds them from its routes.

    The domain names no URL; it only asks for a bulletin's page and the preferences page.
    """

    bulletin: Callable[[int], str]  #: a bulletin's page on the staff desk, by its id
    preferences: str  #: the page where one changes how notices come


@dataclass(frozen=True)
class Delivery:
    """How mail leaves: the SMTP settings and the links back to the desk."""

    mail: mailer.MailSettings
    links: Links


def _item(row: Notification, links: Links) -> str:
    who = f"{row.actor.display_name} ({row.actor.username})" if row.actor else "hệ thống"
    return (f"Bản tin số {row.bulletin_id} {KINDS.get(row.kind, row.kind)}.\n"
            f"  Người thực hiện: {who}, lúc {local_text(row.created_at)}\n"
            f"  Mở: {links.bulletin(row.bulletin_id)}")


def compose(rows: list[Notification], links: Links) -> tuple[str, str]:
    """Subject and text of one mail about these rows: no title, no body of any bulletin."""
    if len(rows) == 1:
        row = rows[0]
        subject = f"[Loa] Bản tin số {row.bulletin_id} {KINDS.get(row.kind, row.kind)}"
        intro = ""
    else:
        subject = f"[Loa] Tổng hợp: {len(rows)} việc đang chờ bạn"
        intro = f"Các việc trên Loa đang chờ bạn ({len(rows)} mục):\n\n"
    text = (intro + "\n\n".join(_item(row, links) for row in rows)
            + "\n\n-- \nThư không chứa nội dung bản tin; hãy đăng nhập Loa để xem.\n"
            + f"Đổi cách nhận thư: {links.preferences}\n")
    return subject, text


def _deliver(session: Session, rows: list[Notification], email: str, delivery: Delivery,
             commit: Callable[[], None]) -> bool:
    """Claim, send as one mail, mark sent; False when another sender holds a row."""
    now = utcnow()
    ids = [row.id for row in rows]
    claimed = session.execute(
        update(Notification)
        .where(Notification.id.in_(ids), Notification.sent_at.is_(None),
               or_(Notification.claimed_until.is_(None), Notification.claimed_until < now))
        .values(claimed_until=now + CLAIM)).rowcount
    if claimed != len(ids):
        session.rollback()
        return False
    commit()
    subject, text = compose(rows, delivery.links)
    try:
        mailer.send(delivery.mail, email, subject, text)
    except mailer.MailError as error:
        for row in rows:
            row.attempts += 1
            row.last_attempt_at, row.last_error, row.claimed_until = now, str(error)[:2000], None
        commit()
        raise
    sent = utcnow()
    for row in rows:
        row.attempts += 1
        row.sent_at, row.last_attempt_at, row.last_error, row.claimed_until = (
            sent, now, None, None)
    commit()
    return True


def send_immediate(session: Session, notification_id: int, delivery: Delivery,
                   commit: Callable[[], None]) -> bool:
    """Mail one row now if its user still wants immediate mail; MailError on failure."""
    row = session.get(Notification, notification_id)
    if row is None or row.sent_at is not None or row.created_at <= utcnow() - SEND_WITHIN:
        return False
    settings = session.get(NotificationSettings, row.user_id)
    user = session.get(User, row.user_id)
    if settings is None or settings.mode == "off" or not settings.email or not user.active:
        session.delete(row)
        commit()
        return False
    if settings.mode == "digest":  # switched meanwhile: the digest takes it
        return False
    return _deliver(session, [row], settings.email, delivery, commit)


def requeue_immediate(session: Session, now: datetime | None = None) -> list[int]:
    """Unsent rows of immediate users whose job failed or was lost, to queue again."""
    now = now or utcnow()
    return list(session.scalars(
        select(Notification.id)
        .join(NotificationSettings, NotificationSettings.user_id == Notification.user_id)
        .where(NotificationSettings.mode == "immediate", Notification.sent_at.is_(None),
               Notification.attempts < MAX_ATTEMPTS, Notification.created_at > now - SEND_WITHIN,
               or_(Notification.claimed_until.is_(None), Notification.claimed_until < now),
               func.coalesce(Notification.last_attempt_at, Notification.created_at)
               <= now - RETRY_AFTER)
        .order_by(Notification.id)))


def digest_boundary(now: datetime, hour: int) -> datetime:
    """The latest digest time (hour:00 in Vietnam) not after now, as naive UTC."""
    local = now.replace(tzinfo=UTC).astimezone(LOCAL_TZ)
    boundary = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if boundary > local:
        boundary -= timedelta(days=1)
    return boundary.astimezone(UTC).replace(tzinfo=None)


def due_digests(session: Session, boundary: datetime, now: datetime | None = None,
                retry_after: timedelta = RETRY_AFTER) -> dict[int, list[Notification]]:
    """Unsent rows of digest users made before the boundary, grouped by user."""
    now = now or utcnow()
    rows = session.scalars(
        select(Notification)
        .join(NotificationSettings, NotificationSettings.user_id == Notification.user_id)
        .join(User, User.id == Notification.user_id)
        .where(NotificationSettings.mode == "digest", NotificationSettings.email != "",
               User.active.is_(True), Notification.sent_at.is_(None),
               Notification.created_at <= boundary, Notification.attempts < MAX_ATTEMPTS,
               Notification.created_at > now - SEND_WITHIN,
               or_(Notification.claimed_until.is_(None), Notification.claimed_until < now),
               or_(Notification.last_attempt_at.is_(None),
                   Notification.last_attempt_at <= now - retry_after))
        .order_by(Notification.user_id, Notification.created_at, Notification.id)).all()
    groups: dict[int, list[Notification]] = {}
    for row in rows:
        groups.setdefault(row.user_id, []).append(row)
    return groups


def send_digests(session: Session, delivery: Delivery, commit: Callable[[], None], *,
                 boundary: datetime, now: datetime | None = None,
                 retry_after: timedelta = RETRY_AFTER) -> tuple[int, int]:
    """One mail per digest user listing all their due rows; returns (sent, failed)."""
    sent = failed = 0
    for user_id, rows in due_digests(session, boundary, now, retry_after).items():
        settings = session.get(NotificationSettings, user_id)
        try:
            sent += _deliver(session, rows, settings.email, delivery, commit)
        except mailer.MailError:
            failed += 1
    return sent, failed
