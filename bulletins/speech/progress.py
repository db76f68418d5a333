"""How far background audio work has got and how long it should still take (no Flask import).

The desk's pages poll this while a bulletin's audio or a program waits, so staff see "ready"
without reloading. The estimate is honest arithmetic, not a promise: the typical time from
queued to ready of the last finished jobs, times the jobs waiting ahead, less what has
already passed.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bulletins.clock import utcnow
from bulletins.models import AudioFile, Program

#: audio and program states that still move by themselves (a job will change them)
AUDIO_MOVING = ("queued", "synthesizing", "mixing")
PROGRAM_MOVING = ("queued", "building", "stale")
#: without history: espeak-ng speaks and masters a short bulletin in about this many seconds
TYPICAL_AUDIO_S = 5.0
#: a program's build: a few seconds, and more per bulletin in it
PROGRAM_BASE_S, PROGRAM_PER_ITEM_S = 4.0, 2.0
SAMPLE = 20  #: finished jobs the typical time is taken from
SHORTEST_S, LONGEST_S = 1, 3600


@dataclass(frozen=True)
class Progress:
    """Where one piece of background work stands."""

    status: str
    #: True when no job will change it any more (ready, failed, or nothing to make)
    done: bool
    #: seconds still to wait, None when done
    remaining_s: int | None = None


def _clamp(seconds: float) -> int:
    return int(min(LONGEST_S, max(SHORTEST_S, round(seconds))))


def typical_audio_s(session: Session) -> float:
    """Median seconds from queued to ready of the latest synthesized audio, or the default."""
    rows = session.execute(
        select(AudioFile.created_at, AudioFile.updated_at)
        .where(AudioFile.status == "ready", AudioFile.source == "synthesis")
        .order_by(AudioFile.id.desc()).limit(SAMPLE)).all()
    spans = [(done - made).total_seconds() for made, done in rows if made and done]
    spans = [s for s in spans if 0 < s < LONGEST_S]
    return statistics.median(spans) if spans else TYPICAL_AUDIO_S


def audio_progress(session: Session, audio: AudioFile | None,
                   now: datetime | None = None) -> Progress:
    """A bulletin's audio: its state and, while it moves, the seconds left."""
    if audio is None:
        return Progress("none", True)
    if audio.status not in AUDIO_MOVING:
        return Progress(audio.status, True)
    now = now or utcnow()
    typical = typical_audio_s(session)
    ahead = session.scalar(select(func.count()).select_from(AudioFile).where(
        AudioFile.status.in_(AUDIO_MOVING), AudioFile.id != audio.id,
        AudioFile.created_at < audio.created_at)) or 0
    waited = max(0.0, (now - audio.created_at).total_seconds())
    if audio.status != "queued":  # its job has started: only its own time is left
        waited, ahead = max(0.0, (now - audio.updated_at).total_seconds()), 0
    return Progress(audio.status, False, _clamp(typical * (ahead + 1) - waited))


def program_progress(program: Program, now: datetime | None = None) -> Progress:
    """A program's build: its state and, while it moves, the seconds left."""
    if program.status not in PROGRAM_MOVING:
        return Progress(program.status, True)
    now = now or utcnow()
    waited = max(0.0, (now - program.updated_at).total_seconds())
    return Progress(program.status, False,
                    _clamp(PROGRAM_BASE_S + PROGRAM_PER_ITEM_S * len(program.items) - waited))
