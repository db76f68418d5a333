"""Stalled background jobs are seen: /healthz and staff pages report the queue's lag, and the
embedded queue also runs under the standard `flask run`."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins import accounts, backlog
from bulletins.models import AudioFile, Bulletin, Program
from bulletins.notifications.notices import Notification, NotificationSettings
from tests.conftest import FIXED_NOW as T0
from tests.web.conftest import PASSWORD, ROLES, login, make_bulletin, user

ROOT = Path(__file__).resolve().parents[2]
BANNER = "Hàng đợi xử lý đang bị tắc"


def health(client) -> dict:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "no-store"
    return response.json


def test_healthz_is_ok_with_nothing_waiting(client, users):
    body = health(client)
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["queue"]["pending"] == 0 and body["queue"]["oldest_wait_s"] == 0
    assert body["queue"]["oldest"] is None and body["queue"]["stall_after_s"] == 300
    assert body["queue"]["embedded"] is False  # tests never start the queue by themselves


@pytest.mark.slow
def test_stalled_audio_degrades_healthz_and_warns_staff_until_a_worker_runs(
        pinned_clock, app, client, users):
    bid = make_bulletin(app, to="published")  # radio channel: its audio is queued now
    body = health(client)
    assert body["status"] == "ok", body
    assert body["queue"]["pending"] == 1 and body["queue"]["waiting"]["audio"] == 1

    pinned_clock.shift(timedelta(minutes=12))  # nobody consumes the queue meanwhile
    body = health(client)
    assert body["status"] == "degraded", body
    assert 720 <= body["queue"]["oldest_wait_s"] < 780 and body["queue"]["oldest"] == "audio"

    for page in ("/", f"/tin/{bid}", "/login"):  # anonymous: never a word about it
        assert BANNER not in client.get(page).get_data(as_text=True), page
    login(client, "editor")
    page = client.get("/desk/editor").get_data(as_text=True)
    assert f"{BANNER}: việc cũ nhất đã chờ 12 phút" in page and 'class="alert-stall"' in page

    app.config["QUEUE_STALL_SECONDS"] = 15 * 60  # the threshold is a setting
    assert health(client)["status"] == "ok"
    assert BANNER not in client.get("/desk/editor").get_data(as_text=True)
    app.config["QUEUE_STALL_SECONDS"] = 300

    assert app.extensions["loa.jobs"].run_pending() >= 1  # a worker catches up
    with app.app_context():
        assert db.session.scalar(select(AudioFile.status).where(
            AudioFile.bulletin_id == bid)) == "ready"
    body = health(client)
    assert body["status"] == "ok" and body["queue"]["pending"] == 0, body
    assert BANNER not in client.get("/desk/editor").get_data(as_text=True)


def test_backlog_counts_programs_due_publishing_and_immediate_mail(pinned_clock, app, users):
    bid = make_bulletin(app, to="approved", channels=["web"],
                        publish_at=(T0 + timedelta(hours=1)).isoformat())
    with app.app_context():
        assert db.session.get(Bulletin, bid).status == "approved"
        editor = user("editor")
        db.session.add(Program(air_date=T0.date(), starts_at=T0.replace(tzinfo=None),
                               title="Chương trình thử", status="queued"))
        db.session.add(NotificationSettings(user_id=editor.id, mode="immediate"))
        db.session.add(Notification(user_id=editor.id, bulletin_id=bid, kind="submitted"))
        db.session.commit()
        found = backlog.measure(db.session, mail=False)  # now: T0 and a few ticks
        assert found.counts == {"audio": 0, "program": 1, "publish": 0}
        assert found.oldest == "program" and not found.stalled()

        later = T0.replace(tzinfo=None) + timedelta(hours=1, minutes=10)  # 10 min past publish_at
        found = backlog.measure(db.session, later, mail=True)
        assert found.counts == {"audio": 0, "program": 1, "publish": 1, "mail": 1}
        assert found.pending == 3 and found.oldest in ("program", "mail")
        assert 69 * 60 < found.oldest_wait_s <= 70 * 60 and found.stalled(300)
        assert not found.stalled(found.oldest_wait_s)  # longer than, not as long as

        db.session.execute(Program.__table__.update().values(status="ready"))
        publish_only = backlog.measure(db.session, later, mail=False)
        assert publish_only.oldest == "publish" and publish_only.oldest_wait_s == 600


def test_requests_start_the_embedded_queue_once_per_process_only_when_wanted(app, client,
                                                                              users):
    jobs = app.extensions["loa.jobs"]
    client.get("/healthz")
    assert not jobs.embedded_here  # TESTING: "auto" leaves the queue to the test

    plain = create_app(config_for_tests(Path(app.config["DATA_DIR"]).parent / "plain")
                       | {"TESTING": False})
    assert plain.extensions["loa.jobs"].embedded_wanted()  # served for real: it would run
    assert not plain.extensions["loa.jobs"].embedded_here  # but create_app starts nothing

    app.config["JOBS_EMBEDDED"] = True
    try:
        assert health(client)["queue"]["embedded"] is True
        first = jobs.start_embedded()
        client.get("/healthz")
        assert jobs.start_embedded() is first  # never a second consumer in this process
        assert not first.stop_flag.is_set()
    finally:
        jobs.stop_embedded()
    assert first.stop_flag.is_set() and not jobs.embedded_here


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own server)
        return json.load(response)


@pytest.mark.slow
def test_flask_run_runs_the_queued_audio(tmp_path):
    """The standard `flask --app wsgi run` (no `serve`, no worker) makes queued audio."""
    setup = create_app(config_for_tests(tmp_path))
    assert setup.test_cli_runner().invoke(args=["init-db"]).exit_code == 0
    with setup.app_context():
        for name in ("editor", "reviewer", "leader"):
            accounts.create_user(db.session, None, name, ROLES[name], PASSWORD, name)
        db.session.commit()
    bid = make_bulletin(setup, to="published")  # its synthesis job waits in DATA_DIR's queue
    assert setup.extensions["loa.jobs"].huey.pending_count() >= 1

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FLASK_", "LOA_", "MAIL_")) and k not in (
               "REDIS_URL", "JOBS_EMBEDDED", "QUEUE_STALL_SECONDS", "WERKZEUG_RUN_MAIN")}
    env.update(DATABASE_URL=setup.config["SQLALCHEMY_DATABASE_URI"],
               DATA_DIR=setup.config["DATA_DIR"], SECRET_KEY="flask-run-test",
               TTS_ENGINE="espeak")
    port = free_port()
    base, log = f"http://127.0.0.1:{port}", tmp_path / "flask-run.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "run", "--port",
             str(port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline, status, body = time.monotonic() + 90, "queued", None
        while status in ("queued", "synthesizing", "mixing") or body is None:
            assert server.poll() is None, log.read_text()[-2000:]
            assert time.monotonic() < deadline, f"audio still {status} under flask run: {body}"
            time.sleep(0.2)
            try:  # any request starts the queue; the monitor's is as good as any
                body = get_json(base + "/healthz")
            except (urllib.error.URLError, ConnectionError):
                continue
            with setup.app_context():
                status = db.session.scalar(select(AudioFile.status).where(
                    AudioFile.bulletin_id == bid))
        assert status == "ready", log.read_text()[-2000:]
        body = get_json(base + "/healthz")
        assert body["status"] == "ok" and body["queue"]["embedded"] is True, body
        assert body["queue"]["pending"] == 0, body
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    with setup.app_context():
        audio = db.session.scalar(select(AudioFile).where(AudioFile.bulletin_id == bid))
        assert (Path(setup.config["DATA_DIR"]) / audio.path).stat().st_size > 1000
        db.engine.dispose()
