"""What receivers report: `played` and `failed` become broadcast-log entries of that receiver
(source "receiver"); `heartbeat` updates what the registry shows (firmware, volume, signal).

A report sent twice (a receiver retrying after a lost answer) is recorded once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import params
from bulletins.clock import utcnow
from bulletins.errors import NotFound, ValidationError
from bulletins.models import Broadcast, BroadcastItem, Bulletin, Program, ProgramItem
from bulletins.models.receivers import Receiver
from bulletins.text import nfc
from bulletins.validation import to_utc
from bulletins.workflow import State

TYPES = ("played", "failed", "heartbeat")
FIELDS = ("type", "program_id", "bulletin_id", "at", "detail")
DETAIL_MAX = 2000
FUTURE_SLACK = timedelta(minutes=5)
PAST_LIMIT = timedelta(days=7)


def _when(raw: object, now: datetime, errors: dict[str, str]) -> datetime:
    if raw in (None, ""):
        return now
    if not isinstance(raw, str):
        errors["at"] = "Phải là thời điểm ISO 8601."
        return now
    try:
        at = to_utc(datetime.fromisoformat(raw.strip().replace("Z", "+00:00")))
    except ValueError:
        errors["at"] = "Thời điểm không hợp lệ (ISO 8601)."
        return now
    if at > now + FUTURE_SLACK or at < now - PAST_LIMIT:
        errors["at"] = "Thời điểm phải trong bảy ngày qua, không ở tương lai."
    return at


def _detail(raw: object, errors: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """The detail as text (a reason, a note) and as an object (a heartbeat's readings)."""
    if raw is None:
        return "", {}
    if isinstance(raw, str):
        text = nfc(raw).strip()
        if len(text) > DETAIL_MAX:
            errors["detail"] = f"Tối đa {DETAIL_MAX} ký tự."
        return text, {}
    if isinstance(raw, Mapping):
        reason = raw.get("reason") or raw.get("message") or ""
        return (nfc(reason)[:DETAIL_MAX] if isinstance(reason, str) else ""), dict(raw)
    errors["detail"] = "Phải là chuỗi ký tự hoặc đối tượng."
    return "", {}


def parse(data: object, now: datetime) -> dict[str, Any]:
    """The event's fields, or ValidationError (422) naming each bad field."""
    if not isinstance(data, Mapping):
        raise ValidationError("Dữ liệu phải là một đối tượng.")
    errors: dict[str, str] = {k: "Trường không được hỗ trợ." for k in data if k not in FIELDS}
    kind = data.get("type")
    if kind not in TYPES:
        errors["type"] = "Phải là played, failed hoặc heartbeat."
    ids = {}
    for name in ("program_id", "bulletin_id"):
        try:
            ids[name] = params.record_id(data.get(name), name)
        except ValidationError:
            errors[name] = "Phải là một mã số."
    if kind in ("played", "failed") and not any(ids.values()) and not (
            "program_id" in errors or "bulletin_id" in errors):
        errors["program_id"] = "Cần program_id hoặc bulletin_id."
    if ids.get("program_id") and ids.get("bulletin_id"):
        errors["bulletin_id"] = "Chỉ gửi một trong program_id và bulletin_id."
    at = _when(data.get("at"), now, errors)
    text, readings = _detail(data.get("detail"), errors)
    if errors:
        raise ValidationError("Sự kiện không hợp lệ.", fields=errors)
    return {"type": kind, "at": at, "text": text, "readings": readings, **ids}


def _clip(value: object, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(min(max(value, low), high))


def heartbeat(receiver: Receiver, readings: Mapping[str, Any]) -> None:
    """Keep what the receiver says of itself; unknown or malformed readings are ignored."""
    firmware = readings.get("firmware")
    if isinstance(firmware, str):
        receiver.firmware = nfc(firmware)[:64]
    volume, signal = _clip(readings.get("volume"), 0, 100), _clip(readings.get("signal"), -150, 100)
    if volume is not None:
        receiver.volume = volume
    if signal is not None:
        receiver.signal = signal
    playing = readings.get("playing", readings.get("state") == "playing")
    receiver.playing = bool(playing)


def _target(session: Session, receiver: Receiver, fields: dict[str, Any]
            ) -> tuple[int | None, list[int]]:
    """The program id (or None for a lone bulletin) and the bulletins the report is about;
    NotFound when it is not the receiver's to play. Plain column reads: a report is hot."""
    reach = (None, receiver.commune_id)
    if fields["program_id"]:
        commune = session.execute(select(Program.commune_id).where(
            Program.id == fields["program_id"])).first()
        if commune is None or commune[0] not in reach:
            raise NotFound(f"Không có chương trình số {fields['program_id']}.")
        return fields["program_id"], list(session.scalars(
            select(ProgramItem.bulletin_id).where(ProgramItem.program_id == fields["program_id"])
            .order_by(ProgramItem.position)))
    row = session.execute(select(Bulletin.commune_id, Bulletin.status, Bulletin.content_hash)
                          .where(Bulletin.id == fields["bulletin_id"])).first()
    if row is None or row.commune_id not in reach or row.status not in (
            State.PUBLISHED, State.WITHDRAWN) or not row.content_hash:
        raise NotFound(f"Không có bản tin số {fields['bulletin_id']}.")
    return None, [fields["bulletin_id"]]


def _same(session: Session, receiver: Receiver, program_id: int | None, aired: bool,
          at: datetime, bulletin_ids: list[int]) -> int | None:
    stmt = select(Broadcast.id).where(Broadcast.receiver_id == receiver.id,
                                      Broadcast.aired.is_(aired), Broadcast.aired_at == at)
    if program_id is not None:
        stmt = stmt.where(Broadcast.program_id == program_id)
    else:
        stmt = stmt.where(Broadcast.program_id.is_(None), Broadcast.items.any(
            BroadcastItem.bulletin_id == bulletin_ids[0]))
    return session.scalar(stmt.limit(1))


def record_event(session: Session, receiver: Receiver, data: object,
                 now: datetime | None = None) -> Broadcast | None:
    """Record a receiver's report; `played`/`failed` give the log entry (None for heartbeats)."""
    now = now or utcnow()
    fields = parse(data, now)
    receiver.last_heard_at = now
    if fields["type"] == "heartbeat":
        heartbeat(receiver, fields["readings"])
        return None
    program_id, bulletin_ids = _target(session, receiver, fields)
    aired = fields["type"] == "played"
    found = _same(session, receiver, program_id, aired, fields["at"], bulletin_ids)
    if found is not None:
        return session.get(Broadcast, found)
    # a failure keeps the time of the attempt in aired_at: a retried report is found by it
    reason = fields["text"] or ("" if aired else "Cụm loa báo không phát được (không rõ lý do).")
    entry = Broadcast(program_id=program_id, aired=aired,
                      aired_at=fields["at"], reason="" if aired else reason,
                      note=fields["text"] if aired else "", source="receiver",
                      receiver_id=receiver.id, recorded_by_id=None, recorded_at=now)
    entry.items = [BroadcastItem(bulletin_id=b, position=n) for n, b in enumerate(bulletin_ids)]
    session.add(entry)
    if aired:
        receiver.last_played_at = max(receiver.last_played_at or fields["at"], fields["at"])
        receiver.last_error, receiver.playing = "", False
    else:
        receiver.last_error = reason
    session.flush()
    return entry
