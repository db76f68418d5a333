"""Feed throughput under gunicorn against /healthz: 200 (cached body) and 304 (If-None-Match).

A temporary SQLite database gets 200 published web bulletins through the real services; then
gunicorn (-w 2 -k gthread --threads 4) serves it on 127.0.0.1 and wrk (-t2 -c16 -d10s) asks
/healthz, /feeds/rss.xml and /feeds/rss.xml with the feed's ETag, in one run: interleaved
rounds, keeping the best of each, as the machines are shared. The last line:
ratio_200=<feed req/s ÷ healthz req/s> ratio_304=<conditional req/s ÷ healthz req/s>.
Needs wrk (Debian: apt-get install -y wrk).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"
BULLETINS = 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PUBLIC_BASE_URL")}
    env.update(DATABASE_URL=f"sqlite:///{tmp / 'loa.db'}", DATA_DIR=str(tmp / "data"),
               SECRET_KEY="bench-" + os.urandom(8).hex(), TTS_ENGINE="espeak",
               ADMIN_PASSWORD="bench-" + os.urandom(8).hex(), PYTHONPATH=str(ROOT))
    return env


def populate(env: dict[str, str], count: int) -> None:
    """Schema by `flask init-db`, then bulletins through create_bulletin/perform."""
    subprocess.run([str(VENV / "flask"), "--app", "wsgi", "init-db"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    code = f"""
from app import create_app
from app.extensions import db
from bulletins import accounts, services
app = create_app()
with app.app_context():
    people = {{}}
    for name, role in (("bt", "editor"), ("td", "reviewer"), ("ld", "leader")):
        people[role], _ = accounts.create_user(db.session, None, name, [role],
                                               "bench-Pass-2026!", name)
    db.session.commit()
    for n in range({count}):
        b = services.create_bulletin(db.session, people["editor"], {{
            "title": f"Thông báo số {{n}} của UBND xã", "summary": "Tóm tắt bản tin.",
            "body": "Nội dung bản tin thông báo tới bà con nhân dân trong xã. " * 12,
            "topic": "thong-bao-chung", "channels": ["web"]}})
        db.session.commit()
        for action, role in (("submit", "editor"), ("clear", "reviewer"), ("approve", "leader")):
            services.perform(db.session, people[role], b.id, action, comment="bench")
            db.session.commit()
"""
    subprocess.run([str(VENV / "python"), "-c", code], cwd=ROOT, env=env, check=True)


def wait_ready(url: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (127.0.0.1)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by gunicorn's master and workers (robust to a busy machine)."""
    total = 0.0
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def wrk(url: str, seconds: int, header: str | None = None) -> tuple[float, str]:
    """Requests per second for one URL, and wrk's own report."""
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s"]
    if header:
        command += ["-H", header]
    out = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if found is None:
        raise RuntimeError(out)
    if "Non-2xx or 3xx responses" in out:
        raise RuntimeError(f"errors from {url}:\n{out}")
    return float(found.group(1)), out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--bulletins", type=int, default=BULLETINS)
    parser.add_argument("--rounds", type=int, default=3,
                        help="interleaved rounds; the best of each is kept (shared machines)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="loa-bench-") as name:
        tmp = Path(name)
        env = environment(tmp)
        started = time.monotonic()
        populate(env, args.bulletins)
        print(f"database: {args.bulletins} published web bulletins "
              f"in {time.monotonic() - started:.1f} s")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(VENV / "gunicorn"), "-w", "2", "-k", "gthread", "--threads", "4",
             "-b", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
            cwd=ROOT, env=env, start_new_session=True)
        try:
            wait_ready(f"{base}/healthz", server)
            for _ in range(4):  # both workers build and keep the body once
                with urllib.request.urlopen(f"{base}/feeds/rss.xml") as response:  # noqa: S310
                    etag, size = response.headers["ETag"], len(response.read())
            print(f"feed: {size} bytes, ETag {etag}")
            results: dict[str, float] = {}
            costs: dict[str, float] = {}
            for round_ in range(1, args.rounds + 1):
                for label, url, header in (
                    ("healthz", f"{base}/healthz", None),
                    ("feed_200", f"{base}/feeds/rss.xml", None),
                    ("feed_304", f"{base}/feeds/rss.xml", f"If-None-Match: {etag}"),
                ):
                    cpu = server_cpu(server.pid)
                    rate, report = wrk(url, args.seconds, header)
                    cpu = server_cpu(server.pid) - cpu
                    results[label] = max(results.get(label, 0.0), rate)
                    done = re.search(r"(\d+) requests in", report)
                    per = cpu / int(done.group(1)) * 1e6 if done else float("nan")
                    costs[label] = min(costs.get(label, per), per)
                    print(f"round {round_}  {label:9s} {rate:9.1f} req/s  "
                          f"server CPU {per:6.0f} µs/request")
            print("best:", "  ".join(f"{k} {v:.1f} req/s" for k, v in results.items()))
            print("least server CPU:", "  ".join(f"{k} {v:.0f} µs/request"
                                                 for k, v in costs.items()))
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
                    server.wait()
    healthz = results["healthz"]
    print(f"ratio_200={results['feed_200'] / healthz:.2f} "
          f"ratio_304={results['feed_304'] / healthz:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
