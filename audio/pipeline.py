"""A bulletin's audio: speak title and body, mix with jingles and pauses, master, tag."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from audio.engines import Engine, SynthesisError
from audio.mix import Part, render

LEAD_IN = 0.3  # seconds of silence at the very start and end, so players do not clip words
AFTER_JINGLE = 0.6
AFTER_TITLE = 1.0
BEFORE_JINGLE = 0.8


@dataclass
class AudioResult:
    """What was produced and how it measured."""

    engine: str
    settings: dict = field(default_factory=dict)
    fallback: bool = False
    duration_s: float = 0.0
    size_bytes: int = 0
    lufs: float = 0.0
    true_peak: float = 0.0


def _speak_all(engine: Engine, texts: list[str], language: str, work: Path) -> list[Path]:
    """Synthesize each text; redo them all if an auto engine switched voices midway."""
    for _attempt in range(2):
        wavs, used = [], set()
        for index, text in enumerate(texts):
            wav = work / f"speech{index}.wav"
            engine.synthesize(text, language, wav)
            wavs.append(wav)
            used.add(getattr(engine, "last_engine", None) or engine.name)
        if len(used) <= 1:
            return wavs
    raise SynthesisError("the speech engine kept switching voices")


def make_bulletin_audio(title: str, body: str, *, language: str, engine: Engine, out_mp3: Path,
                        tags: dict[str, str], normalize: Callable[[str], str] | None = None,
                        target_lufs: float = -16.0, bitrate: str = "64k",
                        intro: Path | None = None, outro: Path | None = None,
                        on_stage: Callable[[str], None] | None = None) -> AudioResult:
    """Speak a bulletin into a tagged, loudness-normalized mono MP3 written atomically."""
    stage = on_stage or (lambda _name: None)
    if normalize is not None and language == "vi":
        title, body = normalize(title), normalize(body)
    texts = [t for t in (title.strip(), body.strip()) if t]
    if not texts:
        raise SynthesisError("the bulletin has neither title nor body")
    with tempfile.TemporaryDirectory(prefix="loa-bulletin-") as tmp:
        work = Path(tmp)
        stage("synthesizing")
        speech = _speak_all(engine, texts, language, work)
        stage("mixing")
        parts: list[Part] = [LEAD_IN]
        if intro is not None:
            parts += [intro, AFTER_JINGLE]
        parts.append(speech[0])
        for wav in speech[1:]:
            parts += [AFTER_TITLE, wav]
        if outro is not None:
            parts += [BEFORE_JINGLE, outro]
        parts.append(LEAD_IN)
        done = render(parts, out_mp3, tags=tags, target_lufs=target_lufs, bitrate=bitrate)
    used = getattr(engine, "last_engine", None) or engine.name
    return AudioResult(
        engine=used,
        settings={**engine.settings(), "language": language, "bitrate": bitrate,
                  "target_lufs": target_lufs},
        fallback=bool(getattr(engine, "last_fallback", False)),
        duration_s=round(done.duration_s, 3),
        size_bytes=done.size_bytes,
        lufs=done.lufs,
        true_peak=done.true_peak,
    )
