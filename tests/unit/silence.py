"""How long audio stays silent before its first sound, measured by ffmpeg's silencedetect."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

#: quieter than this counts as silence; speech and the chime are far louder
NOISE_DB = -40
#: silences shorter than this are pauses within sound, not silence
MIN_SILENCE_S = 0.05


def silences(audio: Path | bytes) -> list[tuple[float, float | None]]:
    """(start, end) of each silence ffmpeg finds; end is None for one running to the end."""
    with tempfile.TemporaryDirectory() as tmp:
        if isinstance(audio, bytes):
            path = Path(tmp) / "audio.mp3"
            path.write_bytes(audio)
        else:
            path = audio
        err = subprocess.run(
            ["ffmpeg", "-hide_banner", "-nostdin", "-i", str(path), "-af",
             f"silencedetect=noise={NOISE_DB}dB:d={MIN_SILENCE_S}", "-f", "null", "-"],
            capture_output=True, text=True, check=True).stderr
    found, start = [], None
    for kind, value in re.findall(r"silence_(start|end): (-?[\d.]+)", err):
        if kind == "start":
            start = float(value)
        elif start is not None:
            found.append((start, float(value)))
            start = None
    if start is not None:
        found.append((start, None))
    return found


def leading_silence_s(audio: Path | bytes) -> float:
    """Seconds of silence before the first sound (0 when it starts sounding at once)."""
    first = next(iter(silences(audio)), None)
    if first is None or first[0] > 0.01:
        return 0.0
    return first[1] if first[1] is not None else float("inf")
