"""The broadcast log: what aired, append-only, corrections pointing at what they correct."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bulletins import audit, params
from bulletins.clock import local_midnight, local_text, utcnow
from bulletins.errors import Conflict, ValidationError
from bulletins.models import Broadcast, BroadcastItem, Bulletin, Program, User
from bulletins.radio.airings import _corrected, aired_counts
from bulletins.radio.programs import get_program, require_operator
from bulletins.radio.schedule import AIRABLE
from bulletins.text import nfc
from bulletins.validation import to_utc
from bulletins.workflow import State

NOTE_MAX = 2000
FIELDS = ("aired_at", "note", "not_aired", "corrects")
FUTURE_SLACK = timedelta(minutes=5)


def program_log(session: Session, program_id: int) -> Sequence[Broadcast]:
    """Every entry of one program (the operator's and the clusters' reports), oldest first."""
    return session.scalars(select(Broadcast).where(Broadcast.program_id == program_id)
                           .order_by(Broadcast.id)).unique().all()


def in_force(session: Session, program_id: int) -> Broadcast | None:
    """The operator's entry of the program that no later entry corrects."""
    return session.scalar(select(Broadcast).where(Broadcast.program_id == program_id,
                                                  Broadcast.receiver_id.is_(None),
                                                  ~_corrected()).order_by(Broadcast.id.desc()))


def in_force_of(session: Session, program_ids: Sequence[int]) -> dict[int, Broadcast]:
    """Each program's entry in force (see in_force), for the programs that have one."""
    if not program_ids:
        return {}
    rows = session.scalars(select(Broadcast).where(Broadcast.program_id.in_(program_ids),
                                                   ~_corrected()).order_by(Broadcast.id))
    return {entry.program_id: entry for entry in rows.unique()}


def default_aired_at(program: Program, now: datetime | None = None) -> datetime:
    """What the log form offers as the airing's start: the program's own start when that is
    past, else now; to the minute, naive UTC (the page shows it in Vietnam time)."""
    now = (now or utcnow()).replace(second=0, microsecond=0)
    return program.starts_at if program.starts_at and program.starts_at <= now else now


def _text(errors: dict, data: Mapping, name: str) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[name] = "Phải là chuỗi ký tự."
        return ""
    value = nfc(value)
    if len(value) > NOTE_MAX:
        errors[name] = f"Tối đa {NOTE_MAX} ký tự."
    return value


def _moment(raw: str) -> datetime:
    """ISO 8601 (naive: Vietnam time), or dd/mm/yyyy HH:MM as typed; ValueError otherwise."""
    text = raw.strip()
    try:
        return datetime.strptime(text, "%d/%m/%Y %H:%M")
    except ValueError:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _parse(data: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """{"aired_at", "note"} or {"not_aired": reason}, optionally "corrects"; else 422."""
    if not isinstance(data, Mapping):
        raise ValidationError("Dữ liệu phải là một đối tượng.")
    errors: dict[str, str] = {k: "Trường không được hỗ trợ." for k in data if k not in FIELDS}
    note, reason = _text(errors, data, "note"), _text(errors, data, "not_aired")
    aired_at, raw = None, data.get("aired_at")
    if "not_aired" in data:
        if not reason and "not_aired" not in errors:
            errors["not_aired"] = "Cần ghi lý do không phát."
        if raw not in (None, ""):
            errors["aired_at"] = "Không ghi giờ phát khi chương trình không phát."
    elif raw in (None, ""):
        errors["aired_at"] = "Cần giờ bắt đầu phát thực tế."
    elif isinstance(raw, datetime | str):
        try:
            aired_at = to_utc(raw if isinstance(raw, datetime) else _moment(raw))
        except ValueError:
            errors["aired_at"] = ("Giờ phát không hợp lệ: cần ngày giờ có thật, năm 2000–2199 "
                                  "(ví dụ 01/12/2026 06:00 hoặc 2026-12-01T06:00+07:00).")
    else:
        errors["aired_at"] = "Phải là thời điểm ISO 8601."
    if aired_at is not None and aired_at > now + FUTURE_SLACK:
        errors["aired_at"] = (f"Giờ phát không được ở tương lai (bây giờ là "
                              f"{local_text(now)}).")
    try:
        corrects = params.record_id(data.get("corrects"), "corrects")
    except ValidationError:
        corrects = None
        errors["corrects"] = "Phải là mã một mục nhật ký."
    if errors:  # the specific reasons in the message too: the web form and the API alike
        raise ValidationError("Dữ liệu nhật ký phát sóng không hợp lệ: " +
                              " ".join(dict.fromkeys(errors.values())), fields=errors)
    return {"aired": "not_aired" not in data, "aired_at": aired_at, "reason": reason,
            "note": note, "corrects": corrects}


def record_broadcast(session: Session, actor: User, program_id: int, data: Mapping[str, Any],
                     now: datetime | None = None) -> Broadcast:
    """Append what aired (or why not) to the log; a correction names the entry it corrects."""
    require_operator(actor)
    now = now or utcnow()
    program = get_program(session, program_id, actor)
    fields = _parse(data, now)
    current = in_force(session, program.id)
    corrects = fields.pop("corrects")
    if corrects is None and current is not None:
        raise Conflict(f"Chương trình đã có mục nhật ký số {current.id}; hãy ghi đính chính "
                       "cho mục đó.")
    if corrects is not None:
        target = session.get(Broadcast, corrects)
        if target is None or target.program_id != program.id or target.receiver_id:
            raise ValidationError("Mục cần đính chính không thuộc chương trình này.",
                                  fields={"corrects": "invalid"})
        if current is None or target.id != current.id:
            raise Conflict("Mục này đã được đính chính; hãy đính chính mục mới nhất.")
    if not program.items:
        raise Conflict("Chương trình không có bản tin nào.")
    entry = Broadcast(program_id=program.id, recorded_by_id=actor.id, recorded_at=now,
                      corrects_id=corrects, **fields)
    entry.items = [BroadcastItem(bulletin_id=i.bulletin_id, position=i.position)
                   for i in program.items]
    session.add(entry)
    session.flush()
    audit.record(session, actor.username, "broadcast.record", f"program:{program.id}",
                 entry=entry.id, aired=entry.aired, corrects=corrects,
                 aired_at=entry.aired_at.isoformat() if entry.aired_at else None,
                 reason=entry.reason, bulletins=program.bulletin_ids)
    return entry


def pending_emergencies(session: Session, now: datetime | None = None,
                        commune_id: int | None = None) -> list[Bulletin]:
    """Emergency radio bulletins approved and in force that have not aired yet (in one
    commune: its own and the province's, counting its own airings)."""
    now = now or utcnow()
    mine = ([or_(Bulletin.commune_id == commune_id, Bulletin.commune_id.is_(None))]
            if commune_id is not None else [])
    rows = session.scalars(select(Bulletin).where(*mine,
        Bulletin.priority == "emergency", Bulletin.status.in_(AIRABLE),
        Bulletin.channels.like("%radio%"), Bulletin.content_hash.is_not(None),
        (Bulletin.expire_at.is_(None)) | (Bulletin.expire_at > now))).unique().all()
    aired = aired_counts(session, [b.id for b in rows], commune_id)
    return [b for b in rows if not aired.get(b.id)]


def coming(session: Session, commune_id: int | None = None) -> Sequence[Bulletin]:
    """Approved radio bulletins waiting for their publication time, soonest first (a
    commune's own when given: the province's are not shown before they are published)."""
    mine = [Bulletin.commune_id == commune_id] if commune_id is not None else []
    return session.scalars(select(Bulletin).where(
        Bulletin.status == State.APPROVED, Bulletin.channels.like("%radio%"), *mine)
        .order_by(Bulletin.publish_at)).unique().all()


def parse_range(start: object, end: object, today: date) -> tuple[date, date]:
    """A date range for the log (default: the last 30 days); 422 when unreadable or reversed."""
    first, last = params.day_range(start, end, today - timedelta(days=30), today)
    if last < first or (last - first).days > 366:
        raise ValidationError("Khoảng ngày không hợp lệ (tối đa một năm).",
                              fields={"to": "range"})
    return first, last


def entries_between(session: Session, first: date, last: date,
                    commune_id: int | None = None) -> Sequence[Broadcast]:
    """Log entries between two local dates (one commune's, when given), in airing order.

    An entry that aired falls on the day it actually aired (a program built for tomorrow's
    06:00 slot and played this evening is in this evening's log); one that did not air, on
    its program's day.
    """
    mine = [Program.commune_id == commune_id] if commune_id is not None else []
    start, end = local_midnight(first), local_midnight(last + timedelta(days=1))
    when = or_(and_(Broadcast.aired_at.is_not(None),
                    Broadcast.aired_at >= start, Broadcast.aired_at < end),
               and_(Broadcast.aired_at.is_(None),
                    Program.air_date >= first, Program.air_date <= last))
    return session.scalars(select(Broadcast).join(Program).where(when, *mine).order_by(
        func.coalesce(Broadcast.aired_at, Program.starts_at), Broadcast.id)).unique().all()


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(session: Session, first: date, last: date, commune_id: int | None = None) -> str:
    """The log between two dates as CSV (UTF-8 with BOM for spreadsheets; Vietnam times)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(["muc", "chuong_trinh", "ngay", "khung_gio", "gio_du_kien", "da_phat",
                     "gio_phat_thuc_te", "ly_do_khong_phat", "ghi_chu", "nguoi_ghi",
                     "thoi_diem_ghi", "dinh_chinh_muc", "ban_tin"])
    entries = entries_between(session, first, last, commune_id)
    ids = {i.bulletin_id for e in entries for i in e.items}
    titles = {bulletin_id: title for bulletin_id, title in session.execute(
        select(Bulletin.id, Bulletin.title).where(Bulletin.id.in_(ids or {0})))}
    for entry in entries:
        program = entry.program
        writer.writerow([_cell(v) for v in (
            entry.id, program.title, program.air_date.strftime("%d/%m/%Y"),
            program.slot.name if program.slot else "khẩn cấp", local_text(program.starts_at),
            "có" if entry.aired else "không", local_text(entry.aired_at), entry.reason, entry.note,
            entry.recorder_name, local_text(entry.recorded_at), entry.corrects_id or "",
            " | ".join(f"{i.bulletin_id}: {titles.get(i.bulletin_id, '')}"
                       for i in entry.items))])
    return out.getvalue()

