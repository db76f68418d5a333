"""Piper voices for TTS_ENGINE=auto: installed from the command line, chosen per language by
an admin; every change is audited. The files live under DATA_DIR/voices (audio.voices)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from audio import voices
from bulletins import audit
from bulletins.accounts import require_admin
from bulletins.errors import Conflict, ValidationError
from bulletins.models import User
from bulletins.speech.synthesis import own_station, station_dir
from bulletins.validation import LANGUAGES


def install(session: Session, actor: User | None, onnx: Path, config: Path, data_dir: Path,
            *, replace: bool = False) -> tuple[voices.VoiceInfo, bool]:
    """Check and store a voice; it speaks its language when none was chosen for it yet.

    Returns the voice and whether it was chosen. Bad files raise ValidationError and leave
    nothing behind; an installed name raises Conflict unless `replace`.
    """
    name = require_admin(actor)
    try:
        info = voices.install(onnx, config, data_dir, replace=replace)
    except voices.VoiceExists as exc:
        raise Conflict(exc.args[0]) from exc
    except voices.VoiceError as exc:
        raise ValidationError(exc.args[0]) from exc
    audit.record(session, name, "voice.installed", f"voice:{info.name}", language=info.code,
                 sample_rate=info.sample_rate, dataset=info.dataset,
                 sha256=voices.sha256(info.onnx), replaced=replace)
    chosen = info.language in LANGUAGES and info.language not in voices.choices(data_dir)
    if chosen:
        voices.choose(data_dir, info.language, info.name)
        audit.record(session, name, "voice.chosen", f"voice:{info.name}",
                     language=info.language)
    return info, chosen


def choose(session: Session, actor: User | None, chosen: Mapping[str, str | None],
           data_dir: Path) -> list[str]:
    """Speak each language with an installed voice when Google does not answer (admin).

    None or "" means no Piper voice: espeak-ng speaks it. Everything is checked before
    anything changes; returns the languages whose voice changed, each audited.
    """
    who = require_admin(actor)
    installed = {v.name: v for v in voices.installed(data_dir)}
    for language, name in chosen.items():
        if language not in LANGUAGES:
            raise ValidationError("Ngôn ngữ không hợp lệ.", fields={"language": "invalid"})
        voice = installed.get(name) if name else None
        if name and (voice is None or voice.language != language):
            raise ValidationError(f"Giọng '{name}' chưa cài hoặc không đọc ngôn ngữ này.",
                                  fields={language: "invalid"})
    station = own_station(actor)  # a commune's admin chooses its own; None: the province's
    into = station_dir(data_dir, station) or data_dir
    current, changed = voices.choices(into), []
    for language, name in sorted(chosen.items()):
        if (name or None) != current.get(language):
            voices.choose(data_dir, language, name or None, into=into)
            audit.record(session, who, "voice.chosen", f"voice:{name or '-'}",
                         language=language, before=current.get(language), commune=station)
            changed.append(language)
    return changed


def overview(data_dir: Path, actor: User | None = None) -> dict[str, object]:
    """The installed voices and the one chosen for each language, for the admin page: a
    commune admin's own choice ("chosen", empty: the province's) and the province's
    ("province"); "custom" tells which jingles are the admin's scope's own uploads."""
    station = station_dir(data_dir, own_station(actor))
    folder = (station or data_dir) / "jingles"
    return {"installed": voices.installed(data_dir),
            "chosen": voices.choices(station or data_dir), "province": voices.choices(data_dir),
            "commune": station is not None,
            "custom": {w: (folder / f"{w}.wav").is_file() for w in ("intro", "outro")}}
