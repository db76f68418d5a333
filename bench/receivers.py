"""Receivers at scale: N simulated loudspeaker clusters polling gunicorn + PostgreSQL + Redis.

Populates its own PostgreSQL database (loa_receivers_bench, dropped and made again) and Redis
db 12: two communes, a built program of today and tomorrow in each, N receivers split between
them. Then every receiver polls its schedule as the server tells it (If-None-Match, 30 s; a
heartbeat every fifth poll), through a bounded pool of keep-alive connections on 127.0.0.1
(asyncio streams, no other host is contacted). Halfway, an emergency of the first commune is
published: its receivers fetch the audio and report it played. Figures: schedule-read latency,
errors, and the time until 99% of that commune's receivers had the emergency in their schedule
(and had reported it played); a job worker process makes the emergency's audio meanwhile.
Last line: key=value pairs.

    .venv/bin/python bench/receivers.py [--receivers 3000] [--seconds 90] [--connections 64]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB = "loa_receivers_bench"
PASSWORD = "Mat-khau-tai-2026"  # noqa: S105 (bench accounts on a throwaway database)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_database() -> str:
    for sql in (f"DROP DATABASE IF EXISTS {DB}", f"CREATE DATABASE {DB}"):
        subprocess.run(["psql", "-q", "-d", "postgres", "-c", sql], check=True)
    subprocess.run(["redis-cli", "-n", "12", "flushdb"], check=True, capture_output=True)
    return f"postgresql+psycopg:///{DB}"


from receivers_net import Pool, Stats, cpu_sample, pct  # noqa: E402 (bench/ is on sys.path)


def populate(env: dict[str, str], receivers: int) -> tuple[dict[str, list[str]], object]:
    """Schema, two communes with staff, a built program today and tomorrow each, receivers."""
    os.environ.update(env)
    subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "init-db"], cwd=ROOT,
                   env={**os.environ, **env}, check=True, capture_output=True)
    from sqlalchemy import select

    from app import create_app
    from app.extensions import db
    from bulletins import accounts, clock, seed, services, tenancy
    from bulletins.models import Slot
    from bulletins.radio import programs
    from bulletins.receivers import registry

    app = create_app()
    keys: dict[str, list[str]] = {}
    with app.app_context():
        accounts.HASH_METHOD = "pbkdf2:sha256:1000"
        first = tenancy.first_commune(db.session)
        second = seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        db.session.commit()
        today = clock.local_today()
        for commune in (first, second):
            staff = {}
            for role in ("editor", "reviewer", "leader", "operator"):
                staff[role], _ = accounts.create_user(
                    db.session, None, f"{role}-{commune.slug}", [role], PASSWORD,
                    commune_id=commune.id)
            db.session.commit()
            bulletin = services.create_bulletin(db.session, staff["editor"], {
                "title": f"Lịch thu gom rác của {commune.name}",
                "body": "Các thôn thu gom rác vào chiều thứ Bảy hằng tuần.",
                "topic": "thong-bao-chung"})
            for action, who in (("submit", "editor"), ("clear", "reviewer"),
                                ("approve", "leader")):
                services.perform(db.session, staff[who], bulletin.id, action)
            db.session.commit()
            slot = db.session.scalar(select(Slot).where(Slot.commune_id == commune.id,
                                                        Slot.time_of_day == "17:00"))
            for day in (today, today + timedelta(days=1)):
                programs.save_program(db.session, staff["operator"], slot.id, day,
                                      [bulletin.id])
            db.session.commit()
            share = receivers // 2 if commune is first else receivers - receivers // 2
            keys[commune.slug] = []
            for i in range(share):
                _, key = registry.create_receiver(db.session, None, commune, {
                    "name": f"Cụm {i + 1}", "village": f"Thôn {i % 12 + 1}"})
                keys[commune.slug].append(key)
            db.session.commit()
        app.extensions["loa.jobs"].run_pending()
    return keys, app


def ready(port: int) -> None:
    """Wait until the app answers /healthz through every worker, so no poll waits for a
    worker still importing the app."""
    import requests

    answered = 0
    for _ in range(600):
        try:
            ok = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
        except requests.RequestException:
            ok = False
        answered = answered + 1 if ok else 0
        if answered >= 20:
            return
        time.sleep(0.1 if ok else 0.3)
    raise SystemExit("the app did not answer /healthz")


def publish_emergency(app) -> float:
    """An emergency of the first commune, approved by its leader; returns its commit time.
    The job worker (a separate process, as in production) makes its audio."""
    from app.extensions import db
    from bulletins import accounts, services, tenancy

    with app.app_context():
        first = tenancy.first_commune(db.session)
        editor = accounts.find_user(db.session, f"editor-{first.slug}")
        leader = accounts.find_user(db.session, f"leader-{first.slug}")
        bulletin = services.create_bulletin(db.session, editor, {
            "title": "Khẩn cấp: nước sông dâng cao", "priority": "emergency",
            "body": "Đề nghị bà con các thôn ven sông di dời ngay đến nơi an toàn.",
            "topic": "thong-bao-chung"})
        db.session.commit()
        services.perform(db.session, leader, bulletin.id, "approve")
        db.session.commit()
        return time.monotonic()  # its audio is made by the worker process


async def receiver(n: int, key: str, pool: Pool, stats: Stats, until: float,
                   emergency_of: bool) -> None:
    auth = {"Authorization": f"Bearer {key}"}
    etag, polls, wait = None, 0, 30.0
    await asyncio.sleep(random.uniform(0, 30))  # receivers do not start together
    while time.monotonic() < until:
        headers = {**auth, **({"If-None-Match": etag} if etag else {})}
        started = time.perf_counter()
        try:
            code, fields, body = await pool.request("GET", "/api/receiver/v1/schedule", headers)
        except (OSError, asyncio.IncompleteReadError):
            stats.add("schedule", (time.perf_counter() - started) * 1000, 0, False)
            await asyncio.sleep(wait)
            continue
        stats.add("schedule", (time.perf_counter() - started) * 1000, code, code in (200, 304))
        polls += 1
        if code == 200:
            etag, data = fields.get("etag"), json.loads(body)
            wait = float(data["poll_seconds"])
            item = data["emergency"]
            if item and emergency_of:
                stats.seen.setdefault(n, time.monotonic())
                if item["sha256"] and n not in stats.played:
                    await play(n, item, auth, pool, stats)
        if polls % 5 == 0:
            await event(pool, auth, stats, "heartbeat", {"detail": {"firmware": "b1"}})
        await asyncio.sleep(wait * random.uniform(0.95, 1.05))


async def play(n: int, item: dict, auth: dict, pool: Pool, stats: Stats) -> None:
    path = "/" + item["audio_url"].split("/", 3)[3]
    started = time.perf_counter()
    code, _, _ = await pool.request("GET", path, auth)
    stats.add("audio", (time.perf_counter() - started) * 1000, code, code == 200)
    if code == 200 and await event(pool, auth, stats, "played",
                                   {"bulletin_id": item["bulletin_id"]}):
        stats.played[n] = time.monotonic()


async def event(pool: Pool, auth: dict, stats: Stats, kind: str, fields: dict) -> bool:
    body = json.dumps({"type": kind, **fields}).encode()
    started = time.perf_counter()
    try:
        code, _, _ = await pool.request("POST", "/api/receiver/v1/events",
                                        {**auth, "Content-Type": "application/json"}, body)
    except (OSError, asyncio.IncompleteReadError):
        code = 0
    stats.add(kind, (time.perf_counter() - started) * 1000, code, code == 202)
    return code == 202


async def run(port: int, keys: dict[str, list[str]], args, app
              ) -> tuple[Stats, float, float, int]:
    pool, stats = Pool(port, args.connections), Stats()
    begun = time.monotonic()
    until = begun + args.seconds
    first = next(iter(keys))
    tasks = [asyncio.create_task(receiver(n, key, pool, stats, until, slug == first))
             for n, (slug, key) in enumerate((s, k) for s in keys for k in keys[s])]
    await asyncio.sleep(args.seconds * 0.5)
    published = await asyncio.to_thread(publish_emergency, app)
    await asyncio.gather(*tasks)
    return stats, begun, published, len(keys[first])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--receivers", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="loa-receivers-"))
    env = {"DATABASE_URL": fresh_database(), "REDIS_URL": "redis://127.0.0.1:6379/12",
           "DATA_DIR": str(tmp), "SECRET_KEY": "receivers-bench", "TTS_ENGINE": "espeak",
           "ADMIN_PASSWORD": "Quan-tri-tai-2026", "RECOGNIZER": "none"}
    started = time.monotonic()
    keys, app = populate(env, args.receivers)
    print(f"populated {args.receivers} receivers in {time.monotonic() - started:.0f} s",
          file=sys.stderr)
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-w", str(args.workers), "-k", "gthread",
         "--threads", "8", "--keep-alive", "30", "--backlog", "4096",
         "-b", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        cwd=ROOT, env={**os.environ, **env})
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker",
                               "--workers", "1"], cwd=ROOT, env={**os.environ, **env},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ready(port)
        before = cpu_sample(server.pid, worker.pid)
        wall = time.monotonic()
        stats, begun, published, reached_total = asyncio.run(run(port, keys, args, app))
        wall = time.monotonic() - wall
        after = cpu_sample(server.pid, worker.pid)
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)
    schedule = stats.times.get("schedule", [])
    # steady: every receiver has made its first (cold, 200) poll, no emergency yet
    steady = [ms for at, ms in stats.reads if begun + 32 <= at < published]
    during = [ms for at, ms in stats.reads if at >= published]
    seen = sorted(t - published for t in stats.seen.values())
    played = sorted(t - published for t in stats.played.values())
    need = max(1, int(reached_total * 0.99 + 0.999))
    to_seen = seen[need - 1] if len(seen) >= need else float("nan")
    to_played = played[need - 1] if len(played) >= need else float("nan")
    for kind, values in sorted(stats.times.items()):
        print(f"  {kind:9} n={len(values):6} p50={pct(values, .5):7.1f} ms "
              f"p95={pct(values, .95):7.1f} ms p99={pct(values, .99):7.1f} ms")
    print(f"codes={dict(stats.codes)} errors_by_kind={dict(stats.errors)}")
    windows: dict[int, list[float]] = {}
    for at, ms in stats.reads:
        windows.setdefault(int((at - published) // 10), []).append(ms)
    print("schedule p95 by 10 s after the emergency (s: n p95_ms): " + ", ".join(
        f"{w * 10:+d}: {len(v)} {pct(v, .95):.0f}" for w, v in sorted(windows.items())))
    print(f"emergency commune receivers={reached_total} saw={len(seen)} played={len(played)}")
    print(f"schedule p95: steady {pct(steady, .95):.1f} ms (n={len(steady)}), "
          f"during the emergency {pct(during, .95):.1f} ms (n={len(during)}); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    used = {k: after[k] - before[k] for k in after}
    requests = sum(len(v) for v in stats.times.values())
    print("CPU seconds over the run: " + ", ".join(f"{k} {v:.1f}" for k, v in used.items())
          + f" ({wall:.0f} s wall, {requests} requests: web "
          f"{used['web'] / max(requests, 1) * 1000:.2f} ms and database "
          f"{used['db'] / max(requests, 1) * 1000:.2f} ms of CPU per request)")
    print(f"receivers={args.receivers} seconds={args.seconds:.0f} "
          f"schedule_reads={len(schedule)} errors={sum(stats.errors.values())} "
          f"p95_ms={pct(schedule, .95):.1f} p99_ms={pct(schedule, .99):.1f} "
          f"steady_p95_ms={pct(steady, .95):.1f} "
          f"rps={len(schedule) / args.seconds:.1f} poll_s=30 "
          f"emergency_99pct_fetched_s={to_seen:.1f} emergency_99pct_played_s={to_played:.1f} "
          f"web_cpu_ms_per_request={used['web'] / max(requests, 1) * 1000:.2f} "
          f"load_average={os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
