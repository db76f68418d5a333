"""The radio desk's upkeep, every minute and after a bulletin changes: coming programs lose
withdrawn or expired bulletins and are rebuilt when a text was corrected, slots nobody saved are
settled shortly before air, lost builds are queued again. Audited as "system"; the caller
commits."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.clock import local_date, utcnow
from bulletins.models import Broadcast, Program, ProgramItem, Slot
from bulletins.radio.programs import BUILD_PENDING, queue_build, set_items
from bulletins.radio.schedule import find_program, program_title, slot_start, suggest, unfit_reason

PREPARE_LEAD = timedelta(minutes=60)  # unsaved slots are settled this long before air
STUCK_BUILD = timedelta(minutes=20)


def _upcoming(session: Session, now: datetime, bulletin_id: int | None) -> list[Program]:
    """Programs from today on that were not logged as aired yet."""
    stmt = select(Program).where(Program.air_date >= local_date(now),
                                 ~exists().where(Broadcast.program_id == Program.id))
    if bulletin_id is not None:
        stmt = stmt.where(Program.items.any(ProgramItem.bulletin_id == bulletin_id))
    return list(session.scalars(stmt).unique())


def check_programs(session: Session, now: datetime | None = None,
                   bulletin_id: int | None = None) -> list[int]:
    """Take withdrawn or expired bulletins out of coming programs and rebuild changed ones."""
    now = now or utcnow()
    touched = []
    for program in _upcoming(session, now, bulletin_id):
        gone = [(i.bulletin, unfit_reason(i.bulletin, program.starts_at)) for i in program.items]
        gone = [(b, why) for b, why in gone if why]
        pending = program.status in BUILD_PENDING  # that build will speak the new text
        changed = [i.bulletin for i in program.items if not pending and i.built_hash
                   and i.built_hash != i.bulletin.content_hash]
        if not gone and not changed:
            continue
        lines = [f"Bản tin «{b.title}» {why}: đã bỏ khỏi chương trình." for b, why in gone]
        lines += [f"Bản tin «{b.title}» đã được đính chính." for b in changed]
        set_items(program, [i.bulletin_id for i in program.items
                            if i.bulletin_id not in {b.id for b, _ in gone}])
        program.notice = " ".join(lines) + (" Chương trình được dựng lại." if program.items
                                            else " Chương trình không còn bản tin nào.")
        program.notice_at, program.status = now, "stale"
        session.flush()
        queue_build(session, program)
        audit.record(session, "system", "program.stale", f"program:{program.id}",
                     removed=[b.id for b, _ in gone], changed=[b.id for b in changed])
        touched.append(program.id)
    return touched


def prepare_due(session: Session, now: datetime | None = None,
                lead: timedelta = PREPARE_LEAD) -> list[int]:
    """Settle the suggestion of each slot starting within `lead` that nobody saved, and build it."""
    now = now or utcnow()
    made = []
    for day in sorted({local_date(now), local_date(now + lead)}):
        for slot in session.scalars(select(Slot).where(Slot.active)).all():
            start = slot_start(slot, day)
            if not slot.airs_on(day) or not now < start <= now + lead:
                continue
            if find_program(session, slot.id, day) is not None:
                continue
            chosen = suggest(session, slot, day, now)
            if not chosen:
                continue
            program = Program(slot_id=slot.id, commune_id=slot.commune_id, air_date=day,
                              starts_at=start,
                              title=program_title(int(slot.time_of_day[:2]), day))
            session.add(program)
            set_items(program, [c.bulletin.id for c in chosen])
            session.flush()
            queue_build(session, program)
            audit.record(session, "system", "program.save", f"program:{program.id}",
                         slot=slot.id, date=day.isoformat(), automatic=True,
                         bulletins=program.bulletin_ids)
            made.append(program.id)
    return made


def requeue_stuck(session: Session, now: datetime | None = None) -> list[int]:
    """Queue again program builds whose job was lost."""
    now = now or utcnow()
    stuck = session.scalars(select(Program).where(
        Program.status.in_(BUILD_PENDING),
        Program.updated_at < now - STUCK_BUILD)).all()
    for program in stuck:
        queue_build(session, program)
    return [p.id for p in stuck]


def tick(session: Session, now: datetime | None = None) -> None:
    """The every-minute upkeep: stale programs, settling due slots, lost builds."""
    now = now or utcnow()
    check_programs(session, now)
    prepare_due(session, now)
    requeue_stuck(session, now)

