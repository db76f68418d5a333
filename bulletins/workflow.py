"""The editorial workflow as data: states, actions and who may take them (CONTRACT §4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bulletins.errors import InvalidTransition, NotAllowed, ValidationError


class State(StrEnum):
    DRAFT = "draft"  #: being written; only editors see it change
    IN_REVIEW = "in_review"  #: waiting for the confidentiality review
    AWAITING_APPROVAL = "awaiting_approval"  #: cleared, waiting for a leader
    APPROVED = "approved"  #: approved, waiting for its publish_at
    PUBLISHED = "published"  #: public on the portal, feeds and radio
    REJECTED = "rejected"  #: refused by a leader; final
    WITHDRAWN = "withdrawn"  #: taken down after approval; final


class Action(StrEnum):
    SUBMIT = "submit"
    CLEAR = "clear"
    RETURN = "return"
    APPROVE = "approve"
    REJECT = "reject"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"
    CORRECT = "correct"


ROLES = ("editor", "reviewer", "leader", "operator", "admin", "observer")
#: reads everything of its scope (its commune, or the whole province) and changes nothing
READ_ONLY_ROLES = frozenset({"observer"})
PRIORITIES = ("normal", "priority", "emergency")
#: Order of the job queue and of a program: each priority outranks the one before it by 50.
PRIORITY_RANK = {name: 50 * rank for rank, name in enumerate(PRIORITIES)}


class Actor(Protocol):
    id: int

    @property
    def role_names(self) -> frozenset[str]: ...


class Subject(Protocol):
    status: str
    #: the state of a correction under way on a published bulletin, else None
    pending_status: str | None
    priority: str
    author_id: int
    last_editor_id: int | None
    publish_at: datetime | None


@dataclass(frozen=True)
class Transition:
    """One row of the workflow table."""

    action: Action
    sources: frozenset[State]
    role: str | None  #: None: no role needed (the author submits)
    target: State
    comment_required: bool = False
    author_only: bool = False  #: only the bulletin's author
    not_own: bool = False  #: never by its author or last editor
    emergency_only: bool = False  #: only for priority "emergency"


def _t(action: Action, sources: Iterable[State], role: str | None, target: State,
       **kw: bool) -> Transition:
    return Transition(action, frozenset(sources), role, target, **kw)


S, A = State, Action
TRANSITIONS: tuple[Transition, ...] = (
    _t(A.SUBMIT, [S.DRAFT], None, S.IN_REVIEW, author_only=True),
    _t(A.CLEAR, [S.IN_REVIEW], "reviewer", S.AWAITING_APPROVAL, not_own=True),
    _t(A.RETURN, [S.IN_REVIEW], "reviewer", S.DRAFT, comment_required=True, not_own=True),
    _t(A.APPROVE, [S.AWAITING_APPROVAL], "leader", S.PUBLISHED, not_own=True),
    _t(A.RETURN, [S.AWAITING_APPROVAL], "leader", S.DRAFT, comment_required=True, not_own=True),
    _t(A.REJECT, [S.AWAITING_APPROVAL], "leader", S.REJECTED, comment_required=True, not_own=True),
    _t(A.PUBLISH, [S.APPROVED], "leader", S.PUBLISHED),
    _t(A.WITHDRAW, [S.APPROVED, S.PUBLISHED], "leader", S.WITHDRAWN, comment_required=True),
    _t(A.APPROVE, [S.DRAFT, S.IN_REVIEW], "leader", S.PUBLISHED, not_own=True, emergency_only=True),
    _t(A.CORRECT, [S.PUBLISHED], "editor", S.DRAFT),
)
#: Actions that look at the bulletin's own status even while a correction is under way.
ON_PUBLISHED = frozenset({A.WITHDRAW, A.PUBLISH, A.CORRECT})

#: States whose content is public.
PUBLIC_STATES = frozenset({State.PUBLISHED})


def current_state(subject: Subject, action: str | None = None) -> str:
    """The state the workflow acts on: a correction's own state while one is under way.

    A published bulletin being corrected stays public with its approved text; the new
    revision goes through draft, review and approval on its own track (issue: corrections).
    """
    pending = getattr(subject, "pending_status", None)
    if pending and action not in ON_PUBLISHED:
        return pending
    return subject.status


def find_transition(subject: Subject, action: str) -> Transition:
    """The row for this action from the subject's state, or InvalidTransition (409)."""
    state = current_state(subject, action)
    if action == A.CORRECT and getattr(subject, "pending_status", None):
        raise InvalidTransition("Bản tin đang có một bản đính chính chưa xong.")
    for row in TRANSITIONS:
        if row.action != action or state not in row.sources:
            continue
        if row.emergency_only and subject.priority != "emergency":
            continue
        return row
    raise InvalidTransition(f"Không thể '{action}' khi bản tin ở trạng thái '{state}'.")


def is_own(subject: Subject, actor: Actor) -> bool:
    """True when the actor wrote or last edited the bulletin."""
    return actor.id in (subject.author_id, subject.last_editor_id)


def check_person(row: Transition, subject: Subject, actor: Actor) -> None:
    """Raise NotAllowed (403) when this actor may not take this row's action."""
    if row.author_only and actor.id != subject.author_id:
        raise NotAllowed("Chỉ tác giả mới được gửi duyệt bản tin này.")
    if row.role and row.role not in actor.role_names:
        raise NotAllowed(f"Thao tác này cần vai trò '{row.role}'.")
    if row.not_own and is_own(subject, actor):
        raise NotAllowed("Không được thẩm định hay phê duyệt bản tin do chính mình viết hoặc sửa.")


def authorize(subject: Subject, action: str, actor: Actor, comment: str | None) -> Transition:
    """Check state (409), then person (403), then comment (422); return the row to apply."""
    row = find_transition(subject, action)
    check_person(row, subject, actor)
    if row.comment_required and not (comment or "").strip():
        raise ValidationError("Thao tác này cần ghi rõ lý do.", fields={"comment": "required"})
    return row


def target_state(row: Transition, subject: Subject, now: datetime) -> State:
    """The next state: an approval with a future publish_at waits as 'approved'."""
    if row.action == Action.APPROVE and not row.emergency_only:
        if subject.publish_at is not None and subject.publish_at > now:
            return State.APPROVED
    return row.target


def allowed_actions(subject: Subject, actor: Actor) -> list[str]:
    """Actions this actor may take now, for menus and the API."""
    result: list[str] = []
    for row in TRANSITIONS:
        try:
            if find_transition(subject, row.action) is not row:
                continue
            check_person(row, subject, actor)
        except (InvalidTransition, NotAllowed):
            continue
        if row.action not in result:
            result.append(row.action)
    return result
