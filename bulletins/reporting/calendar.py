"""The editors' calendar: the plan's key dates and, per day, what is published and aired."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from bulletins import audit, params, tenancy
from bulletins.clock import local_midnight, local_time, utcnow
from bulletins.common import require_role
from bulletins.errors import NotFound, ValidationError
from bulletins.models import Broadcast, Bulletin, KeyDate, Program, Slot, User
from bulletins.models.desk import KEY_DATE_TITLE_MAX as TITLE_MAX
from bulletins.validation import text_field
from bulletins.workflow import State

TENTATIVE = "Ngày dự kiến — quản trị viên cập nhật khi có lịch chính thức."

NOTE_MAX = 1_000
KINDS = ("holiday", "anniversary", "congress", "local")


# (seed key, day, kind, yearly, tentative, title, note)
SEED: tuple[tuple[str, date, str, bool, bool, str, str], ...] = (
    ("tet-duong-lich", date(2026, 1, 1), "holiday", True, False, "Tết Dương lịch", ""),
    ("tet-nguyen-dan-2026", date(2026, 2, 17), "holiday", False, False,
     "Tết Nguyên đán Bính Ngọ (mùng 1 Tết)", "Âm lịch: cập nhật ngày cho từng năm."),
    ("gio-to-hung-vuong-2026", date(2026, 4, 26), "holiday", False, False,
     "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Âm lịch: cập nhật ngày cho từng năm."),
    ("30-4", date(2026, 4, 30), "holiday", True, False,
     "Ngày Giải phóng miền Nam, thống nhất đất nước", "30/4/1975"),
    ("1-5", date(2026, 5, 1), "holiday", True, False, "Ngày Quốc tế Lao động", ""),
    ("quoc-khanh", date(2026, 9, 2), "holiday", True, False,
     "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", "2/9/1945"),
    ("3-2", date(2026, 2, 3), "anniversary", True, False,
     "Ngày thành lập Đảng Cộng sản Việt Nam", "3/2/1930"),
    ("19-5", date(2026, 5, 19), "anniversary", True, False,
     "Ngày sinh Chủ tịch Hồ Chí Minh", "19/5/1890"),
    ("27-7", date(2026, 7, 27), "anniversary", True, False, "Ngày Thương binh - Liệt sĩ",
     "27/7/1947"),
    ("19-8", date(2026, 8, 19), "anniversary", True, False,
     "Ngày Cách mạng Tháng Tám thành công", "19/8/1945; Ngày truyền thống Công an nhân dân"),
    ("10-10", date(2026, 10, 10), "anniversary", True, False, "Ngày Giải phóng Thủ đô",
     "10/10/1954"),
    ("20-10", date(2026, 10, 20), "anniversary", True, False,
     "Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", "20/10/1930"),
    ("18-11", date(2026, 11, 18), "anniversary", True, False,
     "Ngày hội Đại đoàn kết toàn dân tộc",
     "Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930)"),
    ("20-11", date(2026, 11, 20), "anniversary", True, False, "Ngày Nhà giáo Việt Nam", ""),
    ("22-12", date(2026, 12, 22), "anniversary", True, False,
     "Ngày thành lập Quân đội nhân dân Việt Nam",
     "22/12/1944; Ngày hội Quốc phòng toàn dân"),
    ("dai-hoi-cac-cap-2026", date(2026, 10, 15), "congress", False, True,
     "Đại hội đảng bộ các cấp", TENTATIVE),
    ("dai-hoi-tinh-ninh-binh-i", date(2026, 11, 10), "congress", False, True,
     "Đại hội đại biểu Đảng bộ tỉnh Ninh Bình lần thứ I, nhiệm kỳ 2026-2030", TENTATIVE),
    ("thi-dua-ninh-binh-i", date(2026, 11, 26), "congress", False, True,
     "Đại hội Thi đua yêu nước tỉnh Ninh Bình lần thứ I, nhiệm kỳ 2026-2030", TENTATIVE),
    ("dai-hoi-xiv", date(2026, 12, 10), "congress", False, True,
     "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", TENTATIVE),
)


def seed_key_dates(session: Session) -> None:
    """Insert the plan's key dates that were never seeded; an admin's edits are kept."""
    known = set(session.scalars(select(KeyDate.seed_key).where(KeyDate.seed_key.is_not(None))))
    for key, day, kind, yearly, tentative, title, note in SEED:
        if key not in known:
            session.add(KeyDate(seed_key=key, day=day, kind=kind, yearly=yearly,
                                tentative=tentative, title=title, note=note))
    session.flush()


def _fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """Checked key-date fields, or ValidationError (422) naming each bad field."""
    if not isinstance(data, Mapping):
        raise ValidationError("Dữ liệu phải là một đối tượng.")
    errors: dict[str, str] = {}
    title = text_field(errors, data, "title", TITLE_MAX, required=True) or ""
    day = params.parse_day(data.get("day"))
    if day is None:
        errors["day"] = "Ngày không hợp lệ (YYYY-MM-DD hoặc dd/mm/yyyy, năm 2000–2199)."
    kind = data.get("kind") or "local"
    if kind not in KINDS:
        errors["kind"] = "Phải là một trong: " + ", ".join(KINDS) + "."
    note = text_field(errors, data, "note", NOTE_MAX, required=False) or ""
    if errors:
        raise ValidationError("Ngày cần nhớ không hợp lệ.", fields=errors)
    return {"title": title, "day": day, "kind": kind, "note": note,
            "yearly": bool(data.get("yearly")), "tentative": bool(data.get("tentative"))}


def _detail(key_date: KeyDate) -> dict[str, Any]:
    return {"title": key_date.title, "day": key_date.day.isoformat(), "kind": key_date.kind,
            "yearly": key_date.yearly, "tentative": key_date.tentative}


def get_key_date(session: Session, key_date_id: int, viewer: User | None = None, *,
                 acts: bool = False) -> KeyDate:
    """The key date (not deleted), or NotFound; with a viewer, only one of their commune or
    the province (tenancy.check_setting); ``acts``: of their own scope, else 403."""
    found = session.get(KeyDate, key_date_id)
    message = f"Không có ngày cần nhớ số {key_date_id}."
    if found is None or found.removed_at is not None:
        raise NotFound(message)
    if viewer is not None:
        tenancy.check_setting(viewer, found, message, acts=acts)
    return found


def list_key_dates(session: Session, viewer: User | None = None) -> Sequence[KeyDate]:
    """Every key date in force the viewer may read, by month and day."""
    rows = session.scalars(select(KeyDate).where(
        KeyDate.removed_at.is_(None), tenancy.shared(KeyDate.commune_id, viewer))).all()
    return sorted(rows, key=lambda k: (k.day.month, k.day.day, k.day.year, k.id))


def create_key_date(session: Session, actor: User, data: Mapping[str, Any]) -> KeyDate:
    """Add a key date (admin)."""
    require_role(actor, "admin")
    key_date = KeyDate(**_fields(data), created_by=actor.username, updated_by=actor.username,
                       commune_id=actor.commune_id)
    session.add(key_date)
    session.flush()
    audit.record(session, actor.username, "key_date.create", f"key_date:{key_date.id}",
                 **_detail(key_date))
    return key_date


def update_key_date(session: Session, actor: User, key_date_id: int,
                    data: Mapping[str, Any]) -> KeyDate:
    """Change a key date (admin), e.g. fix a congress's tentative date."""
    require_role(actor, "admin")
    key_date = get_key_date(session, key_date_id, actor, acts=True)
    before = _detail(key_date)
    for name, value in _fields(data).items():
        setattr(key_date, name, value)
    key_date.updated_by, key_date.updated_at = actor.username, utcnow()
    session.flush()
    audit.record(session, actor.username, "key_date.update", f"key_date:{key_date.id}",
                 before=before, after=_detail(key_date))
    return key_date


def delete_key_date(session: Session, actor: User, key_date_id: int) -> None:
    """Remove a key date (admin); a seeded one is kept as a tombstone so seeding skips it."""
    require_role(actor, "admin")
    key_date = get_key_date(session, key_date_id, actor, acts=True)
    detail = _detail(key_date)
    if key_date.seed_key:
        key_date.removed_at, key_date.updated_by = utcnow(), actor.username
    else:
        session.delete(key_date)
    session.flush()
    audit.record(session, actor.username, "key_date.delete", f"key_date:{key_date_id}",
                 **detail)


@dataclass
class Entry:
    """One line of a calendar day: a key date, a publication or a radio program."""

    kind: str  #: key date kind, or "scheduled", "published", "program"
    title: str
    at: datetime | None = None  #: local (Vietnam) time, aware
    bulletin_id: int | None = None
    program_id: int | None = None
    status: str = ""  #: program: its state; "aired" / "not_aired" once logged
    note: str = ""
    tentative: bool = False


@dataclass
class Day:
    day: date
    in_month: bool
    today: bool
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]

    @property
    def days(self) -> list[Day]:
        """The month's own days, for the list view."""
        return [d for week in self.weeks for d in week if d.in_month]


def _programs_of(viewer: User | None) -> list:
    """A commune's staff see their commune's programs; province staff every commune's."""
    return [] if tenancy.is_province(viewer) else [Program.commune_id == viewer.commune_id]


def month(session: Session, year: int, month_: int, today: date | None = None,
          viewer: User | None = None) -> Month:
    """The month's grid (weeks from Monday) with every day's entries, in four queries."""
    first = date(year, month_, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    start, end = first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())
    today = today or local_time(utcnow()).date()
    grid = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    days = {d: Day(d, d.month == month_, d == today) for d in grid}

    for key_date in session.scalars(select(KeyDate).where(
            KeyDate.removed_at.is_(None), tenancy.shared(KeyDate.commune_id, viewer),
            or_(KeyDate.yearly, KeyDate.day.between(start, end)))):
        for on in {key_date.on_year(start.year), key_date.on_year(end.year)}:
            if on in days:
                days[on].entries.append(Entry(key_date.kind, key_date.title, note=key_date.note,
                                              tentative=key_date.tentative))

    low, high = local_midnight(start), local_midnight(end + timedelta(days=1))
    rows = session.execute(select(Bulletin.id, Bulletin.title, Bulletin.status,
                                  Bulletin.publish_at, Bulletin.published_at).where(or_(
        and_(Bulletin.status == State.APPROVED, Bulletin.publish_at >= low,
             Bulletin.publish_at < high),
        and_(Bulletin.status == State.PUBLISHED, Bulletin.published_at >= low,
             Bulletin.published_at < high)), *tenancy.visible(viewer)))
    for bulletin_id, title, status, publish_at, published_at in rows:
        at = local_time(publish_at if status == State.APPROVED else published_at)
        kind = "scheduled" if status == State.APPROVED else "published"
        days[at.date()].entries.append(Entry(kind, title, at, bulletin_id=bulletin_id))

    later = aliased(Broadcast)
    logged = {pid: (aired, aired_at, reason) for pid, aired, aired_at, reason in session.execute(
        select(Broadcast.program_id, Broadcast.aired, Broadcast.aired_at, Broadcast.reason)
        .join(Program, Program.id == Broadcast.program_id)
        .where(Program.air_date.between(start, end), *_programs_of(viewer),
               ~exists().where(later.corrects_id == Broadcast.id))
        # the operator's entry wins over the clusters' reports of the same program
        .order_by(Broadcast.receiver_id.is_(None), Broadcast.id))}
    programs = session.execute(
        select(Program.id, Program.title, Program.status, Program.starts_at, Program.air_date,
               Slot.name).outerjoin(Slot, Slot.id == Program.slot_id)
        .where(Program.air_date.between(start, end)))
    for program_id, title, status, starts_at, air_date, slot_name in programs:
        entry = Entry("program", title, local_time(starts_at), program_id=program_id,
                      status=status, note=slot_name or "")
        if program_id in logged:
            aired, aired_at, reason = logged[program_id]
            entry.status = "aired" if aired else "not_aired"
            entry.at = local_time(aired_at) if aired and aired_at else entry.at
            entry.note = "" if aired else reason
        days[air_date].entries.append(entry)

    for day in days.values():
        day.entries.sort(key=lambda e: (e.at is not None, e.at.time() if e.at else time()))
    return Month(year, month_, [[days[d] for d in grid[i:i + 7]]
                                for i in range(0, len(grid), 7)])
