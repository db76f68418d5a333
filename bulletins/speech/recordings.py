"""People's recorded readings and the station's jingles: uploads checked by content, not name."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.clock import utcnow
from bulletins.errors import InvalidTransition, NotAllowed, ValidationError
from bulletins.models import AudioFile, Bulletin, User
from bulletins.services import get_bulletin
from bulletins.speech.checks import queue_check
from bulletins.speech.synthesis import AudioSettings, own_station, station_dir
from bulletins.text import content_hash
from bulletins.workflow import State

MAX_BYTES = 50 * 1024 * 1024
MAX_SECONDS = 30 * 60
JINGLE_MAX_SECONDS = 30
SILENT_LUFS = -50.0  #: a reading quieter than this is refused (CONTRACT §8)
#: ffprobe's format names for MP3, WAV and M4A (the ISO family)
FORMATS = {"mp3": "MP3", "wav": "WAV", "mov,mp4,m4a,3gp,3g2,mj2": "M4A"}
BEFORE_APPROVAL = (State.DRAFT, State.IN_REVIEW, State.AWAITING_APPROVAL)
AFTER_APPROVAL = (State.APPROVED, State.PUBLISHED)


def inspect(path: Path, max_seconds: float = MAX_SECONDS) -> dict:
    """Probe an uploaded file; refuse (422) anything but real MP3/WAV/M4A audio within limits."""
    from audio.measure import AudioError, probe

    size = path.stat().st_size
    if size == 0:
        raise ValidationError("Tệp rỗng.", fields={"file": "empty"})
    if size > MAX_BYTES:
        raise ValidationError(f"Tệp quá lớn (tối đa {MAX_BYTES // 1024 // 1024} MB).",
                              fields={"file": "too_large"})
    try:
        info = probe(path)
    except AudioError:
        info = {}
    if info.get("format") not in FORMATS or not info.get("codec"):
        raise ValidationError("Không đọc được tệp âm thanh: chỉ nhận MP3, WAV hoặc M4A.",
                              fields={"file": "type"})
    duration = float(info.get("duration") or 0)
    if not 0.5 <= duration <= max_seconds:
        raise ValidationError(f"Độ dài phải từ 0,5 giây đến {max_seconds / 60:g} phút.",
                              fields={"file": "duration"})
    return info


def refuse_silence(path: Path) -> None:
    """Refuse (422) a file with no speech to hear: quieter than SILENT_LUFS."""
    from audio.measure import AudioError, loudness

    try:
        lufs, _peak = loudness(path)
    except AudioError as error:
        raise ValidationError("Không đọc được tệp âm thanh: chỉ nhận MP3, WAV hoặc M4A.",
                              fields={"file": "type"}) from error
    if lufs < SILENT_LUFS:
        raise ValidationError("Bản ghi âm im lặng hoặc quá nhỏ (dưới −50 LUFS): không có gì "
                              "để nghe.", fields={"file": "silent"})


def _bound_hash(bulletin: Bulletin, actor: User) -> str:
    """The text a recording reads: the working text before approval, the approved one after."""
    if bulletin.status in BEFORE_APPROVAL:
        if "editor" not in actor.role_names:
            raise NotAllowed("Trước khi duyệt, chỉ biên tập viên được gửi bản ghi âm.")
        return content_hash(bulletin.title, bulletin.body)
    if bulletin.status in AFTER_APPROVAL:
        if not actor.role_names & {"operator", "leader"}:
            raise NotAllowed("Sau khi duyệt, chỉ vận hành đài hoặc lãnh đạo được gửi bản ghi âm.")
        return bulletin.content_hash or ""
    raise InvalidTransition("Bản tin đã kết thúc; không nhận bản ghi âm.")


def attach_recording(session: Session, actor: User, bulletin_id: int, upload: Path | None,
                     settings: AudioSettings) -> AudioFile:
    """Use a person's reading instead of synthesis: levelled and tagged like synthesized audio.

    The reading is then heard by a background job (``checks.check_audio``): until it is found
    to match its text (or a leader accepts it), it is not handed out.
    """
    from audio.mix import render

    bulletin = get_bulletin(session, bulletin_id, actor, acts=True)
    if not bulletin.has_channel("radio"):
        raise InvalidTransition("Bản tin này không phát trên đài.")
    bound = _bound_hash(bulletin, actor)
    if upload is None:
        raise ValidationError("Hãy chọn một tệp âm thanh.", fields={"file": "required"})
    inspect(upload)
    refuse_silence(upload)
    digest = hashlib.sha256(upload.read_bytes()).hexdigest()
    rel = f"audio/rec/{digest}.mp3"
    out = settings.data_dir / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    done = render([upload], out, target_lufs=settings.loudness_target, tags={
        "title": bulletin.title, "artist": f"Đài truyền thanh {settings.commune}",
        "date": utcnow().strftime("%Y-%m-%d"), "comment": f"content_hash={bound}"})
    audio = AudioFile(bulletin_id=bulletin.id, content_hash=bound, status="ready",
                      source="recording", engine="recording", settings={"uploaded": True},
                      path=rel, size_bytes=done.size_bytes, duration_s=done.duration_s,
                      lufs=done.lufs, true_peak=done.true_peak, uploaded_by_id=actor.id)
    session.add(audio)
    session.flush()
    queue_check(session, audio)
    audit.record(session, actor.username, "audio.recording", f"bulletin:{bulletin.id}",
                 audio=audio.id, content_hash=bound, sha256=digest)
    return audio


def recording_for_text(session: Session, bulletin: Bulletin) -> AudioFile | None:
    """A ready recording of the bulletin's current working text, if one was uploaded."""
    return session.scalar(select(AudioFile).where(
        AudioFile.bulletin_id == bulletin.id, AudioFile.source == "recording",
        AudioFile.status == "ready",
        AudioFile.content_hash == content_hash(bulletin.title, bulletin.body))
        .order_by(AudioFile.id.desc()))


def set_jingle(session: Session, actor: User, which: str, upload: Path | None,
               data_dir: Path) -> None:
    """Replace the intro or outro jingle (admin); None goes back to the generated chime."""
    from audio.measure import run
    from bulletins.accounts import require_admin

    name = require_admin(actor)
    if which not in ("intro", "outro"):
        raise ValidationError("Chỉ có nhạc hiệu mở đầu và kết thúc.", fields={"which": "invalid"})
    station = own_station(actor)  # a commune's admin sets its own, the province's default
    target = (station_dir(data_dir, station) or data_dir) / "jingles" / f"{which}.wav"
    target.parent.mkdir(parents=True, exist_ok=True)
    if upload is None:
        target.unlink(missing_ok=True)
    else:
        inspect(upload, max_seconds=JINGLE_MAX_SECONDS)
        tmp = target.with_suffix(".tmp.wav")
        run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i",
             str(upload), "-ac", "1", "-ar", "22050", str(tmp)])
        shutil.move(tmp, target)
    audit.record(session, name, "jingle.set", f"jingle:{which}", default=upload is None,
                 commune=station)
