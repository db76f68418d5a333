"""How often each bulletin aired: the broadcast log's entries still in force (not corrected).

The schedule's suggestions and the log both count airings by this one rule. One program is one
airing however many entries it has: the operator's and each loudspeaker cluster's report of
it count once together; emergency plays reported by clusters outside any program count once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import exists, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from bulletins.models import Broadcast, BroadcastItem, Program, Receiver


def _corrected():
    """A clause true for log entries that a later entry corrects."""
    later = aliased(Broadcast)
    return exists().where(later.corrects_id == Broadcast.id)


def in_commune(commune_id: int | None) -> list[Any]:
    """WHERE terms: log entries of one commune's programs, or reported by its loudspeaker
    clusters (an emergency played outside any program); None: every commune's. A province
    bulletin owes its airings in each commune, so each counts its own."""
    if commune_id is None:
        return []
    return [or_(Broadcast.program_id.in_(select(Program.id).where(
                    Program.commune_id == commune_id)),
                Broadcast.receiver_id.in_(select(Receiver.id).where(
                    Receiver.commune_id == commune_id)))]


def _airings() -> Any:
    """SQL: the number of distinct airings among the rows (programs; 0 = outside a program)."""
    return func.count(func.distinct(func.coalesce(Broadcast.program_id, 0)))


def times_aired(bulletin_id: Any, commune_id: int | None = None) -> Any:
    """SQL: how many times the bulletin of this id (a column or a value) aired, in force."""
    return (select(_airings()).select_from(BroadcastItem)
            .join(Broadcast, Broadcast.id == BroadcastItem.broadcast_id)
            .where(BroadcastItem.bulletin_id == bulletin_id, Broadcast.aired.is_(True),
                   ~_corrected(), *in_commune(commune_id))
            .scalar_subquery())


def aired_table(commune_id: int | None = None) -> Any:
    """SQL: (bulletin_id, airings) of every bulletin that aired, in force (one commune's
    programs when given): read from the commune's programs, not from each bulletin's items.

    For a commune, the entries in_commune() keeps are reached through the indexes — its
    programs, their entries by program_id, and apart its clusters' entries by receiver_id —
    rather than by testing every entry of the log; an entry found both ways counts once
    (_airings counts distinct programs)."""
    if commune_id is None:
        return (select(BroadcastItem.bulletin_id, _airings().label("airings"))
                .join(Broadcast, Broadcast.id == BroadcastItem.broadcast_id)
                .where(Broadcast.aired.is_(True), ~_corrected())
                .group_by(BroadcastItem.bulletin_id))
    entries = [select(BroadcastItem.bulletin_id, Broadcast.program_id).select_from(owner)
               .join(Broadcast, link).join(BroadcastItem,
                                            BroadcastItem.broadcast_id == Broadcast.id)
               .where(owner.c.commune_id == commune_id, Broadcast.aired.is_(True),
                      ~_corrected())
               for owner, link in ((Program.__table__, Broadcast.program_id == Program.id),
                                   (Receiver.__table__, Broadcast.receiver_id == Receiver.id))]
    found = union_all(*entries).subquery("found")
    return (select(found.c.bulletin_id,
                   func.count(func.distinct(func.coalesce(found.c.program_id, 0)))
                   .label("airings"))
            .group_by(found.c.bulletin_id))


def aired_counts(session: Session, bulletin_ids: Sequence[int] | None = None,
                 commune_id: int | None = None) -> dict[int, int]:
    """How many times each bulletin aired, by the log's entries still in force."""
    stmt = aired_table(commune_id)
    if bulletin_ids is not None:
        if not bulletin_ids:
            return {}
        stmt = stmt.where(stmt.selected_columns.bulletin_id.in_(bulletin_ids))
    return {bulletin_id: count for bulletin_id, count in session.execute(stmt)}


def aired_by_commune(session: Session, bulletin_id: int) -> dict[int | None, int]:
    """commune id → how many times its programs aired this bulletin (entries in force): the
    province sees which communes aired its bulletins."""
    stmt = (select(Program.commune_id, _airings())
            .select_from(BroadcastItem)
            .join(Broadcast, Broadcast.id == BroadcastItem.broadcast_id)
            .join(Program, Program.id == Broadcast.program_id)
            .where(BroadcastItem.bulletin_id == bulletin_id, Broadcast.aired.is_(True),
                   ~_corrected())
            .group_by(Program.commune_id))
    return dict(session.execute(stmt).all())
