"""What an admin tunes: scanner keyword rules, the allow-list, and how words are spoken.

Every change is audited. The scanner and the speech normalizer read these at use time.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit, confidentiality, tenancy
from bulletins.accounts import require_admin
from bulletins.common import fetch
from bulletins.errors import Conflict, ValidationError
from bulletins.models import AllowEntry, LexiconEntry, ScanRule, User
from bulletins.text import nfc

LEXICON_KINDS = ("abbreviation", "pronunciation")


def scanner(session: Session, commune_id: int | None) -> confidentiality.Scanner:
    """The scanner for one commune's text: today's rules and allow-list of that commune and
    of the province (a province text: the province's only)."""
    rules = [confidentiality.Rule(r.phrase, r.severity, r.note, r.ignore_tones)
             for r in session.scalars(select(ScanRule).where(
                 tenancy.in_force(ScanRule.commune_id, commune_id)).order_by(ScanRule.id))]
    allow = [a.value for a in session.scalars(select(AllowEntry).where(
        tenancy.in_force(AllowEntry.commune_id, commune_id)))]
    return confidentiality.Scanner(rules=rules, allow=allow)


def lexicon(session: Session, commune_id: int | None
            ) -> tuple[dict[str, str], dict[str, str]]:
    """(abbreviations, pronunciations) for one commune's text, as the normalizer takes them:
    the province's entries, then the commune's over them."""
    maps: dict[str, dict[str, str]] = {kind: {} for kind in LEXICON_KINDS}
    found = session.scalars(select(LexiconEntry).where(
        tenancy.in_force(LexiconEntry.commune_id, commune_id)))
    for entry in sorted(found, key=lambda e: (e.commune_id is not None, e.id)):
        maps[entry.kind][entry.written] = entry.spoken
    return maps["abbreviation"], maps["pronunciation"]


def entries(session: Session, model: type, viewer: User | None = None) -> Sequence:
    """One kind of the admin's entries the viewer may read (tenancy.shared): rules and
    allow-list as added, the lexicon by word."""
    order = (LexiconEntry.kind, LexiconEntry.written) if model is LexiconEntry else (model.id,)
    return session.scalars(select(model).where(tenancy.shared(model.commune_id, viewer))
                           .order_by(*order)).all()


def _required(value: str | None, field: str, limit: int) -> str:
    value = nfc(value)
    if not value:
        raise ValidationError("Bắt buộc.", fields={field: "required"})
    if len(value) > limit:
        raise ValidationError(f"Tối đa {limit} ký tự.", fields={field: "too_long"})
    return value


def add_rule(session: Session, actor: User, phrase: str, severity: str = "block",
             note: str = "", ignore_tones: bool = False) -> ScanRule:
    """Add a keyword rule (admin)."""
    name = require_admin(actor)
    if severity not in ("block", "warn"):
        raise ValidationError("Mức độ phải là block hoặc warn.", fields={"severity": "invalid"})
    rule = ScanRule(phrase=_required(phrase, "phrase", 200), severity=severity,
                    note=nfc(note), ignore_tones=bool(ignore_tones), created_by_id=actor.id,
                    commune_id=actor.commune_id)
    session.add(rule)
    session.flush()
    audit.record(session, name, "rule.add", f"rule:{rule.id}", phrase=rule.phrase,
                 severity=severity, ignore_tones=rule.ignore_tones, note=rule.note)
    return rule


def add_allow(session: Session, actor: User, value: str, note: str = "") -> AllowEntry:
    """Allow-list a contact published on purpose (admin)."""
    name = require_admin(actor)
    value = _required(value, "value", 200)
    if session.scalar(select(AllowEntry).where(AllowEntry.value == value,
                                               tenancy.owned(AllowEntry.commune_id, actor))):
        raise Conflict(f"'{value}' đã có trong danh sách.")
    entry = AllowEntry(value=value, note=nfc(note), created_by_id=actor.id,
                       commune_id=actor.commune_id)
    session.add(entry)
    session.flush()
    audit.record(session, name, "allow.add", f"allow:{entry.id}", value=value, note=entry.note)
    return entry


def set_lexicon(session: Session, actor: User, kind: str, written: str,
                spoken: str) -> LexiconEntry:
    """Add or change how a word is spoken (admin)."""
    name = require_admin(actor)
    if kind not in LEXICON_KINDS:
        raise ValidationError("Loại không hợp lệ.", fields={"kind": "invalid"})
    written, spoken = _required(written, "written", 100), _required(spoken, "spoken", 300)
    if any(c.isdigit() for c in spoken):
        raise ValidationError("Cách đọc phải viết bằng chữ, không có chữ số.",
                              fields={"spoken": "digits"})
    entry = session.scalar(select(LexiconEntry).where(
        LexiconEntry.kind == kind, LexiconEntry.written == written,
        tenancy.owned(LexiconEntry.commune_id, actor)))
    if entry is None:
        entry = LexiconEntry(kind=kind, written=written, spoken=spoken, created_by_id=actor.id,
                             commune_id=actor.commune_id)
        session.add(entry)
    entry.spoken = spoken
    session.flush()
    audit.record(session, name, "lexicon.set", f"lexicon:{entry.id}", kind=kind,
                 written=written, spoken=spoken)
    return entry


def delete(session: Session, actor: User, model: type, entry_id: int) -> None:
    """Remove a rule, allow-list entry or lexicon entry (admin) of the admin's own scope;
    another commune's is NotFound, as a missing one."""
    name = require_admin(actor)
    entry = fetch(session, model, entry_id, "Không có mục này.")
    tenancy.check_setting(actor, entry, "Không có mục này.", acts=True)
    detail = {c.name: getattr(entry, c.name) for c in model.__table__.columns
              if c.name in ("phrase", "value", "kind", "written", "spoken", "severity")}
    session.delete(entry)
    session.flush()
    audit.record(session, name, f"{model.__tablename__}.delete", f"{model.__tablename__}:"
                 f"{entry_id}", **detail)
