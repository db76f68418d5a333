"""A bulletin's audio: speak title and body, mix with jingles and pauses, master, tag."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from audio.engines import Engine, SynthesisError
from audio.measure import run
from audio.mix import FF, Part, render

LEAD_IN = 0.3  # seconds of silence at the very start and end, so players do not clip words
#: a preview starts speaking at once: no jingle, the engine's own leading silence cut, and
#: only this much silence kept before the first word
PREVIEW_LEAD_IN = 0.1
#: quieter than this (dBFS) at the start of speech counts as silence to cut
SILENCE_DB = -50
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


def trim_leading_silence(wav: Path, out_wav: Path) -> Path:
    """Cut the silence an engine put before its first word (gTTS, Piper and espeak-ng do)."""
    run([*FF, "-i", str(wav), "-af",
         f"silenceremove=start_periods=1:start_threshold={SILENCE_DB}dB:detection=peak",
         "-c:a", "pcm_s16le", "-f", "wav", str(out_wav)])
    return out_wav


def make_bulletin_audio(title: str, body: str, *, language: str, engine: Engine, out_mp3: Path,
                        tags: dict[str, str], normalize: Callable[[str], str] | None = None,
                        target_lufs: float = -16.0, bitrate: str = "64k",
                        intro: Path | None = None, outro: Path | None = None,
                        on_stage: Callable[[str], None] | None = None,
                        lead_in: float = LEAD_IN, trim_start: bool = False) -> AudioResult:
    """Speak a bulletin into a tagged, loudness-normalized mono MP3 written atomically.

    trim_start: cut the engine's silence before the first word (previews start at once).
    """
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
        if trim_start:
            speech[0] = trim_leading_silence(speech[0], work / "trimmed0.wav")
        parts: list[Part] = [lead_in]
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
