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


def resolve_finding(session: Session, actor: User, bulletin_id: int, finding_id: int,
                    note: str | None) -> Finding:
    """A reviewer marks a finding as not a problem, with a note saying why."""
    bulletin = get_bulletin(session, bulletin_id, actor, acts=True)
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
