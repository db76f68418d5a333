"""Speech engines behind one interface: gTTS (online), espeak-ng and Piper (offline)."""

from __future__ import annotations

import functools
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from audio.measure import FFMPEG, AudioError, run
from audio.piper_voice import PiperEngine
from audio.speech import Engine, SynthesisError, atomic_wav, speech_pieces

__all__ = ["AutoEngine", "Breaker", "Engine", "EspeakEngine", "GttsEngine", "PiperEngine",
           "SynthesisError", "make_engine", "shared_breaker", "speech_pieces"]

ESPEAK = "espeak-ng"


class EspeakEngine:
    """espeak-ng, at loudspeaker pace by default."""

    name = "espeak"
    voices = {"vi": "vi", "en": "en"}

    def __init__(self, *, speed: int = 130, gap: int = 3, timeout: float = 300) -> None:
        self.speed, self.gap, self.timeout = speed, gap, timeout

    def settings(self) -> dict:
        """Voice table, speed (words/min) and gap between words (10 ms units)."""
        return {"engine": self.name, "voices": dict(self.voices),
                "speed": self.speed, "gap": self.gap}

    def command(self, language: str, out_wav: Path) -> list[str]:
        """The espeak-ng argv; the text goes on stdin so it is never parsed as options."""
        voice = self.voices.get(language)
        if voice is None:
            raise SynthesisError(f"espeak: no voice for language {language!r}")
        return [ESPEAK, "-v", voice, "-s", str(self.speed), "-g", str(self.gap),
                "-b", "1", "-w", str(out_wav), "--stdin"]

    def synthesize(self, text: str, language: str, out_wav: Path) -> None:
        """Speak text with espeak-ng into out_wav."""
        if not text.strip():
            raise SynthesisError("nothing to say")
        with atomic_wav(out_wav) as tmp:
            try:
                run(self.command(language, tmp), stdin=text.encode("utf-8"),
                    timeout=self.timeout)
            except AudioError as exc:
                raise SynthesisError(f"espeak-ng: {exc}") from exc


class GttsEngine:
    """Google Translate's speech via gTTS, with timeouts and an overall deadline."""

    name = "gtts"

    def __init__(self, *, connect_timeout: float = 3, read_timeout: float = 10,
                 deadline: float = 60, tld: str = "com",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
        self.deadline, self.tld, self.clock = deadline, tld, clock

    def settings(self) -> dict:
        """Google's domain and the limits applied to its requests."""
        return {"engine": self.name, "tld": self.tld, "slow": False,
                "timeout": [self.connect_timeout, self.read_timeout],
                "deadline": self.deadline}

    def _timeout(self, end: float) -> tuple[float, float]:
        """Per-request timeouts, cut short so no request outlives the deadline."""
        left = end - self.clock()
        if left <= 0:
            raise SynthesisError(f"gtts: deadline of {self.deadline:g} s passed")
        return min(self.connect_timeout, left), min(self.read_timeout, left)

    def synthesize(self, text: str, language: str, out_wav: Path) -> None:
        """Fetch MP3 speech chunk by chunk within the deadline, then convert it to WAV."""
        from gtts.tts import gTTS, gTTSError

        if not text.strip():
            raise SynthesisError("nothing to say")
        end = self.clock() + self.deadline
        try:
            tts = gTTS(text, lang=language, tld=self.tld, lang_check=False,
                       timeout=self._timeout(end))
            with tempfile.TemporaryDirectory(prefix="loa-gtts-") as tmp:
                mp3 = Path(tmp) / "speech.mp3"
                with mp3.open("wb") as fh:
                    for chunk in tts.stream():
                        fh.write(chunk)
                        tts.timeout = self._timeout(end)  # applies to the next chunk's request
                if mp3.stat().st_size == 0:
                    raise SynthesisError("gtts: empty answer")
                with atomic_wav(out_wav) as part:
                    run([FFMPEG, "-hide_banner", "-nostdin", "-y", "-i", str(mp3),
                         "-ac", "1", "-c:a", "pcm_s16le", "-f", "wav", str(part)])
        except SynthesisError:
            raise
        except AssertionError as exc:  # gTTS asserts when only punctuation is left
            raise SynthesisError("gtts: nothing to say") from exc
        except gTTSError as exc:
            status = getattr(getattr(exc, "rsp", None), "status_code", None)
            if status == 429:
                raise SynthesisError("rate limited") from exc
            raise SynthesisError(f"gtts: {exc}") from exc
        except AudioError as exc:
            raise SynthesisError(f"gtts: {exc}") from exc


class Breaker:
    """Skips a failing service for `cooldown` seconds after each failure."""

    def __init__(self, cooldown: float = 300, clock: Callable[[], float] = time.monotonic) -> None:
        self.cooldown, self.clock = cooldown, clock
        self.open_until = float("-inf")

    def allows(self) -> bool:
        """True when the service may be tried."""
        return self.clock() >= self.open_until

    def trip(self) -> None:
        """Record a failure: skip the service for the cooldown."""
        self.open_until = self.clock() + self.cooldown


@functools.cache
def shared_breaker() -> Breaker:
    """The process-wide breaker for Google, made on first use, kept across bulletins."""
    return Breaker()


class AutoEngine:
    """gTTS when it answers, else the Piper voice installed for the language, else espeak-ng.

    A gTTS failure skips gTTS for `cooldown` s; the voices map a language ("vi") to a Piper
    engine, and one that fails (missing, cannot load) hands over to espeak-ng.
    """

    name = "auto"

    def __init__(self, primary: GttsEngine | None = None, fallback: EspeakEngine | None = None,
                 *, voices: Mapping[str, Engine] | None = None, cooldown: float = 300,
                 clock: Callable[[], float] = time.monotonic,
                 breaker: Breaker | None = None) -> None:
        self.primary = primary or GttsEngine(clock=clock)
        self.fallback = fallback or EspeakEngine()
        self.voices = dict(voices or {})
        self.breaker = breaker or Breaker(cooldown, clock)
        self.used: Engine | None = None
        self.last_engine: str | None = None
        self.last_fallback = False
        self.last_error: str | None = None
        self.passed_over: list[str] = []

    def settings(self) -> dict:
        """Settings of the engine that produced the last file, and what was passed over."""
        extra = {"passed_over": list(self.passed_over)} if self.passed_over else {}
        return {**(self.used or self.fallback).settings(), **extra, "requested": self.name}

    def _try(self, engine: Engine, text: str, language: str, out_wav: Path) -> bool:
        try:
            engine.synthesize(text, language, out_wav)
        except SynthesisError as exc:
            self.last_error = str(exc)
            self.passed_over.append(self.last_error)
            return False
        self.used, self.last_engine = engine, engine.name
        self.last_fallback = engine is not self.primary
        return True

    def synthesize(self, text: str, language: str, out_wav: Path) -> None:
        """Try gTTS unless the breaker is open, then the language's Piper voice, then espeak."""
        self.passed_over = []
        if self.breaker.allows():
            if self._try(self.primary, text, language, out_wav):
                return
            self.breaker.trip()
        voice = self.voices.get(language)
        if voice is not None and self._try(voice, text, language, out_wav):
            return
        self.fallback.synthesize(text, language, out_wav)
        self.used, self.last_engine, self.last_fallback = self.fallback, self.fallback.name, True


def make_engine(name: str, *, piper_voice: str | None = None,
                voices: Mapping[str, str | Path] | None = None, speed: int = 130,
                gap: int = 3) -> Engine:
    """The engine called name: "auto", "gtts", "espeak" or "piper".

    voices: the installed Piper voice (.onnx path) chosen for each language, for "auto".
    """
    if name == "espeak":
        return EspeakEngine(speed=speed, gap=gap)
    if name == "gtts":
        return GttsEngine()
    if name == "auto":
        return AutoEngine(GttsEngine(), EspeakEngine(speed=speed, gap=gap),
                          voices={lang: PiperEngine(path, language=lang)
                                  for lang, path in (voices or {}).items()},
                          breaker=shared_breaker())
    if name == "piper":
        if not piper_voice:
            raise ValueError("TTS_ENGINE=piper needs PIPER_VOICE, the path of a .onnx voice")
        return PiperEngine(piper_voice)
    raise ValueError(f"unknown TTS engine {name!r}; use auto, gtts, espeak or piper")
