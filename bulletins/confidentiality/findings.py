"""The confidentiality scan of a bulletin's text and the reviewer's resolutions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.clock import utcnow
from bulletins.common import event, get_bulletin, require_role
from bulletins.confidentiality import rules
from bulletins.errors import Conflict, InvalidTransition, NotAllowed, NotFound, ValidationError
from bulletins.models import Bulletin, Finding, Revision, User
from bulletins.text import nfc, review_text
from bulletins.workflow import State, current_state, is_own

#: Vietnamese names of the finding kinds, for text the domain writes (comments, reports)
KIND_LABELS = {
    "classification_marking": "Dấu độ mật", "state_secret_topic": "Nội dung bí mật nhà nước",
    "national_id": "Số định danh", "phone": "Số điện thoại", "email": "Thư điện tử",
    "bank_account": "Tài khoản ngân hàng", "vehicle_plate": "Biển số xe",
    "date_of_birth": "Ngày sinh", "sensitive_personal": "Dữ liệu cá nhân nhạy cảm",
    "keyword": "Từ khóa",
}


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
    text = review_text(bulletin.title, bulletin.body, bulletin.summary)
    for hit in rules.scanner(session, bulletin.commune_id).scan(text):
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
    event(session, bulletin, None, "scan", bulletin.status, revision=bulletin.revision_number,
           findings=len(found), blocking=sum(f.severity == "block" for f in found))
    session.flush()
    return found


def unresolved_blocking(session: Session, bulletin: Bulletin) -> list[Finding]:
    return [f for f in active_findings(session, bulletin)
            if f.severity == "block" and not f.resolved]


def decidable(session: Session, actor: User, bulletin_id: int, finding_id: int,
              note: str | None, *, after_broadcast: bool = True) -> tuple[Bulletin, Finding, str]:
    """Check a reviewer may decide on this finding now: 404, then 409, 403, 422, 409."""
    bulletin = get_bulletin(session, bulletin_id, actor, acts=True)
    finding = session.get(Finding, finding_id)
    if finding is None or finding.bulletin_id != bulletin.id:
        raise NotFound(f"Không có phát hiện số {finding_id} ở bản tin này.")
    reviewable = current_state(bulletin) == State.IN_REVIEW or (
        after_broadcast and bulletin.review_after_broadcast)
    if not reviewable or finding.revision != bulletin.revision_number:
        raise InvalidTransition("Chỉ xử lý phát hiện khi bản tin đang được thẩm định.")
    require_role(actor, "reviewer")
    if is_own(bulletin, actor):
        raise NotAllowed("Không được thẩm định bản tin do chính mình viết hoặc sửa.")
    note = nfc(note)
    if not note:
        raise ValidationError("Cần ghi chú lý do.", fields={"note": "required"})
    if finding.resolved or finding.confirmed:
        raise Conflict("Phát hiện này đã được xử lý.")
    return bulletin, finding, note


def decide(session: Session, actor: User, bulletin: Bulletin, finding: Finding, note: str,
           *, confirmed: bool) -> None:
    """Record a reviewer's decision on a finding: on the row, in the audit log and history."""
    finding.resolved, finding.confirmed = not confirmed, confirmed
    finding.resolved_by_id, finding.resolved_at, finding.note = actor.id, utcnow(), note
    session.flush()
    action = "confirm" if confirmed else "resolve"
    audit.record(session, actor.username, f"finding.{action}", f"bulletin:{bulletin.id}",
                 finding=finding.id, kind=finding.kind, note=note)
    event(session, bulletin, actor, action, bulletin.status, note, finding=finding.id,
          kind=finding.kind, text=finding.text, severity=finding.severity)


def resolve_finding(session: Session, actor: User, bulletin_id: int, finding_id: int,
                    note: str | None) -> Finding:
    """A reviewer marks a finding as not a problem, with a note saying why."""
    bulletin, finding, note = decidable(session, actor, bulletin_id, finding_id, note)
    decide(session, actor, bulletin, finding, note, confirmed=False)
    return finding
