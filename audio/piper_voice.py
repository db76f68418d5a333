"""Piper neural voices, offline: one voice file (.onnx), its config (.onnx.json), one language.

Piper (piper-tts, GPL-3.0) is optional: it is imported only when a voice is used.
"""

from __future__ import annotations

import json
import wave
from pathlib import Path
from typing import TYPE_CHECKING

from audio.speech import SynthesisError, atomic_wav, speech_pieces

if TYPE_CHECKING:
    from piper import PiperVoice

#: the language a voice speaks when its config says none (PIPER_VOICE was for English)
DEFAULT_LANGUAGE = "en"


def language_family(code: str) -> str:
    """'vi_VN', 'vi-VN' or 'vi' -> 'vi'."""
    return code.replace("-", "_").split("_")[0].lower()


def config_language(config: dict) -> str:
    """The language family a Piper config names: language.family, else language.code."""
    language = config.get("language")
    if not isinstance(language, dict):
        return ""
    family, code = language.get("family"), language.get("code")
    if isinstance(code, str) and code:
        return language_family(code)
    return language_family(family) if isinstance(family, str) else ""


class PiperEngine:
    """One Piper voice, speaking one short piece at a time."""

    name = "piper"

    def __init__(self, voice_path: str | Path, *, language: str | None = None,
                 config_path: str | Path | None = None, max_words: int = 18) -> None:
        self.voice_path, self.max_words = Path(voice_path), max_words
        self.config_path = Path(config_path) if config_path else Path(f"{self.voice_path}.json")
        self._language = language
        self._voice: PiperVoice | None = None
        self._failed: str | None = None

    @property
    def language(self) -> str:
        """The language given, else the one in the voice's config, else English."""
        if self._language is None:
            try:
                config = json.loads(self.config_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                config = {}
            found = config_language(config) if isinstance(config, dict) else ""
            self._language = found or DEFAULT_LANGUAGE
        return self._language

    def settings(self) -> dict:
        """The voice file used."""
        return {"engine": self.name, "voice": self.voice_path.name,
                "max_words": self.max_words}

    def load(self) -> PiperVoice:
        """Load the voice once, importing piper only when it is wanted; a failure is kept."""
        if self._failed:
            raise SynthesisError(self._failed)
        if self._voice is None:
            try:
                self._voice = self._load()
            except SynthesisError as exc:
                self._failed = str(exc)
                raise
        return self._voice

    def _load(self) -> PiperVoice:
        try:
            from piper import PiperVoice
        except ImportError as exc:
            raise SynthesisError("piper: install piper-tts to use Piper voices") from exc
        if not self.voice_path.is_file():
            raise SynthesisError(f"piper: voice file not found: {self.voice_path}")
        try:
            return PiperVoice.load(self.voice_path, config_path=self.config_path)
        except Exception as exc:
            raise SynthesisError(f"piper: cannot load voice: {exc}") from exc

    def synthesize(self, text: str, language: str, out_wav: Path) -> None:
        """Speak text piece by piece, so memory stays bounded by the longest piece."""
        if language_family(language) != self.language:
            raise SynthesisError(f"piper: no voice for language {language!r}")
        pieces = speech_pieces(text, self.max_words)
        if not pieces:
            raise SynthesisError("nothing to say")
        voice = self.load()
        rate = voice.config.sample_rate
        with atomic_wav(out_wav) as tmp, wave.open(str(tmp), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            try:
                for piece in pieces:
                    for chunk in voice.synthesize(piece):
                        out.writeframes(chunk.audio_int16_bytes)
            except Exception as exc:
                raise SynthesisError(f"piper: {exc}") from exc
