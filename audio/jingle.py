"""The default chime, made in code, for stations that uploaded no jingle of their own."""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path

# A rising major sixth (E5 → C#6), each note with a soft octave overtone and a bell-like decay.
NOTES = ((659.25, 0.0), (1108.73, 0.32))
LENGTH_S = 1.3
RATE = 22050


def chime_samples(rate: int = RATE) -> array:
    """Signed 16-bit samples of the two-tone chime."""
    total = round(LENGTH_S * rate)
    out = array("h", bytes(2 * total))
    for freq, start_s in NOTES:
        start = round(start_s * rate)
        for n in range(total - start):
            t = n / rate
            envelope = min(1.0, t / 0.005) * math.exp(-t * 4.0)  # 5 ms attack, then decay
            tone = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
            mixed = out[start + n] + round(9000 * envelope * tone)
            out[start + n] = max(-32767, min(32767, mixed))
    fade = round(0.05 * rate)  # end on silence, never on a click
    for n in range(fade):
        out[total - 1 - n] = round(out[total - 1 - n] * n / fade)
    return out


def write_chime(out_wav: Path, rate: int = RATE) -> Path:
    """Write the chime as a mono 16-bit WAV file and return its path. Threads of one server
    making the default chime at once each write a part of their own (a name by process alone
    had two threads write and move one file, and the second move failed)."""
    from audio.mix import atomic_path

    with atomic_path(out_wav) as tmp, wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(chime_samples(rate).tobytes())
    return out_wav


def default_chime(directory: Path) -> Path:
    """The default chime's path in directory, written there the first time it is asked for."""
    path = directory / "default-chime.wav"
    if not path.is_file():
        directory.mkdir(parents=True, exist_ok=True)
        write_chime(path)
    return path
