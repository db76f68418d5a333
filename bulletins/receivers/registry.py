"""The receiver registry: register, edit, rotate and revoke keys; look a key up.

A key is shown once; only its SHA-256 is stored (as API tokens are, bulletins/accounts.py).
Commune operators and admins manage their commune's receivers; province staff see all.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit, tenancy
from bulletins.clock import utcnow
from bulletins.common import fetch
from bulletins.errors import NotAllowed, NotFound, ValidationError
from bulletins.models import Commune, User
from bulletins.models.receivers import Receiver
from bulletins.text import nfc

KEY_PREFIX = "loa_rx_"
STAFF_ROLES = frozenset({"operator", "admin"})
#: readers of the dashboard; leaders and observers answer for the airing, they change nothing
READER_ROLES = STAFF_ROLES | {"leader", "observer"}
FIELDS = {"name": 100, "village": 100, "location": 200, "serial": 100}


def key_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def require_manager(actor: User | None, commune_id: int | None) -> str:
    """The actor's name for the audit; NotAllowed unless an operator or admin of that commune
    (or of the province); None is the server's command line."""
    if actor is None:
        return "cli"
    if not actor.role_names & STAFF_ROLES:
        raise NotAllowed("Cần vai trò vận hành đài hoặc quản trị.")
    if not tenancy.is_province(actor) and actor.commune_id != commune_id:
        raise NotFound("Không có cụm loa này.")
    return actor.username


def require_reader(actor: User) -> None:
    """NotAllowed unless the actor may look at receivers."""
    if not actor.role_names & READER_ROLES:
        raise NotAllowed("Cần vai trò vận hành đài, lãnh đạo hoặc quản trị.")


def _fields(data: Mapping[str, Any], partial: bool = False) -> dict[str, str]:
    errors, out = {}, {}
    for name, limit in FIELDS.items():
        if name not in data:
            if name == "name" and not partial:
                errors[name] = "Cần tên cụm loa."
            continue
        value = data.get(name)
        value = nfc(value).strip() if isinstance(value, str) else None if value else ""
        if value is None:
            errors[name] = "Phải là chuỗi ký tự."
        elif len(value) > limit:
            errors[name] = f"Tối đa {limit} ký tự."
        elif name == "name" and not value:
            errors[name] = "Cần tên cụm loa."
        else:
            out[name] = value
    if errors:
        raise ValidationError("Thông tin cụm loa không hợp lệ.", fields=errors)
    return out


def create_receiver(session: Session, actor: User | None, commune: Commune,
                    data: Mapping[str, Any]) -> tuple[Receiver, str]:
    """Register a receiver of the commune; returns it and its key (shown once)."""
    who = require_manager(actor, commune.id)
    fields = _fields(data)
    raw = _new_key()
    receiver = Receiver(commune_id=commune.id, key_hash=key_digest(raw), key_prefix=raw[:12],
                        **fields)
    session.add(receiver)
    session.flush()
    audit.record(session, who, "receiver.create", f"receiver:{receiver.id}",
                 commune=commune.slug, prefix=receiver.key_prefix, **fields)
    return receiver, raw


def update_receiver(session: Session, actor: User, receiver: Receiver,
                    data: Mapping[str, Any]) -> Receiver:
    """Change a receiver's name, village, location or serial."""
    who = require_manager(actor, receiver.commune_id)
    fields = _fields(data, partial=True)
    for name, value in fields.items():
        setattr(receiver, name, value)
    session.flush()
    audit.record(session, who, "receiver.update", f"receiver:{receiver.id}", **fields)
    return receiver


def rotate_key(session: Session, actor: User | None, receiver: Receiver) -> str:
    """A new key for the receiver; the old one stops at once. Returns the new key once."""
    who = require_manager(actor, receiver.commune_id)
    raw = _new_key()
    receiver.key_hash, receiver.key_prefix = key_digest(raw), raw[:12]
    receiver.key_created_at, receiver.revoked_at = utcnow(), None
    session.flush()
    audit.record(session, who, "receiver.rotate_key", f"receiver:{receiver.id}",
                 prefix=receiver.key_prefix)
    return raw


def revoke(session: Session, actor: User | None, receiver: Receiver) -> None:
    """Revoke the receiver's key: it gets 401 from now on (a rotation gives it a new one)."""
    who = require_manager(actor, receiver.commune_id)
    if receiver.revoked_at is None:
        receiver.revoked_at, receiver.playing = utcnow(), False
        session.flush()
        audit.record(session, who, "receiver.revoke", f"receiver:{receiver.id}",
                     prefix=receiver.key_prefix)


def get_receiver(session: Session, actor: User, receiver_id: int) -> Receiver:
    """One receiver the actor may see, or NotFound."""
    require_reader(actor)
    found = fetch(session, Receiver, receiver_id, f"Không có cụm loa số {receiver_id}.")
    if not tenancy.is_province(actor) and found.commune_id != actor.commune_id:
        raise NotFound(f"Không có cụm loa số {receiver_id}.")
    return found


def receivers_of(session: Session, commune_id: int) -> Sequence[Receiver]:
    """A commune's receivers, by village then name."""
    return session.scalars(select(Receiver).where(Receiver.commune_id == commune_id)
                           .order_by(Receiver.village, Receiver.name, Receiver.id)).all()


def describe(receiver: Receiver) -> str:
    """'Name (village)' for messages and logs."""
    return f"{receiver.name} ({receiver.village})" if receiver.village else receiver.name

