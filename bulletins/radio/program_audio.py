"""A program's sound and paper: the MP3 job, the announcer's script and the M3U playlist.

Only approved text is spoken (``approved_text``), with the bulletin audio's engine settings.
Speech is cached per text and settings, so rebuilding a reordered or stale program only speaks
what is new; a person's uploaded reading of the approved text is used instead of synthesis.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins import audit, tenancy
from bulletins.clock import local_date, local_time, utcnow
from bulletins.confidentiality import rules
from bulletins.editorial.queries import approved_text
from bulletins.models import AudioFile, Bulletin, Program
from bulletins.radio.schedule import WEEKDAYS, part_of_day, unfit_reason
from bulletins.radio.upkeep import check_programs
from bulletins.speech.checks import handed_out
from bulletins.speech.failures import recorded_failure
from bulletins.speech.synthesis import (
    AudioSettings,
    engine_for,
    for_commune,
    jingles,
    normalizer,
)

LEAD_IN = 0.3
AFTER_JINGLE = 0.6
AFTER_OPENING = 1.0
AFTER_TITLE = 0.8
AFTER_BULLETIN = 1.5
BEFORE_OUTRO = 0.8


@dataclass(frozen=True)
class Piece:
    """One block of the script: a heading and the words read under it."""

    heading: str
    title: str
    body: str
    language: str = "vi"
    bulletin_id: int | None = None


def opening_text(commune: str, program: Program) -> str:
    """"Đài Truyền thanh xã …, chương trình phát thanh sáng thứ … ngày …"."""
    day = program.air_date
    kind = ("chương trình phát thanh khẩn cấp" if program.slot_id is None else
            f"chương trình phát thanh {part_of_day(local_time(program.starts_at).hour)}")
    return (f"Đài Truyền thanh {commune}, {kind} {WEEKDAYS[day.weekday()]} "
            f"ngày {day.day} tháng {day.month} năm {day.year}.")


def closing_text(commune: str) -> str:
    return (f"Chương trình phát thanh của Đài Truyền thanh {commune} đến đây là kết thúc. "
            "Cảm ơn quý vị và các bạn đã chú ý lắng nghe.")


def script(session: Session, program: Program, commune: str | None = None) -> list[Piece]:
    """The program in order, with the approved texts: what the MP3 says and an announcer reads.

    commune: the station's name spoken in the opening and close; by default the program's
    commune's (the province's for a province program)."""
    commune = commune or tenancy.name_of(session, program.commune_id) or ""
    pieces = [Piece("Mở đầu", "", opening_text(commune, program))]
    for number, item in enumerate(program.items, start=1):
        revision = approved_text(session, item.bulletin)
        pieces.append(Piece(f"Tin {number}", revision.title, revision.body,
                            item.bulletin.language, item.bulletin_id))
    pieces.append(Piece("Kết thúc", "", closing_text(commune)))
    return pieces


def playlist(entries: Sequence[tuple[float, str, str]]) -> str:
    """An extended M3U of (seconds, title, url) entries."""
    lines = ["#EXTM3U"]
    for seconds, title, url in entries:
        lines += [f"#EXTINF:{round(seconds)},{title.replace(chr(10), ' ')}", url]
    return "\n".join(lines) + "\n"


def recording(session: Session, bulletin: Bulletin) -> AudioFile | None:
    """A person's newest ready reading of the approved text, if it may air (never held)."""
    newest = session.scalar(select(AudioFile).where(
        AudioFile.bulletin_id == bulletin.id, AudioFile.source == "recording",
        AudioFile.status == "ready", AudioFile.content_hash == bulletin.content_hash)
        .order_by(AudioFile.id.desc()))
    return newest if handed_out(newest) else None


class Speaker:
    """Speaks texts into WAV files through a cache keyed by text and engine settings."""

    def __init__(self, settings: AudioSettings, lexicon: tuple[dict, dict], work: Path) -> None:
        self.settings, self.work, self.count = settings, work, 0
        self.cache = settings.data_dir / "speech"
        self.normalize = normalizer(lexicon)
        self.engine = engine_for(settings)
        material = {k: v for k, v in asdict(settings).items()
                    if k in ("engine", "piper_voice", "espeak_speed", "espeak_gap")}
        self.material = json.dumps([material, lexicon], sort_keys=True, ensure_ascii=False)
        self.voices: set[str] = set()

    def __call__(self, text: str, language: str) -> Path:
        """A WAV of the text, from the cache when it was spoken before with these settings."""
        spoken = self.normalize(text) if language == "vi" else text
        key = hashlib.sha256(json.dumps([spoken, language, self.material],
                                        ensure_ascii=False).encode()).hexdigest()
        folder = self.cache / key[:2]
        found = sorted(folder.glob(f"{key}.*.wav"))
        if found:
            self.voices.add(found[0].suffixes[-2].lstrip("."))
            return found[0]
        self.count += 1
        out = self.work / f"speech{self.count}.wav"
        self.engine.synthesize(spoken, language, out)
        used = getattr(self.engine, "last_engine", None) or self.engine.name
        self.voices.add(used)
        if getattr(self.engine, "last_fallback", False):
            return out  # fallback speech is not kept: the better voice may answer next time
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"{key}.{used}.wav"
        out.replace(kept)
        return kept


def sections(session: Session, pieces: Sequence[Piece], speak: Callable[[str, str], Path],
             jingle_parts: tuple[Path, Path], data_dir: Path
             ) -> list[tuple[str, list[Path | float]]]:
    """Titled sections for chapter marks: opening, each bulletin, close."""
    opening, *news, closing = pieces
    intro, outro = jingle_parts
    result: list[tuple[str, list[Path | float]]] = [(opening.heading, [
        LEAD_IN, intro, AFTER_JINGLE, speak(opening.body, "vi"), AFTER_OPENING])]
    for piece in news:
        reading = recording(session, session.get(Bulletin, piece.bulletin_id))
        if reading is not None and reading.path:
            parts: list[Path | float] = [data_dir / reading.path]
        else:
            parts = [speak(piece.title, piece.language), AFTER_TITLE]
            parts.append(speak(piece.body, piece.language))
        result.append((f"{piece.heading}: {piece.title}", [*parts, AFTER_BULLETIN]))
    result.append((closing.heading, [speak(closing.body, "vi"), BEFORE_OUTRO, outro, LEAD_IN]))
    return result


def build_key(program: Program, settings: AudioSettings, jingle_parts: tuple[Path, Path],
              extra: str) -> str:
    """Everything that shapes the program's sound; an unchanged key needs no rebuild."""
    digests = [hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in jingle_parts]
    material = {k: v for k, v in asdict(settings).items() if k != "data_dir"}
    payload = [[(i.bulletin_id, i.bulletin.content_hash) for i in program.items],
               program.title, material, digests, extra]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False,
                                     default=str).encode()).hexdigest()


def build(session: Session, program_id: int, settings: AudioSettings,
          commit: Callable[[], None]) -> Program | None:
    """The program's MP3: jingles, spoken opening, titles and texts, close; one master pass."""
    from audio.mix import program_layout, render

    program = session.get(Program, program_id)
    if program is None or program.status in ("ready", "empty"):
        return program
    if any(unfit_reason(i.bulletin, program.starts_at) for i in program.items):
        check_programs(session, bulletin_id=None)  # never speak a withdrawn bulletin
        commit()
    if not program.items:
        program.status, program.updated_at = "empty", utcnow()
        commit()
        return program
    lexicon = rules.lexicon(session, program.commune_id)
    # the station is the program's commune: in its opening, its close, its tags and its key
    settings = for_commune(session, settings, program.commune_id)
    intro, outro = jingles(settings.data_dir, settings.station)
    pieces = script(session, program, settings.commune)
    key = build_key(program, settings, (intro, outro), json.dumps(lexicon, sort_keys=True))
    if key == program.build_key and program.path and (settings.data_dir / program.path).is_file():
        program.status, program.updated_at = "ready", utcnow()
        commit()
        return program
    program.status, program.error, program.updated_at = "building", "", utcnow()
    commit()
    rel = f"programs/{program.air_date:%Y/%m}/{program.id}-{key[:16]}.mp3"
    with (
        recorded_failure(session, Program, program_id, commit, "program.failed",
                         f"program:{program.id}", f"building program {program_id}"),
        tempfile.TemporaryDirectory(prefix="loa-program-") as tmp,
    ):
        speak = Speaker(settings, lexicon, Path(tmp))
        layout = sections(session, pieces, speak, (intro, outro), settings.data_dir)
        if len(speak.voices) > 1:  # the online voice failed midway: one voice throughout
            speak = Speaker(AudioSettings(**{**asdict(settings), "engine": "espeak"}),
                            lexicon, Path(tmp))
            layout = sections(session, pieces, speak, (intro, outro), settings.data_dir)
        parts, chapters = program_layout(layout)
        out = settings.data_dir / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        done = render(parts, out, chapters=chapters, target_lufs=settings.loudness_target,
                      tags={"title": program.title,
                            "artist": f"Đài truyền thanh {settings.commune}",
                            "album": "Chương trình phát thanh",
                            "date": program.air_date.isoformat(),
                            "comment": f"program={program.id} key={key[:16]}"})
    old = program.path
    program.path, program.build_key, program.built_at = rel, key, utcnow()
    program.size_bytes, program.duration_s = done.size_bytes, round(done.duration_s, 3)
    program.lufs, program.true_peak = done.lufs, done.true_peak
    program.chapters = [[title, round(start, 3), round(end, 3)] for title, start, end in chapters]
    for item in program.items:
        item.built_hash = item.bulletin.content_hash
    program.status, program.updated_at = "ready", utcnow()
    audit.record(session, "system", "program.ready", f"program:{program.id}", key=key[:16],
                 duration=program.duration_s, bulletins=program.bulletin_ids,
                 day=local_date(program.starts_at).isoformat())
    commit()
    if old and old != rel:
        (settings.data_dir / old).unlink(missing_ok=True)
    return program
