"""Load: gunicorn (2 workers, gthread) with 50 simulated staff and readers for 60 s.

Readers fetch the portal, bulletin pages and the RSS feed; editors create, edit and submit
drafts through the API; reviewers list their queue, read findings and clear. Only
127.0.0.1 is contacted. Last line: `errors=… p95_ms=… rps=…`.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def populate(env: dict[str, str], editors: int, reviewers: int) -> dict[str, list[str]]:
    """Schema, users with tokens, 200 published bulletins and 50 waiting for review."""
    os.environ.update(env)
    from app import create_app
    from app.extensions import db
    from bulletins import accounts, services

    subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "init-db"], cwd=ROOT,
                   env={**os.environ, **env}, check=True, capture_output=True)
    app = create_app()
    tokens: dict[str, list[str]] = {"editor": [], "reviewer": []}
    with app.app_context():
        accounts.HASH_METHOD = "pbkdf2:sha256:1000"
        people = {f"ed{i}": "editor" for i in range(editors)}
        people |= {f"rv{i}": "reviewer" for i in range(reviewers)} | {"ld": "leader"}
        users = {}
        for name, role in people.items():
            users[name], _ = accounts.create_user(db.session, None, name, [role],
                                                  "Mat-khau-tai-2026")
            if role in tokens:
                tokens[role].append(accounts.create_token(db.session, None, users[name]))
        db.session.commit()
        body = ("UBND xã Vũ Dương thông báo lịch tiêm chủng, thu thuế và họp thôn. " * 12)
        for i in range(250):
            b = services.create_bulletin(db.session, users[f"ed{i % editors}"], {
                "title": f"Thông báo số {i + 1} của UBND xã", "body": body,
                "topic": "thong-bao-chung", "channels": ["web"]})
            services.perform(db.session, users[f"ed{i % editors}"], b.id, "submit")
            if i < 200:
                services.perform(db.session, users[f"rv{i % reviewers}"], b.id, "clear")
                services.perform(db.session, users["ld"], b.id, "approve")
        db.session.commit()
    return tokens


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.codes: Counter = Counter()
        self.errors: Counter = Counter()
        self.by_kind: dict[str, list[float]] = {}

    def add(self, kind: str, ms: float, code: int, ok: bool) -> None:
        with self.lock:
            self.latencies.append(ms)
            self.by_kind.setdefault(kind, []).append(ms)
            self.codes[code] += 1
            if not ok:
                self.errors[f"{kind}:{code}"] += 1


def user_loop(base: str, role: str, token: str | None, until: float, stats: Stats,
              seed: int, think: float) -> None:
    rnd = random.Random(seed)  # noqa: S311 (load shape, not security)
    http = requests.Session()
    auth = {"Authorization": f"Bearer {token}"} if token else {}

    def call(kind: str, method: str, path: str, expect=(200,), **kw) -> requests.Response | None:
        start = time.perf_counter()
        try:
            r = http.request(method, base + path, headers=auth, timeout=30, **kw)
        except requests.RequestException:
            stats.add(kind, (time.perf_counter() - start) * 1000, 0, False)
            return None
        stats.add(kind, (time.perf_counter() - start) * 1000, r.status_code,
                  r.status_code in expect)
        return r

    while time.monotonic() < until:
        if think:  # a person reads and types between actions
            time.sleep(rnd.uniform(0.5 * think, 1.5 * think))
        if role == "reader":
            choice = rnd.random()
            if choice < 0.4:
                call("feed", "GET", "/feeds/rss.xml")
            elif choice < 0.7:
                call("index", "GET", f"/?page={rnd.randint(1, 5)}")
            else:
                call("page", "GET", f"/tin/{rnd.randint(1, 200)}", allow_redirects=True)
        elif role == "editor":
            r = call("create", "POST", "/api/v1/bulletins", (201,), json={
                "title": f"Tin thử tải {rnd.randint(1, 10**6)}",
                "body": "Thông báo của UBND xã về lịch họp thôn lúc 19h ngày 05/12."})
            if r is not None and r.status_code == 201:
                b = r.json()
                r2 = call("edit", "PATCH", f"/api/v1/bulletins/{b['id']}", json={
                    "body": "Thông báo đã sửa: họp thôn lúc 19h30.", "version": b["version"]})
                if r2 is not None and r2.status_code == 200:
                    call("submit", "POST", f"/api/v1/bulletins/{b['id']}/actions/submit",
                         json={})
        else:
            r = call("queue", "GET", "/api/v1/bulletins?status=in_review&limit=20")
            if r is not None and r.status_code == 200 and r.json()["items"]:
                b = rnd.choice(r.json()["items"])
                call("findings", "GET", f"/api/v1/bulletins/{b['id']}/findings")
                # another reviewer may have cleared it first: 409 is the right answer then
                call("clear", "POST", f"/api/v1/bulletins/{b['id']}/actions/clear",
                     (200, 403, 409), json={})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--database-url")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean seconds a user pauses between actions (0: flat out)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="loa-load-"))
    env = {"DATABASE_URL": args.database_url or f"sqlite:///{tmp / 'loa.db'}",
           "DATA_DIR": str(tmp), "SECRET_KEY": "load-bench", "TTS_ENGINE": "espeak",
           "ADMIN_PASSWORD": "Quan-tri-tai-2026"}
    tokens = populate(env, editors=10, reviewers=5)
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-w", "2", "-k", "gthread", "--threads", "4",
         "-b", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        cwd=ROOT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        readers = args.users * 60 // 100
        editors = args.users * 25 // 100
        roles = (["reader"] * readers + ["editor"] * editors
                 + ["reviewer"] * (args.users - readers - editors))
        stats = Stats()
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=user_loop, args=(
            base, role, random.choice(tokens.get(role, [None])), until, stats, i,  # noqa: S311
            args.think))
            for i, role in enumerate(roles)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=20)
    lat = sorted(stats.latencies)
    p95 = lat[int(len(lat) * 0.95) - 1] if lat else 0.0
    errors = sum(stats.errors.values())
    engine = env["DATABASE_URL"].split(":")[0]
    print(f"users={args.users} ({readers} readers, {editors} editors, "
          f"{args.users - readers - editors} reviewers) for {elapsed:.0f} s on {engine}, "
          f"think time {args.think} s")
    for kind, values in sorted(stats.by_kind.items()):
        values.sort()
        print(f"  {kind:9} n={len(values):5} p50={values[len(values) // 2]:7.1f} ms "
              f"p95={values[int(len(values) * 0.95) - 1]:7.1f} ms")
    print(f"requests={len(lat)} median_ms={statistics.median(lat):.1f} "
          f"p99_ms={lat[int(len(lat) * 0.99) - 1]:.1f} codes={dict(stats.codes)}")
    if errors:
        print(f"errors by kind: {dict(stats.errors)}")
    print(f"errors={errors} p95_ms={p95:.1f} rps={len(lat) / elapsed:.1f}")


if __name__ == "__main__":
    main()
