"""Use cases of the editorial desk: one function per action, called alike by web, API and CLI.

Every function takes the session and the acting user, writes its audit entry and leaves the
commit to the caller. Jobs to run after the commit are put in the session's outbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.clock import utcnow
from bulletins.common import (  # noqa: F401 (re-exported: callers use services.*)
    OUTBOX,
    actor_name,
    check_version,
    event,
    get_bulletin,
    outbox,
    require_role,
)
from bulletins.confidentiality.findings import (  # noqa: F401 (re-exported)
    active_findings,
    resolve_finding,
    scan_bulletin,
    unresolved_blocking,
)
from bulletins.errors import Conflict, InvalidTransition, NotFound, ValidationError
from bulletins.models import AudioFile, Bulletin, Revision, User
from bulletins.notifications import notices as notifications
from bulletins.text import content_hash, fold
from bulletins.validation import parse_fields
from bulletins.workflow import (
    PRIORITY_RANK,
    Action,
    State,
    Transition,
    authorize,
    current_state,
    target_state,
)


def _fold_text(bulletin: Bulletin) -> None:
    bulletin.search_text = fold(" ".join((bulletin.title, bulletin.summary or "", bulletin.body)))


def _add_revision(session: Session, bulletin: Bulletin, editor: User) -> None:
    session.add(Revision(
        bulletin_id=bulletin.id, number=bulletin.revision_number, title=bulletin.title,
        summary=bulletin.summary, body=bulletin.body, editor_id=editor.id,
        content_hash=content_hash(bulletin.title, bulletin.body),
    ))


def create_bulletin(session: Session, actor: User, data: Mapping[str, Any]) -> Bulletin:
    """Create a draft from the given fields (editor role)."""
    require_role(actor, "editor")
    fields = parse_fields(session, data, partial=False)
    fields.setdefault("unit_slug", actor.unit_slug)
    bulletin = Bulletin(author_id=actor.id, last_editor_id=actor.id, status=State.DRAFT,
                        revision_number=1, commune_id=actor.commune_id, **fields)
    _fold_text(bulletin)
    session.add(bulletin)
    session.flush()
    _add_revision(session, bulletin, actor)
    event(session, bulletin, actor, "create", State.DRAFT)
    audit.record(session, actor.username, "bulletin.create", f"bulletin:{bulletin.id}",
                 title=bulletin.title, hash=content_hash(bulletin.title, bulletin.body))
    scan_bulletin(session, bulletin)  # the editor sees findings while drafting
    return bulletin


def edit_bulletin(session: Session, actor: User, bulletin_id: int, data: Mapping[str, Any],
                  expected_version: Any) -> Bulletin:
    """Edit a draft; a changed text becomes a new revision, the old one is kept."""
    bulletin = get_bulletin(session, bulletin_id, actor, acts=True)
    if current_state(bulletin) != State.DRAFT:
        raise InvalidTransition("Chỉ sửa được bản tin ở trạng thái nháp.")
    if actor.id != bulletin.author_id:
        require_role(actor, "editor")
    if expected_version is None:
        raise ValidationError("Cần gửi 'version' hiện tại của bản tin.",
                              fields={"version": "required"})
    check_version(bulletin, expected_version)
    fields = parse_fields(session, data, partial=True)
    changed = {k: v for k, v in fields.items() if getattr(bulletin, k) != v}
    locked = changed.keys() - {"title", "summary", "body"}
    if bulletin.pending_status and locked:  # a correction changes the text, nothing else
        raise ValidationError("Bản đính chính chỉ sửa tiêu đề, tóm tắt và nội dung.",
                              fields={k: "locked" for k in locked})
    if not changed:
        return bulletin
    for key, value in changed.items():
        setattr(bulletin, key, value)
    if changed.keys() & {"title", "summary", "body"}:
        _fold_text(bulletin)
        bulletin.revision_number += 1
        _add_revision(session, bulletin, actor)
    bulletin.last_editor_id = actor.id
    bulletin.updated_at = utcnow()
    session.flush()
    event(session, bulletin, actor, "edit", State.DRAFT, fields=sorted(changed),
           revision=bulletin.revision_number)
    audit.record(session, actor.username, "bulletin.edit", f"bulletin:{bulletin.id}",
                 fields=sorted(changed), revision=bulletin.revision_number)
    scan_bulletin(session, bulletin)  # every edit re-scans; earlier findings are kept
    return bulletin


def request_audio(session: Session, bulletin: Bulletin) -> AudioFile | None:
    """Queue speech for the approved text of a radio bulletin, reusing a finished file."""
    if not bulletin.has_channel("radio") or not bulletin.content_hash:
        return None
    audio = session.scalar(
        select(AudioFile).where(AudioFile.bulletin_id == bulletin.id,
                                AudioFile.content_hash == bulletin.content_hash,
                                AudioFile.status != "failed")
        .order_by(AudioFile.id.desc()))
    if audio is None:
        audio = AudioFile(bulletin_id=bulletin.id, content_hash=bulletin.content_hash,
                          status="queued")
        session.add(audio)
        session.flush()
    if audio.status != "ready":
        outbox(session).append(("synthesize", {
            "audio_id": audio.id, "priority": PRIORITY_RANK.get(bulletin.priority, 0)}))
    return audio


def perform(session: Session, actor: User | None, bulletin_id: int, action: str, *,
            comment: str | None = "", checklist: Mapping[str, Any] | None = None,
            expected_version: Any = None, now: datetime | None = None) -> Bulletin:
    """Take one workflow action (CONTRACT §4); raise 403/409/422 domain errors on refusal."""
    bulletin = get_bulletin(session, bulletin_id, actor, acts=actor is not None)
    if actor is None:  # the scheduler: only 'publish', only when due
        return _publish_due_one(session, bulletin, now or utcnow())
    if action not in Action.__members__.values():
        raise NotFound(f"Không có thao tác '{action}'.")
    comment = (comment or "").strip()
    row = authorize(bulletin, action, actor, comment)
    check_version(bulletin, expected_version)
    now = now or utcnow()
    data: dict[str, Any] = {}
    if row.action == Action.SUBMIT:
        bulletin.submitted_at = now
        scan_bulletin(session, bulletin)
    elif row.action == Action.CLEAR:
        blocking = unresolved_blocking(session, bulletin)
        if blocking:
            raise Conflict(f"Còn {len(blocking)} phát hiện nghiêm trọng chưa xử lý.")
        bulletin.reviewed_hash = content_hash(bulletin.title, bulletin.body)
        data["checklist"] = dict(checklist or {"confirmed": True})
    elif row.action == Action.APPROVE:
        _approve(session, bulletin, actor, emergency=row.emergency_only, now=now)
        data["content_hash"] = bulletin.content_hash
    elif row.action == Action.RETURN:
        bulletin.reviewed_hash = None
    from_state = current_state(bulletin, row.action)
    if bulletin.pending_status or row.action == Action.CORRECT:
        _apply_correction(session, bulletin, row, actor, now)
        data["correction"] = True
    else:
        bulletin.status = target_state(row, bulletin, now)
    if bulletin.status == State.PUBLISHED:
        bulletin.published_at = bulletin.published_at or now
    if row.action == Action.APPROVE:
        request_audio(session, bulletin)  # operators get audio ahead of publish_at
    bulletin.updated_at = now
    session.flush()  # optimistic lock: a concurrent change raises StaleDataError here
    event(session, bulletin, actor, row.action, from_state, comment, **data)
    audit.record(session, actor.username, f"bulletin.{row.action}", f"bulletin:{bulletin.id}",
                 from_state=from_state, to_state=current_state(bulletin), comment=comment,
                 **data)
    notifications.on_transition(session, bulletin, row.action, actor, emergency=row.emergency_only)
    outbox(session).append(("changed", {"bulletin_id": bulletin.id}))
    return bulletin


def _apply_correction(session: Session, bulletin: Bulletin, row: Transition, actor: User,
                      now: datetime) -> None:
    """Move a correction along its own track; the public keeps the approved text meanwhile."""
    if row.action == Action.WITHDRAW:
        bulletin.status, bulletin.pending_status = State.WITHDRAWN, None
    elif row.action == Action.CORRECT:
        bulletin.pending_status = State.DRAFT
    elif row.action == Action.APPROVE:
        bulletin.pending_status, bulletin.corrected_at = None, now
    elif row.action == Action.REJECT:  # the correction is dropped, not the bulletin
        approved = session.scalar(select(Revision).where(
            Revision.bulletin_id == bulletin.id, Revision.number == bulletin.approved_revision))
        bulletin.title, bulletin.summary, bulletin.body = (
            approved.title, approved.summary, approved.body)
        bulletin.revision_number += 1
        _fold_text(bulletin)
        _add_revision(session, bulletin, actor)
        bulletin.pending_status = None
    else:
        bulletin.pending_status = row.target

def _approve(session: Session, bulletin: Bulletin, actor: User, *, emergency: bool,
             now: datetime) -> None:
    digest = content_hash(bulletin.title, bulletin.body)
    if emergency:
        scan_bulletin(session, bulletin)
        bulletin.review_after_broadcast = True
    elif bulletin.reviewed_hash != digest:
        raise Conflict("Nội dung đã khác với bản đã được thẩm định.")
    bulletin.content_hash = digest
    bulletin.approved_revision = bulletin.revision_number
    bulletin.approved_at, bulletin.approved_by_id = now, actor.id


def _publish_due_one(session: Session, bulletin: Bulletin, now: datetime) -> Bulletin:
    if bulletin.status != State.APPROVED:
        raise InvalidTransition("Chỉ bản tin đã duyệt mới được đăng.")
    if bulletin.publish_at and bulletin.publish_at > now:
        raise InvalidTransition("Chưa đến giờ đăng.")
    bulletin.status, bulletin.published_at, bulletin.updated_at = State.PUBLISHED, now, now
    session.flush()
    event(session, bulletin, None, Action.PUBLISH, State.APPROVED, "Đăng theo lịch")
    audit.record(session, "system", "bulletin.publish", f"bulletin:{bulletin.id}",
                 from_state=State.APPROVED, to_state=State.PUBLISHED, scheduled=True)
    notifications.on_transition(session, bulletin, Action.PUBLISH, None)
    outbox(session).append(("changed", {"bulletin_id": bulletin.id}))
    return bulletin


def publish_due(session: Session, now: datetime | None = None) -> list[int]:
    """Publish every approved bulletin whose publish_at has come (the scheduler's job)."""
    now = now or utcnow()
    due = session.scalars(select(Bulletin.id).where(
        Bulletin.status == State.APPROVED, Bulletin.publish_at <= now)).all()
    for bulletin_id in due:
        perform(session, None, bulletin_id, Action.PUBLISH, now=now)
    return list(due)


def restore_revision(session: Session, actor: User, bulletin_id: int, number: int,
                     expected_version: Any) -> Bulletin:
    """Bring an earlier version's text back as a new revision of the draft."""
    old = session.scalar(select(Revision).where(Revision.bulletin_id == bulletin_id,
                                                Revision.number == number))
    if old is None:
        raise NotFound(f"Không có phiên bản {number}.")
    return edit_bulletin(session, actor, bulletin_id, {
        "title": old.title, "summary": old.summary, "body": old.body}, expected_version)
