"""Hearing what airs (CONTRACT §8): readings checked against their text, speech's clarity.

A background job hands each ready audio file to an offline recognizer (the caller's ``hear``)
and aligns what it heard, word by word, with the spoken form of the text the file was made
for (``normalize_vi`` with the admin's lexicon; a reading may leave out the title, so the
better of with and without the title counts). A person's reading is then ``matched`` (word
error rate at most the limit) or ``held``: a held reading is never handed out — not to the
API, the feeds or the radio — until a leader accepts it with a comment, or it is replaced.
Synthesized speech gets the same figure as its clarity ("độ rõ"), never held. When nothing
could be heard (no recognizer, silence, an English bulletin) the file is ``unchecked``, and
says so: never silently matched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.clock import utcnow
from bulletins.common import get_bulletin, outbox, require_role
from bulletins.confidentiality import rules
from bulletins.editorial.queries import latest_audio
from bulletins.errors import Conflict, InvalidTransition, NotFound, ValidationError
from bulletins.models import AudioFile, Bulletin, Revision, User
from bulletins.speech.synthesis import normalizer
from bulletins.text import content_hash
from bulletins.validation import text_field

log = logging.getLogger(__name__)

#: a reading in these states may air; "held" and "checking" ones wait
HANDED_OUT = ("matched", "accepted", "unchecked")
WITHHELD = ("held", "checking")
COMMENT_LIMIT = 2000
STUCK_CHECK = timedelta(minutes=15)

Hear = Callable[[Path], "str | None"]


class RecordingHeld(Conflict):
    """The reading differs too much from its approved text; a leader has not accepted it."""

    code = "recording_held"


@dataclass(frozen=True)
class CheckSettings:
    data_dir: Path
    #: a reading heard with a higher word error rate than this is held (READING_MAX_WER)
    max_wer: float = 0.25


def queue_check(session: Session, audio: AudioFile) -> None:
    """Ask the job queue to hear this audio file once it is committed."""
    audio.check_status = "checking"
    outbox(session).append(("check_audio", {"audio_id": audio.id}))


def requeue_stale(session: Session, now: datetime | None = None) -> list[int]:
    """Ask again to hear files whose check was lost (its worker killed, the queue flushed)."""
    now = now or utcnow()
    stale = session.scalars(select(AudioFile).where(
        AudioFile.check_status == "checking", AudioFile.updated_at < now - STUCK_CHECK)).all()
    for audio in stale:
        audio.updated_at = now
        queue_check(session, audio)
    return [a.id for a in stale]


def withheld(audio: AudioFile | None) -> bool:
    """Whether this is a reading that may not be handed out (held, or still being heard)."""
    return audio is not None and audio.source == "recording" and audio.check_status in WITHHELD


def being_heard(audio: AudioFile | None) -> bool:
    """A reading still being heard: not handed out yet, as audio still being made."""
    return withheld(audio) and audio.check_status == "checking"


def handed_out(audio: AudioFile | None) -> bool:
    """Whether this audio may go to the public, the API and the radio now."""
    return audio is not None and audio.status == "ready" and not withheld(audio)


def refuse_withheld(audio: AudioFile | None) -> None:
    """RecordingHeld (409) for a held reading, Conflict (409) for one still being heard."""
    if withheld(audio) and not being_heard(audio):
        raise RecordingHeld("Bản ghi âm khác văn bản đã duyệt nên đang bị giữ lại: lãnh đạo "
                            "cần nghe và chấp nhận, hoặc tải lên bản ghi âm khác.")
    if withheld(audio):
        raise Conflict("Bản ghi âm đang được nghe lại để so với văn bản; hãy chờ ít phút.")


def refuse_unaired(session: Session, bulletins: list[Bulletin]) -> None:
    """Refuse (409) to put in a program a bulletin whose reading may not air."""
    for bulletin in bulletins:
        refuse_withheld(latest_audio(session, bulletin))


def current_reading(session: Session, bulletin: Bulletin) -> AudioFile | None:
    """The newest ready reading of the bulletin's working or approved text, if any."""
    hashes = {content_hash(bulletin.title, bulletin.body), bulletin.content_hash or ""}
    return session.scalar(select(AudioFile).where(
        AudioFile.bulletin_id == bulletin.id, AudioFile.source == "recording",
        AudioFile.status == "ready", AudioFile.content_hash.in_(hashes))
        .order_by(AudioFile.id.desc()))


def report(audio: AudioFile) -> dict:
    """The reading's check as CONTRACT §8 shows it."""
    return {"status": audio.check_status or "unchecked", "wer": audio.wer,
            "differences": [s for s in audio.alignment or [] if s.get("op") != "same"]}


def _expected(session: Session, audio: AudioFile) -> Revision | None:
    """The saved text this audio was made for (its content hash)."""
    return session.scalar(select(Revision).where(
        Revision.bulletin_id == audio.bulletin_id, Revision.content_hash == audio.content_hash)
        .order_by(Revision.number.desc()))


def compare_spoken(session: Session, title: str, body: str, heard: str,
                   commune_id: int | None = None):
    """The better alignment of what was heard with the spoken title and body, or body alone."""
    from audio.alignment import compare

    speak = normalizer(rules.lexicon(session, commune_id))
    title_spoken, body_spoken = speak(title), speak(body)
    with_title = compare(f"{title_spoken} {body_spoken}", heard)
    without = compare(body_spoken, heard)
    return without if without.wer < with_title.wer else with_title


def _hear(hear: Hear, path: Path) -> str | None:
    try:
        return hear(path)
    except Exception:  # a recognizer's trouble leaves the file unchecked, never a retry loop
        log.exception("hearing %s failed", path)
        return None


def check_audio(session: Session, audio_id: int, hear: Hear, settings: CheckSettings,
                commit: Callable[[], None]) -> AudioFile | None:
    """Hear one ready audio file and record what differs from its text (the job's work)."""
    audio = session.get(AudioFile, audio_id)
    if audio is None or audio.status != "ready" or audio.check_status != "checking":
        return audio
    bulletin = session.get(Bulletin, audio.bulletin_id)
    revision = _expected(session, audio)
    heard = None
    if revision is not None and bulletin.language == "vi" and audio.path:
        heard = _hear(hear, settings.data_dir / audio.path)
    audio.heard = heard or ""
    if not (heard or "").strip():
        audio.check_status, audio.wer, audio.alignment = "unchecked", None, []
    else:
        found = compare_spoken(session, revision.title, revision.body, heard,
                               bulletin.commune_id)
        audio.wer = round(found.wer, 4)
        audio.alignment = [s.as_dict() for s in found.segments]
        if audio.source != "recording":
            audio.check_status = "measured"
        else:
            audio.check_status = "matched" if found.wer <= settings.max_wer else "held"
    if audio.source == "recording":  # its public state changed (feeds read updated_at)
        audio.updated_at = utcnow()
    audit.record(session, "system", "audio.checked", f"bulletin:{audio.bulletin_id}",
                 audio=audio.id, status=audio.check_status, wer=audio.wer)
    commit()
    return audio


def accept_reading(session: Session, actor: User, bulletin_id: int, comment: object) -> AudioFile:
    """A leader airs a held reading anyway, saying why (audited)."""
    require_role(actor, "leader")
    errors: dict[str, str] = {}
    text = (text_field(errors, {"comment": comment}, "comment", COMMENT_LIMIT, True) or "")
    if errors or not text.strip():
        raise ValidationError("Cần ghi lý do chấp nhận bản ghi âm.",
                              fields=errors or {"comment": "Bắt buộc."})
    bulletin = get_bulletin(session, bulletin_id, actor, acts=True)
    audio = current_reading(session, bulletin)
    if audio is None:
        raise NotFound("Bản tin này không có bản ghi âm.")
    if audio.check_status != "held":
        raise InvalidTransition("Chỉ chấp nhận được bản ghi âm đang bị giữ lại.")
    audio.check_status, audio.accepted_by_id = "accepted", actor.id
    audio.accepted_at = audio.updated_at = utcnow()
    audio.accept_comment = text.strip()
    audit.record(session, actor.username, "audio.recording_accepted", f"bulletin:{bulletin.id}",
                 audio=audio.id, wer=audio.wer, comment=audio.accept_comment)
    return audio
