"""The hash-chained audit log: every action and edit is one entry."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bulletins.clock import utcnow
from bulletins.models import AuditHead, AuditLog

GENESIS = "0" * 64


def entry_hash(
    seq: int, at: datetime, actor: str, action: str, target: str, detail: str, prev: str
) -> str:
    """SHA-256 over the entry's fields and the previous entry's hash."""
    payload = json.dumps(
        [seq, at.isoformat(timespec="microseconds"), actor, action, target, detail, prev],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session, actor: str, action: str, target: str = "", **detail: Any
) -> AuditLog:
    """Append one entry in the caller's transaction, chained to the current head."""
    session.flush()  # the caller's own writes first: a stale version fails before we lock
    bumped = session.execute(
        update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq + 1)
    )
    if bumped.rowcount == 0:
        session.add(AuditHead(id=1, seq=1, last_hash=GENESIS))
        session.flush()
    seq, prev = session.execute(
        select(AuditHead.seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    at = utcnow()
    detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    digest = entry_hash(seq, at, actor, action, target, detail_text, prev)
    entry = AuditLog(
        seq=seq, at=at, actor=actor, action=action, target=target,
        detail=detail_text, prev_hash=prev, hash=digest,
    )
    session.add(entry)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_hash=digest))
    return entry


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    bad_seq: int | None = None
    reason: str = ""


def verify(session: Session) -> VerifyResult:
    """Walk the chain in order; report the first entry whose hash or link does not hold."""
    prev, expected_seq, checked = GENESIS, 1, 0
    rows = session.execute(select(AuditLog).order_by(AuditLog.seq)).scalars()
    for row in rows:
        if row.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, "entry missing")
        if row.prev_hash != prev:
            return VerifyResult(False, checked, row.seq, "link to previous entry broken")
        digest = entry_hash(
            row.seq, row.at, row.actor, row.action, row.target, row.detail, row.prev_hash
        )
        if digest != row.hash:
            return VerifyResult(False, checked, row.seq, "content altered")
        prev, expected_seq, checked = row.hash, expected_seq + 1, checked + 1
    head = session.get(AuditHead, 1)
    if head is not None and (head.seq != checked or head.last_hash != prev):
        return VerifyResult(False, checked, checked + 1, "entries removed from the end")
    return VerifyResult(True, checked)
