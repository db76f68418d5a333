"""Use cases of the province's tenants: the province and its first commune, new communes."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.errors import Conflict, NotAllowed, ValidationError
from bulletins.models import Commune, Province, User
from bulletins.tenancy import first_commune
from bulletins.text import nfc

PROVINCE = "tỉnh Ninh Bình"
FIRST_SLUG = "vu-duong"
FIRST_NAME = "xã Vũ Dương"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def ensure_tenants(session: Session, province_name: str | None = None,
                   commune_slug: str | None = None, commune_name: str | None = None) -> Commune:
    """The province and its first commune, created when missing (the migration makes them on
    a migrated database; a schema made by create_all gets them here). Returns the first."""
    province = session.scalar(select(Province).order_by(Province.id).limit(1))
    if province is None:
        province = Province(name=nfc(province_name or PROVINCE))
        session.add(province)
        session.flush()
    first = first_commune(session)
    if first is None:
        first = Commune(slug=(commune_slug or FIRST_SLUG).strip().lower(),
                        name=nfc(commune_name or FIRST_NAME), province_id=province.id,
                        position=0)
        session.add(first)
        session.flush()
    return first


def create_commune(session: Session, actor: User | None, slug: str, name: str,
                   host: str | None = None) -> Commune:
    """A new commune of the province (the command line, or a province admin)."""
    if actor is not None and (actor.commune_id is not None or not actor.has_role("admin")):
        raise NotAllowed("Chỉ quản trị viên cấp tỉnh được thêm xã.")
    slug, name = (slug or "").strip().lower(), nfc(name or "").strip()
    errors = {}
    if not SLUG.fullmatch(slug) or len(slug) > 64:
        errors["slug"] = "Chỉ gồm chữ thường không dấu, số và dấu gạch nối (vd. yen-mo)."
    if not 0 < len(name) <= 200:
        errors["name"] = "Bắt buộc, tối đa 200 ký tự."
    if errors:
        raise ValidationError("Thông tin xã chưa hợp lệ.", fields=errors)
    if session.scalar(select(Commune.id).where(Commune.slug == slug)) is not None:
        raise Conflict(f"Xã '{slug}' đã có.")
    first = ensure_tenants(session)
    position = (session.scalar(select(func.max(Commune.position))) or 0) + 1
    commune = Commune(slug=slug, name=name, province_id=first.province_id, position=position,
                      host=(host or "").strip().lower() or None)
    session.add(commune)
    session.flush()
    audit.record(session, actor.username if actor else "cli", "commune.create",
                 f"commune:{slug}", name=name)
    return commune
