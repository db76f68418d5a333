"""E-mail notices of work waiting for a user: immediate or in a daily digest (no Flask).

A notice names only the bulletin's number, what waits, who acted and when — never its title
or text: unreviewed text may hold state secrets or personal data, and e-mail leaves our
control. Delivery is at-least-once: a row is marked sent only after the SMTP server took the
message; a crash in between may repeat a mail, never lose one. A short claim keeps two
senders from mailing the same row at the same time.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.clock import utcnow
from bulletins.common import outbox
from bulletins.errors import ValidationError
from bulletins.models import Bulletin, Notification, NotificationSettings, User
from bulletins.models.settings import EMAIL_MAX
from bulletins.text import nfc
from bulletins.workflow import Action, State, is_own

MODES = ("off", "immediate", "digest")

MAX_ATTEMPTS = 10
RETRY_AFTER = timedelta(minutes=15)  #: pause after a failed attempt before the next sweep
CLAIM = timedelta(minutes=5)  #: a sender that died releases its rows after this
#: a notice not mailed within this is never mailed: the work it announced has moved on, and
#: the rows made while no SMTP server was configured do not flood out once one is
SEND_WITHIN = timedelta(days=3)
#: what waits, completing "Bản tin số N …"
KINDS = {
    "review": "đang chờ bạn thẩm định",
    "approve": "đang chờ bạn phê duyệt",
    "returned": "đã bị trả lại, chờ bạn sửa",
    "rejected": "đã bị từ chối",
    "air": "đã được đăng, chờ bạn phát trên đài truyền thanh",
    "post_review": "là tin khẩn đã phát, chờ bạn thẩm định sau phát sóng",
}
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
                    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


def preferences(session: Session, user: User) -> NotificationSettings:
    """The user's settings; an unsaved 'off' row when they never chose."""
    return session.get(NotificationSettings, user.id) or NotificationSettings(
        user_id=user.id, email="", mode="off")


def clean_email(value: str | None) -> str:
    """An NFC, trimmed address with a lower-case domain, or ValidationError (422)."""
    email = nfc(value)
    if len(email) > EMAIL_MAX or not _EMAIL.fullmatch(email):
        raise ValidationError("Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@xa.gov.vn).",
                              fields={"email": "invalid"})
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def set_preferences(session: Session, actor: User, email: str | None,
                    mode: str | None) -> NotificationSettings:
    """Set one's own address and mode (off, immediate, digest)."""
    mode = nfc(mode).lower()
    if mode not in MODES:
        raise ValidationError("Cách nhận thư không hợp lệ.", fields={"mode": "invalid"})
    address = clean_email(email) if nfc(email) else ""
    if mode != "off" and not address:
        raise ValidationError("Cần địa chỉ thư điện tử để nhận thông báo.",
                              fields={"email": "required"})
    row = session.get(NotificationSettings, actor.id)
    if row is None:
        row = NotificationSettings(user_id=actor.id)
        session.add(row)
    previous = row.mode
    row.email, row.mode, row.updated_at = address, mode, utcnow()
    session.flush()
    if mode == "off":  # nothing will send them: drop what waits
        session.execute(delete(Notification).where(Notification.user_id == actor.id,
                                                   Notification.sent_at.is_(None)))
    elif mode == "immediate" and previous == "digest":  # what the digest held goes now
        for (pending,) in session.execute(select(Notification.id).where(
                Notification.user_id == actor.id, Notification.sent_at.is_(None))):
            outbox(session).append(("notify", {"notification_id": pending}))
    audit.record(session, actor.username, "notifications.preferences",
                 f"user:{actor.username}", email=address, mode=mode)
    return row


def _kinds_for(user: User, bulletin: Bulletin, action: str, emergency: bool) -> list[str]:
    """What this action leaves waiting for this user (usually nothing)."""
    roles, own = user.role_names, is_own(bulletin, user)
    if action == Action.SUBMIT:
        return ["review"] if "reviewer" in roles and not own else []
    if action == Action.CLEAR:
        return ["approve"] if "leader" in roles and not own else []
    if action == Action.RETURN:
        return ["returned"] if own else []
    if action == Action.REJECT:
        return ["rejected"] if user.id == bulletin.author_id else []
    kinds = []
    if action in (Action.APPROVE, Action.PUBLISH) and bulletin.status == State.PUBLISHED:
        if "operator" in roles and bulletin.has_channel("radio"):
            kinds.append("air")
        if emergency and "reviewer" in roles and not own:
            kinds.append("post_review")
    return kinds


def _in_scope(user: User, bulletin: Bulletin, kind: str) -> bool:
    """Only the bulletin's own scope hears of it (CONTRACT §9): a commune's bulletin its
    commune's staff, a province bulletin the province's staff. A published province bulletin
    is every commune's to air, so every operator hears of that one."""
    if user.commune_id == bulletin.commune_id:
        return True
    return kind == "air" and bulletin.commune_id is None and bulletin.status == State.PUBLISHED


def on_transition(session: Session, bulletin: Bulletin, action: str, actor: User | None, *,
                  emergency: bool = False) -> list[Notification]:
    """Record who now has work from this action; immediate ones go to the outbox.

    Every caller (web, API, CLI, scheduler, a script) notifies: the rows are made whether
    or not mail is configured; sending them is the delivery's business (`delivery`).
    Recipients are of the bulletin's scope only (`_in_scope`).
    """
    candidates = session.execute(
        select(User, NotificationSettings.mode)
        .join(NotificationSettings, NotificationSettings.user_id == User.id)
        .where(NotificationSettings.mode != "off", NotificationSettings.email != "",
               User.active.is_(True))).all()
    made: list[tuple[Notification, str]] = []
    for user, mode in candidates:
        if actor is not None and user.id == actor.id:
            continue
        for kind in _kinds_for(user, bulletin, action, emergency):
            if not _in_scope(user, bulletin, kind):
                continue
            row = Notification(user_id=user.id, bulletin_id=bulletin.id, kind=kind,
                               actor_id=actor.id if actor else None)
            session.add(row)
            made.append((row, mode))
    if made:
        session.flush()
    for row, mode in made:
        if mode == "immediate":
            outbox(session).append(("notify", {"notification_id": row.id}))
    return [row for row, _ in made]
