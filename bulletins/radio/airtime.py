"""How long bulletins read on air: a ready audio's own length, else an estimate at loudspeaker
pace; and the longest slot a text must fit (the radio plan's budget, the desk's warning)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bulletins.models import AudioFile, Bulletin, Slot


def estimate_seconds(session: Session, bulletins: Sequence[Bulletin]) -> dict[int, float]:
    """Length on air of each: its ready audio's, else estimated at loudspeaker pace."""
    ready: dict[int, float] = {}
    for start in range(0, len(bulletins), 500):  # one query per 500, not one per bulletin
        chunk = bulletins[start:start + 500]
        rows = session.execute(select(AudioFile.bulletin_id, AudioFile.content_hash,
                                      AudioFile.duration_s).where(
            AudioFile.bulletin_id.in_([b.id for b in chunk]), AudioFile.status == "ready",
            AudioFile.duration_s.is_not(None)).order_by(AudioFile.id))
        hashes = {b.id: b.content_hash for b in chunk}
        ready.update({bid: secs for bid, digest, secs in rows if hashes[bid] == digest})
    return {b.id: ready.get(b.id) or reading_seconds(b.title, b.body) for b in bulletins}


#: letters a second of espeak-ng at the station's pace (-s 130 -g 3), after the reading
#: normalizer: 9.7 measured over 24 corpus bulletins (8.5–10.5 each); twelve, the first
#: guess, read long texts a fifth short (tests/unit/test_reading_estimate.py)
LETTERS_PER_SECOND = 9.7
#: the jingles and pauses around a bulletin's speech (audio/pipeline.py)
AROUND_SPEECH_S = 6


def reading_seconds(title: str, body: str) -> float:
    """Length on air of a text not yet spoken, at loudspeaker pace with its jingles."""
    return (len(title) + len(body)) / LETTERS_PER_SECOND + AROUND_SPEECH_S


def longest_slot_minutes(session: Session, commune_id: int | None) -> int | None:
    """The length of the commune's longest slot on air, or None when it has none."""
    return session.scalar(select(func.max(Slot.target_minutes)).where(
        Slot.active, Slot.commune_id == commune_id))
