"""Who sees and acts on what across the province's communes: the one scope rule (CONTRACT §9).

A user belongs to a commune (``commune_id``) or to the province (``commune_id`` None). So does
a bulletin, from its author. Every read of staff data and every action goes through these
functions, so pages, the API, search, counts, reports and files cannot disagree:

- province staff see every bulletin of every commune; they act only on province bulletins;
- commune staff see their commune's bulletins and the province's published ones; another
  commune's bulletin, or an unpublished province one, is NotFound (404), exactly as a missing
  bulletin, so nobody learns it exists; they act only on their own commune's bulletins.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from bulletins.errors import NotAllowed, NotFound
from bulletins.models import Bulletin, Commune, Province
from bulletins.workflow import State

_b = Bulletin.__table__.c


class Member(Protocol):
    commune_id: int | None


def is_province(user: Member | None) -> bool:
    """True for a province-level user (None, the command line, counts as the province)."""
    return user is None or user.commune_id is None


def scope_name(commune_id: int | None) -> str:
    """The API's ``scope``: "province" for a province-wide row, else "commune"."""
    return "province" if commune_id is None else "commune"


def owned(column: Any, user: Member | None) -> ColumnElement[bool]:
    """WHERE term: rows of the user's own scope (their commune, or the province's)."""
    commune_id = None if user is None else user.commune_id
    return column.is_(None) if commune_id is None else column == commune_id


def shared(column: Any, user: Member | None) -> ColumnElement[bool]:
    """WHERE term for settings-like rows (rules, lexicon, templates, key dates): the user's
    commune's and the province's; a province user sees all of them."""
    if is_province(user):
        return column.is_(None) | column.is_not(None)
    return or_(column.is_(None), column == user.commune_id)


def in_force(column: Any, commune_id: int | None) -> ColumnElement[bool]:
    """WHERE term of the settings that apply to one commune's text (its own and the
    province's); to a province text, the province's only."""
    return column.is_(None) if commune_id is None else or_(column.is_(None),
                                                           column == commune_id)


def check_setting(user: Member | None, row: Any, message: str, *, acts: bool = False) -> None:
    """A settings-like row (rule, allow-list, lexicon, template, key date): NotFound (404, as
    a missing one) unless ``shared`` shows it to the user; with ``acts``, NotAllowed (403)
    unless it is of the user's own scope (a commune's, or the province's for province staff)."""
    if not is_province(user) and row.commune_id not in (None, user.commune_id):
        raise NotFound(message)
    if acts and user is not None and row.commune_id != user.commune_id:
        raise NotAllowed("Mục này của cấp khác: chỉ cấp đó sửa hay xóa được.")


def visible(user: Member | None) -> list[ColumnElement[bool]]:
    """WHERE terms of the bulletins a user may know of (empty: all, for the province)."""
    if is_province(user):
        return []
    return [or_(_b.commune_id == user.commune_id,
                and_(_b.commune_id.is_(None), _b.status == State.PUBLISHED))]


def may_see(user: Member | None, bulletin: Any) -> bool:
    """The Python twin of ``visible`` for one loaded bulletin."""
    if is_province(user):
        return True
    if bulletin.commune_id == user.commune_id:
        return True
    return bulletin.commune_id is None and bulletin.status == State.PUBLISHED


def check_visible(user: Member | None, bulletin: Any) -> None:
    """NotFound (404, the missing bulletin's answer) unless the user may know of it."""
    if not may_see(user, bulletin):
        raise NotFound(f"Không có bản tin số {bulletin.id}.")


def check_acts(user: Member | None, bulletin: Any) -> None:
    """404 when not visible; 403 when visible but of another scope (a commune and a province
    bulletin, or province staff and a commune's bulletin)."""
    check_visible(user, bulletin)
    if user is not None and bulletin.commune_id != user.commune_id:
        if bulletin.commune_id is None:
            raise NotAllowed("Bản tin của tỉnh: xã không sửa hay duyệt được.")
        raise NotAllowed("Bản tin của xã: cán bộ tỉnh không sửa hay duyệt được.")


def first_commune(session: Session) -> Commune | None:
    """The first commune: it answers at / and /feeds/…, and takes users made without one."""
    return session.scalar(select(Commune).order_by(Commune.position, Commune.id).limit(1))


def communes(session: Session) -> list[Commune]:
    """Every commune of the province, first one first."""
    return list(session.scalars(select(Commune).order_by(Commune.position, Commune.id)))


def commune_by_slug(session: Session, slug: str) -> Commune:
    """The commune of this slug, or NotFound."""
    found = session.scalar(select(Commune).where(Commune.slug == (slug or "").strip().lower()))
    if found is None:
        raise NotFound(f"Không có xã '{slug}'.")
    return found


def commune_slugs(session: Session) -> dict[int, str]:
    """id → slug of every commune (for the API's ``commune`` field)."""
    return dict(session.execute(select(Commune.id, Commune.slug)).all())


def name_of(session: Session, commune_id: int | None) -> str | None:
    """The name a text or a program of this scope speaks and shows: the commune's, or the
    province's for None (a province bulletin); None when the row is missing."""
    if commune_id is None:
        return session.scalar(select(Province.name).order_by(Province.id).limit(1))
    return session.scalar(select(Commune.name).where(Commune.id == commune_id))
