"""Turning an approved text into speech on disk: the audio job's use case (no Flask import)."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import socket
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit, tenancy
from bulletins.clock import utcnow
from bulletins.confidentiality import rules
from bulletins.editorial.queries import approved_text
from bulletins.errors import InvalidTransition, NotAllowed
from bulletins.models import AudioFile, Bulletin, Commune, User
from bulletins.services import get_bulletin, outbox, request_audio
from bulletins.speech.failures import recorded_failure
from bulletins.workflow import PRIORITY_RANK, State


@dataclass(frozen=True)
class AudioSettings:
    data_dir: Path
    engine: str = "auto"
    piper_voice: str | None = None
    loudness_target: float = -16.0
    espeak_speed: int = 130
    espeak_gap: int = 3
    commune: str = "xã Vũ Dương"
    #: the commune whose station speaks (its slug: its own jingles and voices); None: the
    #: province's, which are also every commune's default
    station: str | None = None


def station_dir(data_dir: Path, station: str | None) -> Path | None:
    """A commune's own sound settings: DATA_DIR/communes/<slug> (jingles/, voices/)."""
    return data_dir / "communes" / station if station else None


def own_station(actor: User | None) -> str | None:
    """The station an admin sets sound for: their commune's slug, None for the province."""
    commune = getattr(actor, "commune", None)
    return commune.slug if commune is not None else None


def for_commune(session: Session, settings: AudioSettings,
                commune_id: int | None) -> AudioSettings:
    """The settings of the station of a text or program of this commune (None: province):
    its name in tags and openings, its jingles and voices with the province's as default."""
    name = tenancy.name_of(session, commune_id)
    slug = None if commune_id is None else session.scalar(
        select(Commune.slug).where(Commune.id == commune_id))
    return replace(settings, commune=name or settings.commune, station=slug)


def jingles(data_dir: Path, station: str | None = None) -> tuple[Path, Path]:
    """Intro and outro: the commune's uploads, else the province's, else the chime made in
    code."""
    from audio.jingle import default_chime

    folders = [f / "jingles" for f in (station_dir(data_dir, station), data_dir) if f]
    chime = default_chime(data_dir / "jingles")

    def pick(which: str) -> Path:
        return next((f / which for f in folders if (f / which).is_file()), chime)

    return pick("intro.wav"), pick("outro.wav")


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def cache_key(content_hash: str, settings: AudioSettings, language: str,
              lexicon: tuple[dict, dict], parts: tuple[Path, Path], voice: str = "") -> str:
    """Everything that shapes the sound: the same key is never synthesized twice.

    voice: the installed Piper voice "auto" would fall back to ("" for none).
    """
    material = {k: v for k, v in asdict(settings).items()
                if k not in ("data_dir", "commune", "station")}
    payload = json.dumps([content_hash, language, material, lexicon,
                          [_file_digest(p) for p in parts], *([voice] if voice else [])],
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def installed_voices(settings: AudioSettings) -> dict[str, str]:
    """The Piper voice chosen for each language under DATA_DIR, which "auto" falls back to."""
    from audio.voices import chosen_paths

    if settings.engine != "auto":
        return {}
    return dict(chosen_paths(settings.data_dir, station_dir(settings.data_dir, settings.station)))


def engine_for(settings: AudioSettings):
    """The speech engine these settings ask for."""
    from audio.engines import make_engine

    return make_engine(settings.engine, piper_voice=settings.piper_voice,
                       voices=installed_voices(settings),
                       speed=settings.espeak_speed, gap=settings.espeak_gap)


def normalizer(lexicon: tuple[dict, dict]) -> Callable[[str], str]:
    """normalize_vi with the admin's abbreviations and pronunciations."""
    from audio.normalize import normalize_vi

    return functools.partial(normalize_vi, abbreviations=lexicon[0], lexicon=lexicon[1])


@dataclass(frozen=True)
class Voice:
    """Everything that shapes a bulletin's sound, and the cache key it adds up to."""

    lexicon: tuple[dict, dict]
    intro: Path
    outro: Path
    key: str


def voice_for(session: Session, digest: str, language: str, settings: AudioSettings,
              commune_id: int | None = None) -> Voice:
    """Today's lexicon (of the text's commune) and jingles for a text, and its cache key."""
    lexicon = rules.lexicon(session, commune_id)
    intro, outro = jingles(settings.data_dir, settings.station)
    piper = installed_voices(settings).get(language)
    return Voice(lexicon, intro, outro,
                 cache_key(digest, settings, language, lexicon, (intro, outro),
                           Path(piper).name if piper else ""))


def _speak(voice: Voice, settings: AudioSettings, title: str, body: str, language: str,
           out: Path, tags: dict[str, str], on_stage: Callable[[str], None] | None = None,
           bare: bool = False):
    """bare: a preview, speaking from the first instant (no jingles, no leading silence)."""
    from audio.pipeline import LEAD_IN, PREVIEW_LEAD_IN, make_bulletin_audio

    out.parent.mkdir(parents=True, exist_ok=True)
    return make_bulletin_audio(
        title, body, language=language, engine=engine_for(settings), out_mp3=out,
        target_lufs=settings.loudness_target, intro=None if bare else voice.intro,
        outro=None if bare else voice.outro, normalize=normalizer(voice.lexicon), tags=tags,
        on_stage=on_stage, lead_in=PREVIEW_LEAD_IN if bare else LEAD_IN, trim_start=bare)


def _reuse(session: Session, audio: AudioFile, key: str, data_dir: Path) -> bool:
    done = session.scalar(select(AudioFile).where(
        AudioFile.cache_key == key, AudioFile.status == "ready", AudioFile.fallback.is_(False),
        AudioFile.id != audio.id))
    if done is None or not done.path or not (data_dir / done.path).is_file():
        return False
    for name in ("engine", "settings", "path", "size_bytes", "duration_s", "lufs", "true_peak"):
        setattr(audio, name, getattr(done, name))
    audio.status, audio.error, audio.updated_at = "ready", "", utcnow()
    audit.record(session, "system", "audio.reused", f"bulletin:{audio.bulletin_id}",
                 audio=audio.id, from_audio=done.id)
    return True


def synthesize(session: Session, audio_id: int, settings: AudioSettings,
               commit: Callable[[], None]) -> AudioFile | None:
    """Speak the approved text of one AudioFile; commits progress so operators can follow it."""
    audio = session.get(AudioFile, audio_id)
    if audio is None or audio.status == "ready" or audio.source != "synthesis":
        return audio
    bulletin = session.get(Bulletin, audio.bulletin_id)
    if bulletin is None or bulletin.content_hash != audio.content_hash:
        audio.status, audio.error = "failed", "Nội dung đã thay đổi; bản âm thanh này bị bỏ."
        commit()
        return audio
    revision = approved_text(session, bulletin)
    settings = for_commune(session, settings, bulletin.commune_id)
    voice = voice_for(session, audio.content_hash, bulletin.language, settings,
                      bulletin.commune_id)
    key = audio.cache_key = voice.key
    if _reuse(session, audio, key, settings.data_dir):
        commit()
        return audio
    audio.attempts, audio.updated_at = audio.attempts + 1, utcnow()

    def stage(name: str) -> None:
        audio.status, audio.updated_at = name, utcnow()
        commit()

    rel = f"audio/{key[:2]}/{key}.mp3"
    with recorded_failure(session, AudioFile, audio_id, commit, "audio.failed",
                          f"bulletin:{bulletin.id}", f"synthesis of audio {audio_id}",
                          audio=audio_id):
        result = _speak(
            voice, settings, revision.title, revision.body, bulletin.language,
            settings.data_dir / rel, on_stage=stage,
            tags={"title": revision.title, "artist": f"Đài truyền thanh {settings.commune}",
                  "date": (bulletin.approved_at or utcnow()).strftime("%Y-%m-%d"),
                  "comment": f"content_hash={audio.content_hash}"})
    audio.engine, audio.settings, audio.fallback = result.engine, result.settings, result.fallback
    audio.path, audio.size_bytes, audio.duration_s = rel, result.size_bytes, result.duration_s
    audio.lufs, audio.true_peak = result.lufs, result.true_peak
    audio.status, audio.error, audio.updated_at = "ready", "", utcnow()
    audit.record(session, "system", "audio.ready", f"bulletin:{audio.bulletin_id}",
                 audio=audio.id, engine=result.engine, fallback=result.fallback,
                 content_hash=audio.content_hash, worker=f"{socket.gethostname()}:{os.getpid()}")
    commit()
    return audio


def _preview_voice(session: Session, bulletin: Bulletin,
                   settings: AudioSettings) -> tuple[str, Voice, Path, AudioSettings]:
    from bulletins.text import content_hash

    digest = content_hash(bulletin.title, bulletin.body)
    settings = for_commune(session, settings, bulletin.commune_id)
    voice = voice_for(session, digest, bulletin.language, settings, bulletin.commune_id)
    # "-bare": no jingles and no leading silence (files made before that are not reused)
    return digest, voice, settings.data_dir / "preview" / f"{voice.key}-bare.mp3", settings


def preview_made(session: Session, bulletin: Bulletin, settings: AudioSettings) -> bool:
    """Whether the working text's preview is already on disk (it plays at once)."""
    return _preview_voice(session, bulletin, settings)[2].is_file()


def preview(session: Session, bulletin: Bulletin, settings: AudioSettings) -> Path:
    """Speech of the working text for reviewers and leaders, cached, never published; staff
    opening it together wait for one synthesis (a long text's takes minutes, a core each)."""
    from audio.mix import one_at_a_time
    digest, voice, out, settings = _preview_voice(session, bulletin, settings)
    with one_at_a_time(out):
        if not out.is_file():
            _speak(voice, settings, bulletin.title, bulletin.body, bulletin.language, out,
                   tags={"title": f"[Nghe thử] {bulletin.title}", "artist": settings.commune,
                         "date": utcnow().strftime("%Y-%m-%d"), "comment": f"preview={digest}"},
                   bare=True)
    return out


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
    """Make the audio of a bulletin's approved text again after a failure or in fallback speech."""
    if not actor.role_names & {"operator", "leader", "admin"}:
        raise NotAllowed("Cần vai trò vận hành đài, lãnh đạo hoặc quản trị.")
    bulletin = get_bulletin(session, bulletin_id, actor)
    if bulletin.status not in (State.APPROVED, State.PUBLISHED):
        raise InvalidTransition("Chỉ làm lại âm thanh của bản tin đã duyệt.")
    audio = request_audio(session, bulletin)
    if audio is None:
        raise InvalidTransition("Bản tin này không phát trên đài.")
    if audio.status == "ready" and audio.fallback:  # the better voice may answer now
        audio.status, audio.check_status, audio.updated_at = "queued", None, utcnow()
        outbox(session).append(("synthesize", {
            "audio_id": audio.id, "priority": PRIORITY_RANK.get(bulletin.priority, 0)}))
    audit.record(session, actor.username, "audio.retry", f"bulletin:{bulletin.id}",
                 audio=audio.id)
    return audio


def sweep_partials(data_dir: Path, older_than_s: float = 3600) -> int:
    """Remove temporary files a killed job left behind (never served: they are not `path`s).

    Ages are read against the file system's own clock (the mtime of a file touched now), not
    the process's: a skewed or moved process clock must never remove a file being written.
    """
    folder = data_dir / "audio"
    if not folder.is_dir():
        return 0
    probe = folder / ".sweep-clock"
    probe.touch()
    removed, limit = 0, probe.stat().st_mtime - older_than_s
    for part in folder.rglob("*.part"):
        if part.stat().st_mtime < limit:
            part.unlink(missing_ok=True)
            removed += 1
    return removed
