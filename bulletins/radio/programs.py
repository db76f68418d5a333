"""The radio desk's programs: saving the operator's order, asking for audio (the upkeep that keeps
it current: bulletins.radio.upkeep).

Every service takes the acting user, checks the role itself, writes an audit entry and leaves
the commit to the caller; building the audio is a background job (bulletins.radio.program_audio).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit, tenancy
from bulletins.clock import local_date, utcnow
from bulletins.common import fetch, get_bulletin
from bulletins.errors import Conflict, NotAllowed, NotFound, ValidationError
from bulletins.models import Broadcast, Bulletin, Commune, Program, ProgramItem, Slot, User
from bulletins.radio.schedule import find_program, program_title, slot_start, unfit_reason
from bulletins.services import outbox
from bulletins.speech.checks import refuse_unaired
from bulletins.text import nfc
from bulletins.workflow import PRIORITY_RANK

OPERATOR_ROLES = frozenset({"operator", "admin"})
DEFAULT_SLOTS = (("sang", "Buổi sáng", "06:00"), ("chieu", "Buổi chiều", "17:00"))
BUILD_PENDING = ("queued", "building", "stale")


def seed_slots(session: Session, commune: Commune | None = None) -> None:
    """A commune's two default slots (06:00 and 17:00 daily, 30 min); an admin's edits are
    kept. The first commune's keys are the plan's; a later commune's carry its slug."""
    first = tenancy.first_commune(session)
    commune = commune or first
    for key, name, at in DEFAULT_SLOTS:
        if commune is not None and commune is not first:
            key = f"{key}@{commune.slug}"[:32]
        if session.scalar(select(Slot.id).where(Slot.key == key)) is None:
            session.add(Slot(key=key, name=name, time_of_day=at, weekdays="0123456",
                             target_minutes=30, commune_id=commune.id if commune else None))
    session.flush()


def _slot_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    name = nfc(data.get("name")) if isinstance(data.get("name"), str) else ""
    if not 0 < len(name) <= 100:
        errors["name"] = "Bắt buộc, tối đa 100 ký tự."
    at = data.get("time_of_day")
    if not (isinstance(at, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", at.strip())):
        errors["time_of_day"] = "Giờ dạng HH:MM (00:00–23:59)."
    days = data.get("weekdays")
    days = "".join(days) if isinstance(days, list | tuple) and all(
        isinstance(d, str) for d in days) else days
    if not (isinstance(days, str) and days and set(days) <= set("0123456")):
        errors["weekdays"] = "Chọn ít nhất một ngày trong tuần."
    minutes = data.get("target_minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 240:
        errors["target_minutes"] = "Số phút từ 1 đến 240."
    if errors:
        raise ValidationError("Khung giờ không hợp lệ.", fields=errors)
    return {"name": name, "time_of_day": at.strip(), "target_minutes": minutes,
            "weekdays": "".join(sorted(set(days))), "active": bool(data.get("active", True))}


def save_slot(session: Session, actor: User, slot_id: int | None,
              data: Mapping[str, Any]) -> Slot:
    """Create or change an airing slot (admin); slots are switched off, never deleted."""
    if "admin" not in actor.role_names:
        raise NotAllowed("Chỉ quản trị viên được sửa khung giờ phát.")
    fields = _slot_fields(data)
    slot = (Slot(commune_id=actor.commune_id) if slot_id is None
            else get_slot(session, slot_id, actor))
    for key, value in fields.items():
        setattr(slot, key, value)
    slot.updated_at = utcnow()
    session.add(slot)
    session.flush()
    audit.record(session, actor.username, "slot.save", f"slot:{slot.id}", **fields)
    return slot


def require_operator(actor: User) -> None:
    """Raise NotAllowed unless the actor runs the radio (operator or admin)."""
    if not actor.role_names & OPERATOR_ROLES:
        raise NotAllowed("Cần vai trò vận hành đài hoặc quản trị.")


def get_slot(session: Session, slot_id: int, actor: User | None = None) -> Slot:
    """The airing slot, or NotFound (also another commune's, for a commune's staff)."""
    slot = fetch(session, Slot, slot_id, f"Không có khung giờ số {slot_id}.")
    if not tenancy.is_province(actor) and slot.commune_id != actor.commune_id:
        raise NotFound(f"Không có khung giờ số {slot_id}.")
    return slot


def get_program(session: Session, program_id: int, actor: User | None = None) -> Program:
    """The program, or NotFound (also another commune's, for a commune's staff)."""
    program = fetch(session, Program, program_id, f"Không có chương trình số {program_id}.")
    if not tenancy.is_province(actor) and program.commune_id != actor.commune_id:
        raise NotFound(f"Không có chương trình số {program_id}.")
    return program


def _ids(values: object) -> list[int]:
    if not isinstance(values, list | tuple) or not values:
        raise ValidationError("Chương trình cần ít nhất một bản tin.",
                              fields={"bulletins": "required"})
    if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        raise ValidationError("Mã bản tin phải là số nguyên.", fields={"bulletins": "type"})
    if len(set(values)) != len(values):
        raise ValidationError("Một bản tin chỉ xuất hiện một lần.",
                              fields={"bulletins": "duplicate"})
    return list(values)


def _check_items(session: Session, ids: Sequence[int], at: datetime,
                 commune_id: int | None = None) -> list[Bulletin]:
    found, problems = [], {}
    for bulletin_id in ids:
        bulletin = session.get(Bulletin, bulletin_id)
        if bulletin is not None and bulletin.commune_id not in (None, commune_id):
            bulletin = None  # another commune's: as unknown as a missing one
        reason = "không tồn tại" if bulletin is None else unfit_reason(bulletin, at)
        if reason:
            problems[str(bulletin_id)] = reason
        found.append(bulletin)
    if problems:
        detail = "; ".join(f"số {k}: {v}" for k, v in problems.items())
        raise ValidationError(f"Không xếp được vào chương trình — {detail}.", fields=problems)
    return found


def set_items(program: Program, ids: Sequence[int]) -> None:
    """Put the bulletins in this order, keeping the rows of those that stay."""
    existing = {item.bulletin_id: item for item in program.items}
    program.items = [existing.get(b) or ProgramItem(bulletin_id=b, position=0) for b in ids]
    for position, item in enumerate(program.items):
        item.position = position


def queue_build(session: Session, program: Program) -> None:
    """Ask the job queue for the program's audio; emergencies jump the queue."""
    program.updated_at = utcnow()
    if not program.items:
        program.status = "empty"
        return
    if program.status != "stale":
        program.status = "queued"
    rank = max(PRIORITY_RANK.get(i.bulletin.priority, 0) for i in program.items)
    outbox(session).append(("build_program", {"program_id": program.id, "priority": rank}))


def _refuse_if_logged(session: Session, program: Program) -> None:
    if session.scalar(select(Broadcast.id).where(Broadcast.program_id == program.id)):
        raise Conflict("Chương trình đã được ghi vào nhật ký phát sóng; không sửa được nữa.")


def save_program(session: Session, actor: User, slot_id: int, day: date, bulletin_ids: object,
                 now: datetime | None = None) -> Program:
    """Set a slot's program for a day (the operator's order) and queue its audio."""
    require_operator(actor)
    slot = get_slot(session, slot_id, actor)
    if not slot.airs_on(day):
        raise ValidationError("Khung giờ này không phát vào ngày đó.", fields={"date": "slot"})
    ids = _ids(bulletin_ids)
    at = slot_start(slot, day)
    refuse_unaired(session, _check_items(session, ids, at, slot.commune_id))
    program = find_program(session, slot.id, day)
    if program is None:
        program = Program(slot_id=slot.id, commune_id=slot.commune_id, air_date=day,
                          starts_at=at, created_by=actor.username,
                          title=program_title(int(slot.time_of_day[:2]), day))
        session.add(program)
    else:
        _refuse_if_logged(session, program)
    set_items(program, ids)
    session.flush()
    queue_build(session, program)
    audit.record(session, actor.username, "program.save", f"program:{program.id}",
                 slot=slot.id, date=day.isoformat(), bulletins=ids)
    return program


def build_program(session: Session, actor: User, program_id: int) -> Program:
    """Make the program's audio again (e.g. after a failure)."""
    require_operator(actor)
    program = get_program(session, program_id, actor)
    if not program.items:
        raise Conflict("Chương trình không còn bản tin nào.")
    program.status = "queued"
    queue_build(session, program)
    audit.record(session, actor.username, "program.build", f"program:{program.id}")
    return program


def emergency_program(session: Session, actor: User, bulletin_id: int,
                      now: datetime | None = None) -> Program:
    """A program outside the slots that airs one emergency bulletin at once."""
    require_operator(actor)
    now = now or utcnow()
    bulletin = get_bulletin(session, bulletin_id, actor)
    if bulletin.priority != "emergency":
        raise Conflict("Chỉ bản tin khẩn cấp mới được phát ngay ngoài khung giờ.")
    refuse_unaired(session, _check_items(session, [bulletin.id], now, actor.commune_id))
    day = local_date(now)
    program = Program(slot_id=None, commune_id=actor.commune_id, air_date=day, starts_at=now,
                      created_by=actor.username,
                      title=f"Phát khẩn cấp {day:%d/%m/%Y}")
    session.add(program)
    set_items(program, [bulletin.id])
    session.flush()
    queue_build(session, program)
    audit.record(session, actor.username, "program.emergency", f"program:{program.id}",
                 bulletin=bulletin.id)
    return program
