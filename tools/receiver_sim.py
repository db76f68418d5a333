"""A small smart-loudspeaker receiver: polls its schedule, fetches the files ahead (checking
their SHA-256), plays an emergency at once and each program at its time, and reports back.

    .venv/bin/python tools/receiver_sim.py --key loa_rx_… [--url http://127.0.0.1:5000]
    .venv/bin/flask --app wsgi receiver-sim --key loa_rx_…

Sound goes through ffplay or aplay when one is installed (aplay gets WAV decoded by ffmpeg);
otherwise playing is only reported. Stop it with Ctrl-C.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import requests


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Simulator:
    """One receiver; `run(once=True)` polls once and plays what is due."""

    def __init__(self, base: str, key: str, *, play: bool = True,
                 echo: Callable[[str], None] = print, cache: Path | None = None) -> None:
        self.base, self.play, self.echo = base.rstrip("/"), play, echo
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {key}"
        self.cache = cache or Path(tempfile.mkdtemp(prefix="loa-receiver-"))
        self.etag: str | None = None
        self.schedule: dict = {}
        self.played: set[tuple[str, int]] = set()

    def poll(self) -> int:
        """Fetch the schedule (304 keeps the last one); returns the interval to wait."""
        headers = {"If-None-Match": self.etag} if self.etag else {}
        answer = self.http.get(f"{self.base}/api/receiver/v1/schedule", headers=headers,
                               timeout=15)
        if answer.status_code == 401:
            raise SystemExit("Khóa không hợp lệ hoặc đã bị thu hồi (401).")
        if answer.status_code == 200:
            self.schedule, self.etag = answer.json(), answer.headers.get("ETag")
            self.echo(f"Lịch mới: {len(self.schedule['programs'])} chương trình, khẩn cấp: "
                      f"{'có' if self.schedule['emergency'] else 'không'}")
        return int(self.schedule.get("poll_seconds", 30))

    def fetch(self, item: dict) -> Path | None:
        """The item's file, downloaded once and checked against its SHA-256."""
        if not item.get("sha256"):
            return None
        path = self.cache / f"{item['sha256']}.mp3"
        if not path.exists():
            answer = self.http.get(item["audio_url"], timeout=60)
            if answer.status_code != 200:
                return None
            if hashlib.sha256(answer.content).hexdigest() != item["sha256"]:
                self.echo("Tệp tải về sai mã SHA-256, bỏ qua.")
                return None
            path.write_bytes(answer.content)
        return path

    def report(self, kind: str, **fields: object) -> None:
        self.http.post(f"{self.base}/api/receiver/v1/events", timeout=15,
                       json={"type": kind, "at": _now(), **fields})

    def sound(self, path: Path) -> str | None:
        """Play the file; None when done (or nothing to play with), else why it failed."""
        if not self.play:
            return None
        ffplay, aplay, ffmpeg = (shutil.which(n) for n in ("ffplay", "aplay", "ffmpeg"))
        # fixed argument lists; the only variable is our own cache file's path
        try:
            if ffplay:
                subprocess.run([ffplay, "-nodisp", "-autoexit", "-loglevel", "error",  # noqa: S603
                                str(path)], check=True, timeout=3600)
            elif aplay and ffmpeg:
                wav = path.with_suffix(".wav")
                subprocess.run([ffmpeg, "-y", "-loglevel", "error", "-i", str(path),  # noqa: S603
                                str(wav)], check=True, timeout=600)
                subprocess.run([aplay, "-q", str(wav)], check=True, timeout=3600)  # noqa: S603
            else:
                self.echo("(không có ffplay/aplay: chỉ báo đã phát)")
        except (subprocess.SubprocessError, OSError) as error:
            return f"Không phát được: {error}"
        return None

    def air(self, kind: str, item: dict, ident: int) -> None:
        path = self.fetch(item)
        if path is None:
            return
        self.echo(f"Phát {kind} {ident}: {item.get('title', '')}")
        failure = self.sound(path)
        field = "bulletin_id" if kind == "bulletin" else "program_id"
        if failure:
            self.report("failed", **{field: ident}, detail=failure)
        else:
            self.report("played", **{field: ident})
            self.played.add((kind, ident))

    def tick(self) -> int:
        wait = self.poll()
        emergency = self.schedule.get("emergency")
        if emergency:
            self.air("bulletin", emergency, emergency["bulletin_id"])
        now = datetime.now(UTC)
        for program in self.schedule.get("programs", []):
            self.fetch(program)  # ahead of time
            starts = datetime.fromisoformat(program["starts_at"])
            due = starts <= now and (now - starts).total_seconds() < 3600
            if due and ("program", program["id"]) not in self.played:
                self.air("program", program, program["id"])
        self.report("heartbeat", detail={"firmware": "sim-1.0", "volume": 80, "signal": -60})
        return wait

    def run(self, once: bool = False) -> None:
        while True:
            wait = self.tick()
            if once:
                return
            time.sleep(wait)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True)
    parser.add_argument("--url", default="http://127.0.0.1:5000")
    parser.add_argument("--once", action="store_true")
    parser.add_argument("--no-play", action="store_true")
    args = parser.parse_args()
    Simulator(args.url, args.key, play=not args.no_play,
              echo=lambda line: print(line, file=sys.stderr)).run(once=args.once)


if __name__ == "__main__":
    main()
