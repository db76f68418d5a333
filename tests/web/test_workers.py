"""Jobs on Redis shared by two `flask worker` processes; a worker killed mid-synthesis."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from sqlalchemy import select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from audio.measure import probe
from bulletins import accounts, seed, services
from bulletins.clock import utcnow
from bulletins.models import AudioFile, AuditLog
from bulletins.speech import synthesis as media

REDIS_URL = os.environ.get("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parents[2]
LONG = " ".join(f"Ủy ban nhân dân xã thông báo lần thứ {n}: lịch tiêm chủng cho trẻ em dưới năm "
                f"tuổi tại thôn số {n}." for n in range(1, 121))


def _redis_up() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not _redis_up(), reason="no Redis at " + REDIS_URL)]


@pytest.fixture
def shared(tmp_path):
    """An app on a SQLite file and Redis, and the environment its worker processes share."""
    config = config_for_tests(tmp_path)
    config.update(JOBS_BACKEND="redis", REDIS_URL=REDIS_URL)
    app = create_app(config)
    app.extensions["loa.jobs"].huey.flush()
    with app.app_context():
        db.create_all()
        seed.seed_lists(db.session)
        for name, roles in {"ed": ["editor"], "rv": ["reviewer"], "ld": ["leader"]}.items():
            accounts.create_user(db.session, None, name, roles, "mat-khau-2026x")
        db.session.commit()
    env = {**os.environ, "DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"],
           "DATA_DIR": config["DATA_DIR"], "REDIS_URL": REDIS_URL, "SECRET_KEY": "workers",
           "TTS_ENGINE": "espeak", "PYTHONPATH": str(ROOT)}
    workers: list[subprocess.Popen] = []

    def start_worker() -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker",
                                 "--workers", "1"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers.append(proc)
        return proc

    yield app, start_worker
    for proc in workers:
        proc.kill()
        proc.wait()
    app.extensions["loa.jobs"].huey.flush()
    with app.app_context():
        db.engine.dispose()


def publish(app, body: str, n: int) -> list[int]:
    ids = []
    with app.app_context():
        user = accounts.find_user
        for i in range(n):
            b = services.create_bulletin(db.session, user(db.session, "ed"),
                                         {"title": f"Bản tin số {i + 1}", "body": body})
            db.session.commit()
            for action, who in [("submit", "ed"), ("clear", "rv"), ("approve", "ld")]:
                services.perform(db.session, user(db.session, who), b.id, action)
                db.session.commit()
            ids.append(b.id)
    return ids


def wait_for(app, ids: list[int], status: str | tuple[str, ...],
             timeout: float = 120) -> list[AudioFile]:
    statuses = (status,) if isinstance(status, str) else status
    deadline = time.monotonic() + timeout
    while True:
        with app.app_context():
            rows = db.session.scalars(select(AudioFile).where(
                AudioFile.bulletin_id.in_(ids))).all()
            if rows and all(r.status in statuses for r in rows) and len(rows) == len(ids):
                return rows
        assert time.monotonic() < deadline, [(r.id, r.status) for r in rows]
        time.sleep(0.05)


def test_two_workers_share_the_redis_queue(shared):
    app, start_worker = shared
    ids = publish(app, "Xã Vũ Dương thông báo lịch họp thôn lúc 19h ngày 05/12.", 8)
    start_worker(), start_worker()
    wait_for(app, ids, "ready")
    with app.app_context():
        details = [json.loads(a.detail) for a in db.session.scalars(
            select(AuditLog).where(AuditLog.action == "audio.ready"))]
    assert len(details) == 8
    assert len({d["worker"] for d in details}) == 2, "both workers should have taken jobs"


def test_a_worker_killed_mid_synthesis_leaves_nothing_servable(shared):
    app, start_worker = shared
    (bid,) = publish(app, LONG, 1)
    victim = start_worker()
    (audio,) = wait_for(app, [bid], ("synthesizing", "mixing"), timeout=60)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    with app.app_context():
        row = db.session.get(AudioFile, audio.id)
        assert row.path is None and row.status in ("synthesizing", "mixing")
        assert media.requeue_stale(db.session, utcnow() + timedelta(minutes=20)) == [audio.id]
        db.session.commit()  # the outbox sends the job to Redis again
    start_worker()
    (done,) = wait_for(app, [bid], "ready")
    path = Path(app.config["DATA_DIR"]) / done.path
    assert probe(path)["duration"] > 60
    assert done.attempts == 2
