"""Measuring audio files with ffprobe and ffmpeg: format, tags, chapters, loudness."""

from __future__ import annotations

import json
import math
import re
import subprocess
from pathlib import Path

FFMPEG = "ffmpeg"
FFPROBE = "ffprobe"


class AudioError(Exception):
    """An audio tool failed or produced something unusable."""


def run(argv: list[str], *, timeout: float = 600, stdin: bytes | None = None) -> str:
    """Run a fixed-argv tool without a shell; return its stderr, raise AudioError on failure."""
    try:
        proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
            argv,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as exc:
        raise AudioError(f"{argv[0]} is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise AudioError(f"{argv[0]} timed out after {timeout:g} s") from exc
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = err.strip().splitlines()[-3:]
        raise AudioError(f"{argv[0]} failed ({proc.returncode}): {' | '.join(tail)}")
    return err + proc.stdout.decode("utf-8", "replace")


def probe(path: Path) -> dict:
    """Duration, codec, sample rate, channels, bit rate, tags and chapters of an audio file."""
    out = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [FFPROBE, "-v", "error", "-print_format", "json",
         "-show_format", "-show_streams", "-show_chapters", str(path)],
        capture_output=True, timeout=60, check=False,
    )
    if out.returncode != 0:
        raise AudioError(f"ffprobe cannot read {path}: {out.stderr.decode('utf-8', 'replace')}")
    data = json.loads(out.stdout)
    fmt = data.get("format", {})
    stream = next((s for s in data.get("streams", []) if s.get("codec_type") == "audio"), {})
    tags = {k.lower(): v for k, v in fmt.get("tags", {}).items()}
    chapters = [
        {
            "title": c.get("tags", {}).get("title", ""),
            "start": float(c["start_time"]),
            "end": float(c["end_time"]),
        }
        for c in data.get("chapters", [])
    ]
    return {
        "duration": float(fmt.get("duration") or stream.get("duration") or 0.0),
        "codec": stream.get("codec_name"),
        "sample_rate": int(stream.get("sample_rate") or 0),
        "channels": int(stream.get("channels") or 0),
        "bit_rate": int(stream.get("bit_rate") or fmt.get("bit_rate") or 0),
        "format": fmt.get("format_name"),
        "tags": tags,
        "chapters": chapters,
    }


_SUMMARY = re.compile(r"Summary:(.*)", re.S)
_I = re.compile(r"I:\s+(-?[\d.]+|-inf)\s+LUFS")
_PEAK = re.compile(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf)\s+dBFS")


def loudness(path: Path) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) of a file, by ffmpeg's ebur128."""
    err = run([FFMPEG, "-hide_banner", "-nostats", "-i", str(path),
               "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"])
    summary = _SUMMARY.search(err)
    text = summary.group(1) if summary else ""
    i_match, p_match = _I.search(text), _PEAK.search(text)
    if not (i_match and p_match):
        raise AudioError(f"no ebur128 summary for {path}")
    return _num(i_match.group(1)), _num(p_match.group(1))


def _num(text: str) -> float:
    """Parse an ffmpeg number, where -inf means silence."""
    return -math.inf if text == "-inf" else float(text)
