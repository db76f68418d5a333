"""Speech engines behind one interface: gTTS (online), espeak-ng and Piper (offline)."""

from __future__ import annotations

import functools
import re
import tempfile
import time
import wave
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from audio.measure import FFMPEG, AudioError, run

if TYPE_CHECKING:
    from piper import PiperVoice

ESPEAK = "espeak-ng"


class SynthesisError(AudioError):
    """Speech could not be produced."""


class Engine(Protocol):
    """Turns text into a WAV file."""

    name: str

    def settings(self) -> dict:
        """JSON-able settings recorded with every file."""
        ...

    def synthesize(self, text: str, language: str, out_wav: Path) -> None:
        """Write speech for text as a WAV file at out_wav; raise SynthesisError."""
        ...


@contextmanager
def _atomic_wav(out_wav: Path) -> Iterator[Path]:
    """A temporary WAV name beside out_wav, renamed over it only when complete."""
    tmp = out_wav.with_name(f".{out_wav.name}.part.wav")
    try:
        yield tmp
        if not tmp.is_file() or tmp.stat().st_size <= 44:
            raise SynthesisError("the engine produced no audio")
        tmp.replace(out_wav)
    finally:
        tmp.unlink(missing_ok=True)


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
        with _atomic_wav(out_wav) as tmp:
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
                with _atomic_wav(out_wav) as part:
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


_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_CLAUSE = re.compile(r"(?<=[,;:])\s+")


def speech_pieces(text: str, max_words: int = 25) -> list[str]:
    """Sentences, with long ones cut at commas and then every max_words words."""
    pieces: list[str] = []
    for sentence in filter(None, (s.strip() for s in _SENTENCE.split(text))):
        current: list[str] = []
        for clause in _CLAUSE.split(sentence):
            words = clause.split()
            if current and len(current) + len(words) > max_words:
                pieces.append(" ".join(current))
                current = []
            current += words
            while len(current) > max_words:
                pieces.append(" ".join(current[:max_words]))
                current = current[max_words:]
        if current:
            pieces.append(" ".join(current))
    return pieces


class PiperEngine:
    """Piper neural voices (English here), offline, one short piece at a time."""

    name = "piper"

    def __init__(self, voice_path: str | Path, *, max_words: int = 18) -> None:
        self.voice_path, self.max_words = Path(voice_path), max_words
        self._voice: PiperVoice | None = None

    def settings(self) -> dict:
        """The voice file used."""
        return {"engine": self.name, "voice": self.voice_path.name,
                "max_words": self.max_words}

    def _load(self) -> PiperVoice:
        """Load the voice once, importing piper only when it is wanted."""
        if self._voice is None:
            try:
                from piper import PiperVoice
            except ImportError as exc:
                raise SynthesisError("piper: install piper-tts to use TTS_ENGINE=piper") from exc
            if not self.voice_path.is_file():
                raise SynthesisError(f"piper: voice file not found: {self.voice_path}")
            try:
                self._voice = PiperVoice.load(self.voice_path)
            except Exception as exc:
                raise SynthesisError(f"piper: cannot load voice: {exc}") from exc
        return self._voice

    def synthesize(self, text: str, language: str, out_wav: Path) -> None:
        """Speak text piece by piece, so memory stays bounded by the longest piece."""
        if not language.startswith("en"):
            raise SynthesisError(f"piper: no voice for language {language!r}")
        pieces = speech_pieces(text, self.max_words)
        if not pieces:
            raise SynthesisError("nothing to say")
        voice = self._load()
        rate = voice.config.sample_rate
        with _atomic_wav(out_wav) as tmp, wave.open(str(tmp), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            try:
                for piece in pieces:
                    for chunk in voice.synthesize(piece):
                        out.writeframes(chunk.audio_int16_bytes)
            except Exception as exc:
                raise SynthesisError(f"piper: {exc}") from exc


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
    """gTTS when it answers, espeak-ng otherwise; a failure skips gTTS for `cooldown` s."""

    name = "auto"

    def __init__(self, primary: GttsEngine | None = None, fallback: EspeakEngine | None = None,
                 *, cooldown: float = 300, clock: Callable[[], float] = time.monotonic,
                 breaker: Breaker | None = None) -> None:
        self.primary = primary or GttsEngine(clock=clock)
        self.fallback = fallback or EspeakEngine()
        self.breaker = breaker or Breaker(cooldown, clock)
        self.last_engine: str | None = None
        self.last_fallback = False
        self.last_error: str | None = None

    def settings(self) -> dict:
        """Settings of the engine that produced the last file."""
        used = self.primary if self.last_engine == self.primary.name else self.fallback
        return {**used.settings(), "requested": self.name}

    def synthesize(self, text: str, language: str, out_wav: Path) -> None:
        """Try gTTS unless the breaker is open, then fall back to espeak-ng."""
        if self.breaker.allows():
            try:
                self.primary.synthesize(text, language, out_wav)
            except SynthesisError as exc:
                self.breaker.trip()
                self.last_error = str(exc)
            else:
                self.last_engine, self.last_fallback = self.primary.name, False
                return
        self.fallback.synthesize(text, language, out_wav)
        self.last_engine, self.last_fallback = self.fallback.name, True


def make_engine(name: str, *, piper_voice: str | None = None, speed: int = 130,
                gap: int = 3) -> Engine:
    """The engine called name: "auto", "gtts", "espeak" or "piper"."""
    if name == "espeak":
        return EspeakEngine(speed=speed, gap=gap)
    if name == "gtts":
        return GttsEngine()
    if name == "auto":
        return AutoEngine(GttsEngine(), EspeakEngine(speed=speed, gap=gap),
                          breaker=shared_breaker())
    if name == "piper":
        if not piper_voice:
            raise ValueError("TTS_ENGINE=piper needs PIPER_VOICE, the path of a .onnx voice")
        return PiperEngine(piper_voice)
    raise ValueError(f"unknown TTS engine {name!r}; use auto, gtts, espeak or piper")
