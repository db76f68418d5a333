"""What every use case shares: the outbox, lookups by id, role and version checks, events."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from bulletins import tenancy
from bulletins.errors import Conflict, NotAllowed, NotFound
from bulletins.models import Bulletin, User, WorkflowEvent

OUTBOX = "loa.outbox"
T = TypeVar("T")


def outbox(session: Session) -> list[tuple[str, dict[str, Any]]]:
    """Jobs this transaction asks for; the app dispatches them after a successful commit."""
    return session.info.setdefault(OUTBOX, [])


def actor_name(actor: User | None) -> str:
    return actor.username if actor is not None else "system"


def require_role(actor: User, role: str) -> None:
    """Raise NotAllowed unless the actor holds the role."""
    if role not in actor.role_names:
        raise NotAllowed(f"Thao tác này cần vai trò '{role}'.")


def fetch(session: Session, model: type[T], ident: Any, message: str) -> T:
    """The row with this primary key, or NotFound(message): the web and the API answer 404."""
    row = session.get(model, ident) if ident is not None else None
    if row is None:
        raise NotFound(message)
    return row


def get_bulletin(session: Session, bulletin_id: int, actor: User | None = None, *,
                 acts: bool = False) -> Bulletin:
    """The bulletin, or NotFound; with an actor, only one of the actor's scope (tenancy):
    another commune's bulletin is NotFound as a missing one, and ``acts`` refuses (403) a
    visible bulletin of another scope (a province bulletin to a commune's staff)."""
    bulletin = fetch(session, Bulletin, bulletin_id, f"Không có bản tin số {bulletin_id}.")
    if actor is not None:
        (tenancy.check_acts if acts else tenancy.check_visible)(actor, bulletin)
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


def event(session: Session, bulletin: Bulletin, actor: User | None, action: str,
           from_state: str, comment: str = "", **data: Any) -> None:
    session.add(WorkflowEvent(
        bulletin_id=bulletin.id, actor_id=actor.id if actor else None, action=action,
        from_state=from_state, to_state=bulletin.status, comment=comment, data=data,
    ))
