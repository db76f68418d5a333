"""What every speech engine shares: the Engine interface, its error, WAV files written
atomically, and text cut into pieces short enough for a neural voice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from audio.measure import AudioError


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
def atomic_wav(out_wav: Path) -> Iterator[Path]:
    """A temporary WAV name beside out_wav, renamed over it only when complete."""
    tmp = out_wav.with_name(f".{out_wav.name}.part.wav")
    try:
        yield tmp
        if not tmp.is_file() or tmp.stat().st_size <= 44:
            raise SynthesisError("the engine produced no audio")
        tmp.replace(out_wav)
    finally:
        tmp.unlink(missing_ok=True)


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
