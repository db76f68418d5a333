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

from bulletins import audit, rules
from bulletins.errors import Conflict, InvalidTransition, NotAllowed, NotFound, ValidationError
from bulletins.models import AudioFile, Bulletin, Finding, Revision, User, WorkflowEvent, utcnow
from bulletins.text import content_hash, fold, nfc, scan_text
from bulletins.validation import parse_fields
from bulletins.workflow import (
    Action,
    State,
    Transition,
    authorize,
    current_state,
    is_own,
    target_state,
)

OUTBOX = "loa.outbox"
PRIORITY_RANK = {"emergency": 100, "priority": 50, "normal": 0}


def outbox(session: Session) -> list[tuple[str, dict[str, Any]]]:
    """Jobs this transaction asks for; the app dispatches them after a successful commit."""
    return session.info.setdefault(OUTBOX, [])


def actor_name(actor: User | None) -> str:
    return actor.username if actor is not None else "system"


def require_role(actor: User, role: str) -> None:
    """Raise NotAllowed unless the actor holds the role."""
    if role not in actor.role_names:
        raise NotAllowed(f"Thao tác này cần vai trò '{role}'.")


def get_bulletin(session: Session, bulletin_id: int) -> Bulletin:
    """The bulletin, or NotFound."""
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise NotFound(f"Không có bản tin số {bulletin_id}.")
    return bulletin


def check_version(bulletin: Bulletin, expected: Any) -> None:
    """Refuse (409) when the caller saw an older version than the stored one."""
    if expected is None:
        return
    if isinstance(expected, bool) or not isinstance(expected, int):
        raise Conflict("Trường 'version' phải là số nguyên.")
    if expected != bulletin.version:
        raise Conflict(
            f"Bản tin đã được người khác sửa (phiên bản {bulletin.version}, "
            f"bạn gửi {expected}). Hãy tải lại."
        )


def _event(session: Session, bulletin: Bulletin, actor: User | None, action: str,
           from_state: str, comment: str = "", **data: Any) -> None:
    session.add(WorkflowEvent(
        bulletin_id=bulletin.id, actor_id=actor.id if actor else None, action=action,
        from_state=from_state, to_state=bulletin.status, comment=comment, data=data,
    ))


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
                        revision_number=1, **fields)
    _fold_text(bulletin)
    session.add(bulletin)
    session.flush()
    _add_revision(session, bulletin, actor)
    _event(session, bulletin, actor, "create", State.DRAFT)
    audit.record(session, actor.username, "bulletin.create", f"bulletin:{bulletin.id}",
                 title=bulletin.title, hash=content_hash(bulletin.title, bulletin.body))
    scan_bulletin(session, bulletin)  # the editor sees findings while drafting
    return bulletin


def edit_bulletin(session: Session, actor: User, bulletin_id: int, data: Mapping[str, Any],
                  expected_version: Any) -> Bulletin:
    """Edit a draft; a changed text becomes a new revision, the old one is kept."""
    bulletin = get_bulletin(session, bulletin_id)
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
    _event(session, bulletin, actor, "edit", State.DRAFT, fields=sorted(changed),
           revision=bulletin.revision_number)
    audit.record(session, actor.username, "bulletin.edit", f"bulletin:{bulletin.id}",
                 fields=sorted(changed), revision=bulletin.revision_number)
    scan_bulletin(session, bulletin)  # every edit re-scans; earlier findings are kept
    return bulletin


def active_findings(session: Session, bulletin: Bulletin) -> list[Finding]:
    """Findings of the bulletin's current revision, in text order."""
    return list(session.scalars(
        select(Finding)
        .where(Finding.bulletin_id == bulletin.id, Finding.revision == bulletin.revision_number)
        .order_by(Finding.start, Finding.id)
    ))


def scan_bulletin(session: Session, bulletin: Bulletin) -> list[Finding]:
    """Scan the current revision once; earlier resolutions of the same finding carry over."""
    revision = session.scalar(select(Revision).where(
        Revision.bulletin_id == bulletin.id, Revision.number == bulletin.revision_number))
    if revision.scanned_at is not None:
        return active_findings(session, bulletin)
    earlier = {
        (f.kind, f.text): f for f in session.scalars(select(Finding).where(
            Finding.bulletin_id == bulletin.id, Finding.resolved.is_(True)))
    }
    found = []
    for hit in rules.scanner(session).scan(scan_text(bulletin.title, bulletin.body)):
        row = Finding(bulletin_id=bulletin.id, revision=bulletin.revision_number, kind=hit.kind,
                      start=hit.start, end=hit.end, text=hit.text, severity=hit.severity,
                      reason=getattr(hit, "reason", ""))
        old = earlier.get((hit.kind, hit.text))
        if old is not None:
            row.resolved, row.resolved_by_id = True, old.resolved_by_id
            row.resolved_at, row.note = old.resolved_at, f"(bản sửa {old.revision}) {old.note}"
        session.add(row)
        found.append(row)
    revision.scanned_at = utcnow()
    _event(session, bulletin, None, "scan", bulletin.status, revision=bulletin.revision_number,
           findings=len(found), blocking=sum(f.severity == "block" for f in found))
    session.flush()
    return found


def unresolved_blocking(session: Session, bulletin: Bulletin) -> list[Finding]:
    return [f for f in active_findings(session, bulletin)
            if f.severity == "block" and not f.resolved]


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
    bulletin = get_bulletin(session, bulletin_id)
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
    _event(session, bulletin, actor, row.action, from_state, comment, **data)
    audit.record(session, actor.username, f"bulletin.{row.action}", f"bulletin:{bulletin.id}",
                 from_state=from_state, to_state=current_state(bulletin), comment=comment,
                 **data)
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
    _event(session, bulletin, None, Action.PUBLISH, State.APPROVED, "Đăng theo lịch")
    audit.record(session, "system", "bulletin.publish", f"bulletin:{bulletin.id}",
                 from_state=State.APPROVED, to_state=State.PUBLISHED, scheduled=True)
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


def resolve_finding(session: Session, actor: User, bulletin_id: int, finding_id: int,
                    note: str | None) -> Finding:
    """A reviewer marks a finding as not a problem, with a note saying why."""
    bulletin = get_bulletin(session, bulletin_id)
    finding = session.get(Finding, finding_id)
    if finding is None or finding.bulletin_id != bulletin.id:
        raise NotFound(f"Không có phát hiện số {finding_id} ở bản tin này.")
    reviewable = current_state(bulletin) == State.IN_REVIEW or bulletin.review_after_broadcast
    if not reviewable or finding.revision != bulletin.revision_number:
        raise InvalidTransition("Chỉ xử lý phát hiện khi bản tin đang được thẩm định.")
    require_role(actor, "reviewer")
    if is_own(bulletin, actor):
        raise NotAllowed("Không được thẩm định bản tin do chính mình viết hoặc sửa.")
    note = nfc(note)
    if not note:
        raise ValidationError("Cần ghi chú lý do.", fields={"note": "required"})
    if finding.resolved:
        raise Conflict("Phát hiện này đã được xử lý.")
    finding.resolved, finding.resolved_by_id, finding.resolved_at = True, actor.id, utcnow()
    finding.note = note
    session.flush()
    audit.record(session, actor.username, "finding.resolve", f"bulletin:{bulletin.id}",
                 finding=finding.id, kind=finding.kind, note=note)
    return finding


def restore_revision(session: Session, actor: User, bulletin_id: int, number: int,
                     expected_version: Any) -> Bulletin:
    """Bring an earlier version's text back as a new revision of the draft."""
    old = session.scalar(select(Revision).where(Revision.bulletin_id == bulletin_id,
                                                Revision.number == number))
    if old is None:
        raise NotFound(f"Không có phiên bản {number}.")
    return edit_bulletin(session, actor, bulletin_id, {
        "title": old.title, "summary": old.summary, "body": old.body}, expected_version)
