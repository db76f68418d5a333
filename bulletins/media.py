"""Turning an approved text into speech on disk: the audio job's use case (no Flask import)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.errors import InvalidTransition, NotAllowed
from bulletins.models import AudioFile, Bulletin, User, utcnow
from bulletins.queries import approved_text
from bulletins.services import PRIORITY_RANK, get_bulletin, outbox, request_audio
from bulletins.workflow import State

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AudioSettings:
    data_dir: Path
    engine: str = "auto"
    piper_voice: str | None = None
    loudness_target: float = -16.0
    espeak_speed: int = 130
    espeak_gap: int = 3
    commune: str = "xã Vũ Dương"


def audio_path(audio: AudioFile, engine: str) -> str:
    """Where a file lives under DATA_DIR: made only from ids and hashes, never user input."""
    return f"audio/{audio.bulletin_id}/{audio.content_hash[:16]}-{audio.id}-{engine}.mp3"


def synthesize(session: Session, audio_id: int, settings: AudioSettings,
               commit: Callable[[], None]) -> AudioFile | None:
    """Speak the approved text of one AudioFile; commits progress so operators can follow it."""
    from audio.engines import make_engine
    from audio.normalize import normalize_vi
    from audio.pipeline import make_bulletin_audio

    audio = session.get(AudioFile, audio_id)
    if audio is None or audio.status == "ready":
        return audio
    bulletin = session.get(Bulletin, audio.bulletin_id)
    if bulletin is None or bulletin.content_hash != audio.content_hash:
        audio.status, audio.error = "failed", "Nội dung đã thay đổi; bản âm thanh này bị bỏ."
        commit()
        return audio
    revision = approved_text(session, bulletin)
    audio.status, audio.attempts, audio.updated_at = "synthesizing", audio.attempts + 1, utcnow()
    commit()
    try:
        engine = make_engine(settings.engine, piper_voice=settings.piper_voice,
                             speed=settings.espeak_speed, gap=settings.espeak_gap)
        rel = audio_path(audio, engine.name)
        out = settings.data_dir / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        result = make_bulletin_audio(
            revision.title, revision.body, language=bulletin.language, engine=engine,
            out_mp3=out, normalize=normalize_vi if bulletin.language == "vi" else None,
            target_lufs=settings.loudness_target,
            tags={"title": revision.title, "artist": f"Đài truyền thanh {settings.commune}",
                  "date": (bulletin.approved_at or utcnow()).strftime("%Y-%m-%d"),
                  "comment": f"content_hash={audio.content_hash}"},
        )
    except Exception as exc:
        log.exception("synthesis of audio %s failed", audio_id)
        session.rollback()
        audio = session.get(AudioFile, audio_id)
        audio.status, audio.error, audio.updated_at = "failed", str(exc)[:2000], utcnow()
        audit.record(session, "system", "audio.failed", f"bulletin:{audio.bulletin_id}",
                     audio=audio.id, error=str(exc)[:200])
        commit()
        raise
    audio.engine, audio.settings, audio.fallback = result.engine, result.settings, result.fallback
    audio.path = rel if result.engine == engine.name else audio_path(audio, result.engine)
    if audio.path != rel:
        (settings.data_dir / rel).rename(settings.data_dir / audio.path)
    audio.size_bytes, audio.duration_s = result.size_bytes, result.duration_s
    audio.lufs, audio.true_peak = result.lufs, result.true_peak
    audio.status, audio.error, audio.updated_at = "ready", "", utcnow()
    audit.record(session, "system", "audio.ready", f"bulletin:{audio.bulletin_id}",
                 audio=audio.id, engine=result.engine, fallback=result.fallback,
                 content_hash=audio.content_hash)
    commit()
    return audio


STUCK_AFTER = {"queued": timedelta(minutes=5), "synthesizing": timedelta(minutes=15),
               "mixing": timedelta(minutes=15)}


def requeue_stale(session: Session, now: datetime | None = None) -> list[int]:
    """Queue again audio whose job was lost (never picked up, or its worker was killed)."""
    now = now or utcnow()
    stale = []
    for status, age in STUCK_AFTER.items():
        stale += session.scalars(select(AudioFile).where(
            AudioFile.status == status, AudioFile.updated_at < now - age)).all()
    for audio in stale:
        audio.status, audio.updated_at = "queued", now
        bulletin = session.get(Bulletin, audio.bulletin_id)
        outbox(session).append(("synthesize", {
            "audio_id": audio.id, "priority": PRIORITY_RANK.get(bulletin.priority, 0)}))
    return [a.id for a in stale]


def retry_audio(session: Session, actor: User, bulletin_id: int) -> AudioFile:
    """Make the audio of a bulletin's approved text again after a failure."""
    if not actor.role_names & {"operator", "leader", "admin"}:
        raise NotAllowed("Cần vai trò vận hành đài, lãnh đạo hoặc quản trị.")
    bulletin = get_bulletin(session, bulletin_id)
    if bulletin.status not in (State.APPROVED, State.PUBLISHED):
        raise InvalidTransition("Chỉ làm lại âm thanh của bản tin đã duyệt.")
    audio = request_audio(session, bulletin)
    if audio is None:
        raise InvalidTransition("Bản tin này không phát trên đài.")
    audit.record(session, actor.username, "audio.retry", f"bulletin:{bulletin.id}",
                 audio=audio.id)
    return audio
