"""Program build against its floor: ten 3-minute bulletins into one 30-minute mastered MP3.

build: the program job's assembly (``program_layout`` + ``audio.mix.render``: join raw PCM once,
one loudness chain, encode, measure, correct if needed) from ready speech WAVs.
floor: ffmpeg's concat demuxer over the same WAV files (pauses as silent WAVs) through the same
filter chain, encoded once, nothing measured. Each runs in its own process so its peak RSS
(itself and its ffmpeg children) is its own. The last line is ``ratio=<build/floor>
peak_mb=<peak RSS of the build>``.

    .venv/bin/python bench/program.py [--minutes 3] [--count 10]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audio.jingle import default_chime  # noqa: E402
from audio.measure import loudness, probe  # noqa: E402
from audio.mix import loudness_chain, program_layout, render  # noqa: E402
from bulletins.radio import program_audio as P

RATE = 22050
TEXT = ("Ủy ban nhân dân xã thông báo lịch tiêm chủng mở rộng cho trẻ em dưới năm tuổi tại trạm "
        "y tế xã. Đề nghị các gia đình đưa trẻ đến đúng giờ và mang theo sổ tiêm chủng. ")


def ff(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
                   check=True)


def speak(text: str, out: Path) -> Path:
    subprocess.run(["espeak-ng", "-v", "vi", "-s", "130", "-w", str(out), "--stdin"],
                   input=text.encode(), check=True)
    return out


def prepare(work: Path, minutes: float, count: int) -> list[Path | float]:
    """Speech WAVs (a looped espeak reading, at different levels) and the program's layout."""
    seed = speak(TEXT * 4, work / "seed.wav")
    chime = work / "chime.wav"
    ff("-i", str(default_chime(work / "jingles")), "-ac", "1", "-ar", str(RATE), str(chime))
    sections = [("Mở đầu", [P.LEAD_IN, chime, P.AFTER_JINGLE,
                            speak("Đài Truyền thanh xã Vũ Dương, chương trình phát thanh sáng.",
                                  work / "open.wav"), P.AFTER_OPENING])]
    for n in range(count):
        body = work / f"body{n}.wav"
        ff("-stream_loop", "-1", "-i", str(seed), "-t", str(minutes * 60), "-af",
           f"volume={-12 + 2 * (n % 6)}dB", "-ac", "1", "-ar", str(RATE), str(body))
        title = speak(f"Bản tin số {n + 1}: thông báo của ủy ban", work / f"title{n}.wav")
        sections.append((f"Tin {n + 1}", [title, P.AFTER_TITLE, body, P.AFTER_BULLETIN]))
    sections.append(("Kết thúc", [speak("Chương trình đến đây là kết thúc.", work / "close.wav"),
                                  P.BEFORE_OUTRO, chime, P.LEAD_IN]))
    parts, chapters = program_layout(sections)
    (work / "layout.json").write_text(json.dumps(
        {"parts": [str(p) if isinstance(p, Path) else p for p in parts], "chapters": chapters}))
    return parts


def stage_build(work: Path) -> dict:
    layout = json.loads((work / "layout.json").read_text())
    parts = [Path(p) if isinstance(p, str) else p for p in layout["parts"]]
    start = time.perf_counter()
    done = render(parts, work / "build.mp3", chapters=[tuple(c) for c in layout["chapters"]],
                  target_lufs=-16.0, tags={"title": "Bench", "artist": "Loa"})
    return {"seconds": time.perf_counter() - start, "duration": done.duration_s,
            "lufs": done.lufs, "peak": done.true_peak}


def stage_floor(work: Path) -> dict:
    layout = json.loads((work / "layout.json").read_text())
    lines = []
    for index, part in enumerate(layout["parts"]):
        if isinstance(part, str):
            lines.append(f"file '{part}'")
        else:  # a pause: a silent WAV, made before the clock starts
            pause = work / f"pause{index}.wav"
            ff("-f", "lavfi", "-i", f"anullsrc=r={RATE}:cl=mono", "-t", str(part),
               "-c:a", "pcm_s16le", str(pause))
            lines.append(f"file '{pause}'")
    (work / "list.txt").write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    ff("-f", "concat", "-safe", "0", "-i", str(work / "list.txt"), "-af",
       f"{loudness_chain(-16.0)},aresample={RATE}", "-ac", "1", "-ar", str(RATE),
       "-c:a", "libmp3lame", "-b:a", "64k", str(work / "floor.mp3"))
    return {"seconds": time.perf_counter() - start}


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def child(stage: str, work: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--stage", stage, "--work", str(work)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--stage", choices=["build", "floor"])
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    if args.stage:
        result = (stage_build if args.stage == "build" else stage_floor)(args.work)
        print(json.dumps({**result, "peak_mb": peak_mb()}))
        return
    with tempfile.TemporaryDirectory(prefix="loa-bench-program-") as tmp:
        work = Path(tmp)
        parts = prepare(work, args.minutes, args.count)
        total = sum(p if isinstance(p, float) else probe(p)["duration"] for p in parts)
        floor = child("floor", work)
        build = child("build", work)
        lufs, peak = loudness(work / "build.mp3")
        print(f"program: {args.count} bulletins × {args.minutes:g} min, {len(parts)} parts, "
              f"{total / 60:.1f} min of audio at {RATE} Hz")
        print(f"floor (ffmpeg concat + same chain, one encode): {floor['seconds']:.2f} s, "
              f"peak {floor['peak_mb']:.0f} MB")
        print(f"build (join PCM once + master + verify): {build['seconds']:.2f} s, "
              f"peak {build['peak_mb']:.0f} MB; {build['duration'] / 60:.2f} min, "
              f"{lufs:.2f} LUFS, true peak {peak:.2f} dBTP")
        print(f"ratio={build['seconds'] / floor['seconds']:.2f} peak_mb={build['peak_mb']:.0f}")


if __name__ == "__main__":
    main()
