"""Mixing and mastering: join speech, pauses and jingles, one loudness chain, tagged MP3."""

from __future__ import annotations

import fcntl
import os
import secrets
import tempfile
import wave
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from audio.measure import FFMPEG, AudioError, loudness, probe, run

# Measured in FIELD-NOTES: evens out parts recorded at different levels, then aims at the
# target with headroom, because MP3 encoding lowers loudness and raises the true peak.
CHAIN = (
    "dynaudnorm=f=250:g=15:p=0.9,"
    "acompressor=threshold=-24dB:ratio=4:attack=5:release=100:makeup=4,"
    "loudnorm=I={target:g}:TP=-3:LRA=7"
)
# 64 kbps encoding and loudnorm's true-peak limiting leave speech 0.5–1 LU short of the target
# (measured on espeak-ng speech): the first pass adds this back under a −3 dBFS limiter, so the
# verification below rarely has to re-encode.
ENCODE_ALLOWANCE_DB = 0.8
FIRST_CEILING_DB = -3.6  # MP3 encoding adds up to ~2 dB of true peak on long programs
RATES = (22050, 24000)
LUFS_TOLERANCE = 0.5  # aim tighter than the ±1 LU promise, so the promise holds
PEAK_CEILING = -1.2  # dBTP after encoding; the promise is ≤ −1.0
MAX_CORRECTIONS = 3
_BLOCK = 1 << 16  # frames copied at a time
FF = [FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y"]

Part = Path | float


@dataclass(frozen=True)
class Mastered:
    """What the final MP3 measured."""

    duration_s: float
    size_bytes: int
    lufs: float
    true_peak: float


def loudness_chain(target_lufs: float) -> str:
    """The ffmpeg filter chain that levels speech towards target_lufs."""
    return CHAIN.format(target=target_lufs)


def wav_format(path: Path) -> tuple[int, int, int] | None:
    """(channels, sample width, rate) of a PCM WAV file, or None when wave cannot read it."""
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnchannels(), w.getsampwidth(), w.getframerate()
    except (wave.Error, EOFError, OSError):
        return None


def choose_rate(parts: Sequence[Part]) -> int:
    """The output rate: the first WAV's own rate when it is one we encode, else 22050."""
    for part in parts:
        if isinstance(part, Path):
            fmt = wav_format(part)
            if fmt and fmt[2] in RATES:
                return fmt[2]
    return RATES[0]


def join_parts(parts: Sequence[Part], out_wav: Path, *, rate: int, workdir: Path) -> float:
    """Write audio parts and pauses (floats, seconds) as one mono 16-bit WAV; return its seconds."""
    frames = 0
    with wave.open(str(out_wav), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        for index, part in enumerate(parts):
            if isinstance(part, Path):
                frames += _copy_pcm(_as_pcm(part, rate, workdir / f"part{index}.wav"), out)
            else:
                count = max(0, round(float(part) * rate))
                for start in range(0, count, _BLOCK):
                    out.writeframesraw(b"\0\0" * min(_BLOCK, count - start))
                frames += count
    return frames / rate


def _as_pcm(path: Path, rate: int, scratch: Path) -> Path:
    """The part itself when it is already mono 16-bit at rate, else a converted copy."""
    if not path.is_file():
        raise AudioError(f"missing audio part: {path}")
    if wav_format(path) == (1, 2, rate):
        return path
    run([*FF, "-i", str(path), "-vn", "-ac", "1",
         "-ar", str(rate), "-c:a", "pcm_s16le", "-f", "wav", str(scratch)])
    return scratch


def _copy_pcm(path: Path, out: wave.Wave_write) -> int:
    """Append the frames of a mono 16-bit WAV to out; return how many."""
    with wave.open(str(path), "rb") as src:
        total = src.getnframes()
        while chunk := src.readframes(_BLOCK):
            out.writeframesraw(chunk)
    return total


def ffmetadata(tags: dict[str, str], chapters: Sequence[tuple[str, float, float]] | None) -> str:
    """An ffmpeg metadata file carrying global tags and chapter marks."""
    lines = [";FFMETADATA1"]
    lines += [f"{_esc(k)}={_esc(v)}" for k, v in tags.items() if v is not None]
    for title, start, end in chapters or ():
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(start * 1000)}",
                  f"END={round(end * 1000)}", f"title={_esc(title)}"]
    return "\n".join(lines) + "\n"


def _esc(text: str) -> str:
    """Escape what ffmetadata treats as syntax."""
    for char in "\\=;#\n":
        text = text.replace(char, "\\" + char)
    return text


@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary name beside final, moved into place on success and removed on failure."""
    tmp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.part")
    try:
        yield tmp
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def one_at_a_time(final: Path) -> Iterator[None]:
    """An exclusive lock named after final, held by one thread or process at a time: who makes
    final while others want it too holds it, and the others wait and then find final made.
    Once final is there (moved in whole), nobody takes the lock: a made file is only read."""
    if final.is_file():
        yield
        return
    final.parent.mkdir(parents=True, exist_ok=True)
    with open(final.with_name(f".{final.name}.lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _encode_args(rate: int, bitrate: str) -> list[str]:
    """ffmpeg output options for a mono CBR MP3 with ID3v2.3 tags."""
    return ["-ac", "1", "-ar", str(rate), "-c:a", "libmp3lame", "-b:a", bitrate,
            "-id3v2_version", "3", "-write_xing", "1", "-f", "mp3"]


def _limited(gain_db: float, ceiling_db: float) -> str:
    """A gain followed by a delay-compensated limiter at ceiling_db (sample peak)."""
    limit = min(1.0, max(0.0625, 10 ** (ceiling_db / 20)))
    return f"volume={gain_db:.2f}dB,alimiter=limit={limit:.4f}:level=0:latency=1"


def _comment_frame(mp3: Path, text: str) -> None:
    """A real ID3 COMM frame (ffmpeg writes the comment as a TXXX frame players may hide)."""
    from mutagen.id3 import COMM, ID3

    frames = ID3(str(mp3))
    frames.delall("TXXX:comment")
    frames.add(COMM(encoding=1, lang="vie", desc="", text=[text]))
    frames.save(str(mp3), v2_version=3)


def master(wav: Path, out_mp3: Path, *, tags: dict[str, str],
           chapters: Sequence[tuple[str, float, float]] | None = None,
           target_lufs: float = -16.0, bitrate: str = "64k", rate: int = 22050,
           workdir: Path) -> Mastered:
    """Level wav with the loudness chain, encode a tagged MP3 atomically, verify and correct it."""
    meta = workdir / "meta.txt"
    meta.write_text(ffmetadata(tags, chapters), encoding="utf-8")
    leveled = workdir / "leveled.wav"
    meta_in = ["-f", "ffmetadata", "-i", str(meta)]
    meta_map = ["-map_metadata", "1", "-map_chapters", "1"]  # output options: before the MP3
    gain, ceiling = ENCODE_ALLOWANCE_DB, FIRST_CEILING_DB
    with atomic_path(out_mp3) as tmp:
        # One pass: the chain, kept as PCM for corrections, and its encoded MP3.
        graph = (f"[0:a]{loudness_chain(target_lufs)},aresample={rate},asplit=2[keep][pre];"
                 f"[pre]{_limited(gain, ceiling)}[enc]")
        run([*FF, "-i", str(wav), *meta_in,
             "-filter_complex", graph,
             "-map", "[keep]", "-c:a", "pcm_s16le", "-f", "wav", str(leveled),
             "-map", "[enc]", *meta_map, *_encode_args(rate, bitrate), str(tmp)])
        lufs, peak = loudness(tmp)
        for _ in range(MAX_CORRECTIONS):
            if abs(lufs - target_lufs) <= LUFS_TOLERANCE and peak <= PEAK_CEILING:
                break
            # Correct from the leveled PCM, not the MP3, so the audio is encoded only once more.
            gain += target_lufs - lufs
            if peak > PEAK_CEILING:
                ceiling -= peak - PEAK_CEILING + 0.3
            run([*FF, "-i", str(leveled), *meta_in,
                 "-map", "0:a", *meta_map, "-af", _limited(gain, ceiling),
                 *_encode_args(rate, bitrate), str(tmp)])
            lufs, peak = loudness(tmp)
        if tags.get("comment") and not chapters:  # mutagen would reorder CHAP frames
            _comment_frame(tmp, tags["comment"])
        size = tmp.stat().st_size
        with wave.open(str(leveled), "rb") as w:
            duration = w.getnframes() / w.getframerate()
    return Mastered(duration_s=duration, size_bytes=size, lufs=lufs, true_peak=peak)


def render(parts: Sequence[Part], out_mp3: Path, *, tags: dict[str, str],
           chapters: Sequence[tuple[str, float, float]] | None = None,
           target_lufs: float = -16.0, bitrate: str = "64k") -> Mastered:
    """Join parts and pauses, master them into out_mp3, and report what the MP3 measured."""
    if not any(isinstance(p, Path) for p in parts):
        raise AudioError("nothing to render: no audio parts")
    rate = choose_rate(parts)
    with tempfile.TemporaryDirectory(prefix="loa-mix-") as tmp:
        work = Path(tmp)
        joined = work / "joined.wav"
        join_parts(parts, joined, rate=rate, workdir=work)
        return master(joined, out_mp3, tags=tags, chapters=chapters,
                      target_lufs=target_lufs, bitrate=bitrate, rate=rate, workdir=work)


def part_seconds(part: Part) -> float:
    """Length of a part: a pause is its own length, audio is measured."""
    if not isinstance(part, Path):
        return float(part)
    if wav_format(part):
        with wave.open(str(part), "rb") as w:
            return w.getnframes() / w.getframerate()
    return probe(part)["duration"]


def program_layout(sections: Sequence[tuple[str, Sequence[Part]]]
                   ) -> tuple[list[Part], list[tuple[str, float, float]]]:
    """Flatten titled sections into parts, with one chapter mark spanning each section."""
    parts: list[Part] = []
    chapters: list[tuple[str, float, float]] = []
    clock = 0.0
    for title, section in sections:
        start = clock
        for part in section:
            parts.append(part)
            clock += part_seconds(part)
        chapters.append((title, start, clock))
    return parts, chapters


def render_program(parts: list[Path | float], out_mp3: Path, *, tags: dict[str, str],
                   chapters: list[tuple[str, float, float]] | None = None,
                   target_lufs: float = -16.0, bitrate: str = "64k") -> tuple[float, int]:
    """Render a radio program from parts and pauses with chapter marks; (seconds, bytes)."""
    done = render(parts, out_mp3, tags=tags, chapters=chapters,
                  target_lufs=target_lufs, bitrate=bitrate)
    return done.duration_s, done.size_bytes
