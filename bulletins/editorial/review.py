"""The reviewer's "phải sửa" (must fix): a confirmed finding sends the bulletin back."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from bulletins import services
from bulletins.confidentiality.findings import KIND_LABELS, decidable, decide
from bulletins.errors import ValidationError
from bulletins.models import Bulletin, Finding, User
from bulletins.workflow import Action

RETURN_HEADING = "Phải sửa trước khi gửi lại:"


def return_comment(findings: Sequence[Finding]) -> str:
    """The automatic comment of the return: one line per confirmed finding, with its note."""
    lines = [f"- {KIND_LABELS.get(f.kind, f.kind)} «{f.text}»: {f.note}" for f in findings]
    return "\n".join([RETURN_HEADING, *lines])


def confirm_findings(session: Session, actor: User, bulletin_id: int,
                     finding_ids: Sequence[int], note: str | None) -> Bulletin:
    """Confirm findings must be fixed, then return the bulletin to its author (web and API).

    The bulletin goes in_review → draft.

    Refusals as for a finding's resolution: 404, 409 (not in review, already decided),
    403 (not a reviewer, or the reviewer's own bulletin), 422 (no note). The return itself is
    the workflow's: audited, in the history, notified, with the findings as its comment.
    """
    if not finding_ids:
        raise ValidationError("Chọn ít nhất một phát hiện.", fields={"finding": "required"})
    checked = [decidable(session, actor, bulletin_id, fid, note, after_broadcast=False)
               for fid in dict.fromkeys(finding_ids)]
    bulletin = checked[0][0]
    for _bulletin, finding, text in checked:
        decide(session, actor, bulletin, finding, text, confirmed=True)
    comment = return_comment([finding for _b, finding, _n in checked])
    return services.perform(session, actor, bulletin.id, Action.RETURN, comment=comment)

