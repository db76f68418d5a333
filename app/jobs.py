"""Background jobs on huey: an embedded SQLite queue by default, Redis when REDIS_URL is set."""

from __future__ import annotations

import logging
import os
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask, request
from flask_login import current_user
from huey import PriorityRedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer
from sqlalchemy import select

from app.extensions import db
from bulletins import backlog, services
from bulletins.clock import utcnow
from bulletins.models import ProgramItem
from bulletins.notifications import delivery as notice_mail
from bulletins.notifications import notices as notifications
from bulletins.notifications import smtp as mailer
from bulletins.radio import program_audio, upkeep
from bulletins.speech import checks
from bulletins.speech import synthesis as media

log = logging.getLogger(__name__)


class EmbeddedConsumer(Consumer):
    """A consumer that runs in threads of the web process (no signal handlers there)."""

    def _set_signal_handlers(self) -> None:
        pass


def audio_settings(app: Flask) -> media.AudioSettings:
    c = app.config
    return media.AudioSettings(
        data_dir=Path(c["DATA_DIR"]), engine=c["TTS_ENGINE"], piper_voice=c["PIPER_VOICE"],
        loudness_target=c["LOUDNESS_TARGET"], espeak_speed=c["ESPEAK_SPEED"],
        espeak_gap=c["ESPEAK_GAP"], commune=c["COMMUNE_NAME"],
    )


def check_settings(app: Flask) -> checks.CheckSettings:
    return checks.CheckSettings(data_dir=Path(app.config["DATA_DIR"]),
                                max_wer=app.config["READING_MAX_WER"])


def hearing(app: Flask) -> checks.Hear:
    """The configured recognizer's transcribe (RECOGNIZER: "vietasr", or "none" for off)."""
    from audio.recognize import recognizer

    return recognizer(app.config["RECOGNIZER"]).transcribe


def mail_links(app: Flask) -> notice_mail.Links:
    """The desk's links in notification mail, built from the app's routes.

    Under MAIL_LINK_BASE, else PUBLIC_BASE_URL; a bare path when neither is set.
    """
    c = app.config
    base = (c.get("MAIL_LINK_BASE") or c.get("PUBLIC_BASE_URL") or "").rstrip("/")
    routes = app.url_map.bind("localhost", script_name=c.get("APPLICATION_ROOT") or "/")

    def bulletin(bulletin_id: int) -> str:
        return base + routes.build("desk.detail", {"bulletin_id": bulletin_id})

    return notice_mail.Links(bulletin=bulletin,
                             preferences=base + routes.build("auth.notifications"))


def mail_delivery(app: Flask) -> notice_mail.Delivery | None:
    """SMTP settings and links for notification mail; None while MAIL_SERVER is unset."""
    c = app.config
    if not c.get("MAIL_SERVER"):
        return None
    return notice_mail.Delivery(mailer.MailSettings(
        server=c["MAIL_SERVER"], port=c["MAIL_PORT"], username=c["MAIL_USERNAME"],
        password=c["MAIL_PASSWORD"], starttls=c["MAIL_STARTTLS"], ssl=c["MAIL_SSL"],
        sender=c["MAIL_FROM"], timeout=c["MAIL_TIMEOUT"],
    ), mail_links(app))


class Jobs:
    """The app's queue and its tasks; every task runs inside its own app context."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._embedded: Consumer | None = None
        self._embedded_pid: int | None = None
        self._lock = threading.Lock()
        if app.config["JOBS_BACKEND"] == "redis":
            self.huey = PriorityRedisHuey("loa", url=app.config["REDIS_URL"])
        else:
            path = Path(app.config["DATA_DIR"]) / "jobs.sqlite3"
            path.parent.mkdir(parents=True, exist_ok=True)
            self.huey = SqliteHuey("loa", filename=str(path))
        task = self.huey.task
        self.synthesize = task(retries=4, retry_delay=15, retry_backoff=2,
                               name="synthesize")(self._synthesize)
        self.build_program = task(retries=2, retry_delay=30, name="build_program")(
            self._build_program)
        self.check_programs = task(name="check_programs")(self._check_programs)
        self.check_audio = task(name="check_audio")(self._check_audio)
        self.send_notification = task(retries=3, retry_delay=60, retry_backoff=2,
                                      name="send_notification")(self._send_notification)
        self.periodic = self.huey.periodic_task(crontab(minute="*"), name="every_minute")(
            self._every_minute)

    def _synthesize(self, audio_id: int) -> None:
        with self.app.app_context():
            audio = media.synthesize(db.session, audio_id, audio_settings(self.app),
                                     db.session.commit)
            if audio is not None and audio.status == "ready" and audio.check_status is None:
                checks.queue_check(db.session, audio)  # its clarity, after the MP3 is out
                db.session.commit()

    def _check_audio(self, audio_id: int) -> None:
        with self.app.app_context():
            checks.check_audio(db.session, audio_id, hearing(self.app), check_settings(self.app),
                               db.session.commit)

    def _build_program(self, program_id: int) -> None:
        with self.app.app_context():
            program_audio.build(db.session, program_id, audio_settings(self.app),
                                db.session.commit)

    def _check_programs(self, bulletin_id: int) -> None:
        with self.app.app_context():
            upkeep.check_programs(db.session, bulletin_id=bulletin_id)
            db.session.commit()

    def _send_notification(self, notification_id: int) -> None:
        with self.app.app_context():
            delivery = mail_delivery(self.app)
            if delivery is not None:  # MailError propagates: huey retries
                notice_mail.send_immediate(db.session, notification_id, delivery,
                                             db.session.commit)

    def send_digests(self, now: datetime | None = None, *,
                     all_pending: bool = False) -> tuple[int, int]:
        """Daily digests due (or every pending one); (sent, failed). Needs an app context."""
        delivery = mail_delivery(self.app)
        if delivery is None:
            return 0, 0
        now = now or utcnow()
        boundary = now if all_pending else notice_mail.digest_boundary(
            now, self.app.config["DIGEST_HOUR"])
        return notice_mail.send_digests(
            db.session, delivery, db.session.commit, boundary=boundary, now=now,
            retry_after=timedelta(0) if all_pending else notifications.RETRY_AFTER)

    def _mail_tick(self) -> None:
        """Requeue immediate mail whose job failed or was lost; send due digests."""
        if mail_delivery(self.app) is None:
            return
        for notification_id in notice_mail.requeue_immediate(db.session):
            self.send_notification(notification_id, priority=20)
        db.session.rollback()
        sent, failed = self.send_digests()
        if sent or failed:
            log.info("notification digests: %s sent, %s failed", sent, failed)

    def _in_programs(self, bulletin_id: int) -> bool:
        """Whether a changed bulletin sits in any program (most changes concern none)."""
        with db.engine.connect() as conn:
            return conn.execute(select(ProgramItem.id).where(
                ProgramItem.bulletin_id == bulletin_id).limit(1)).first() is not None

    def _every_minute(self) -> None:
        with self.app.app_context():
            published = services.publish_due(db.session)
            media.requeue_stale(db.session)
            checks.requeue_stale(db.session)
            upkeep.tick(db.session)
            db.session.commit()
            media.sweep_partials(Path(self.app.config["DATA_DIR"]))
            try:
                self._mail_tick()
            except Exception:  # mail trouble must not stop scheduled publishing
                db.session.rollback()
                log.exception("notification mail")
            if published:
                log.info("scheduled publishing: %s", published)

    def dispatch(self, items: list[tuple[str, dict[str, Any]]]) -> None:
        """Enqueue what a committed transaction asked for."""
        for kind, payload in items:
            if kind == "synthesize":
                self.synthesize(payload["audio_id"], priority=payload.get("priority", 0))
            elif kind == "check_audio":  # after the syntheses and programs waiting
                self.check_audio(payload["audio_id"], priority=-10)
            elif kind == "build_program":
                self.build_program(payload["program_id"], priority=payload.get("priority", 0))
            elif kind == "changed" and self._in_programs(payload["bulletin_id"]):
                self.check_programs(payload["bulletin_id"], priority=50)
            elif kind == "notify" and self.app.config.get("MAIL_SERVER"):
                # the domain always records who is notified; only configured mail is sent
                self.send_notification(payload["notification_id"], priority=20)

    def run_pending(self) -> int:
        """Run every queued task now, in this thread (tests, CLI); returns how many ran."""
        count = 0
        while (task := self.huey.dequeue()) is not None:
            self.huey.execute(task)
            count += 1
        return count

    def consumer(self, workers: int = 2, embedded: bool = False) -> Consumer:
        cls = EmbeddedConsumer if embedded else Consumer
        return cls(self.huey, workers=workers, worker_type="thread", periodic=True,
                   check_worker_health=True)

    def embedded_wanted(self) -> bool:
        """JOBS_EMBEDDED: "auto" runs the SQLite queue in served processes, never in tests."""
        setting = self.app.config.get("JOBS_EMBEDDED", "auto")
        if setting == "auto":
            return self.app.config["JOBS_BACKEND"] == "sqlite" and not self.app.testing
        return bool(setting)

    @property
    def embedded_here(self) -> bool:
        """Whether this process already runs the embedded queue."""
        return self._embedded_pid == os.getpid()

    def start_embedded(self, workers: int = 2) -> Consumer:
        """Run the queue in threads of this process, once per process (a fork starts anew)."""
        with self._lock:
            if self._embedded is None or not self.embedded_here:
                self._embedded = self.consumer(workers=workers, embedded=True)
                self._embedded.start()
                self._embedded_pid = os.getpid()
                log.info("embedded job queue started in process %s", self._embedded_pid)
            return self._embedded

    def stop_embedded(self) -> None:
        """Stop this process's embedded queue, letting running jobs finish."""
        with self._lock:
            if self._embedded is not None and self.embedded_here:
                self._embedded.stop(graceful=True)
            self._embedded = self._embedded_pid = None

    def lag(self) -> backlog.Backlog:
        """Work waiting for a job and how long the oldest has waited (needs an app context)."""
        return backlog.measure(db.session, mail=bool(self.app.config.get("MAIL_SERVER")))

    def stalled(self, found: backlog.Backlog) -> bool:
        return found.stalled(self.app.config.get("QUEUE_STALL_SECONDS", backlog.STALL_AFTER_S))


def init_app(app: Flask) -> None:
    jobs = app.extensions["loa.jobs"] = Jobs(app)

    @app.before_request
    def _start_jobs() -> None:
        """Start the embedded queue with the first request a process serves.

        Lazily, not in create_app: `flask run` (and its reloader child), waitress and
        gunicorn workers all serve requests, while the reloader's parent, a pre-fork master
        and CLI commands (init-db, worker) never do, so none of those gets a second queue.
        """
        if not jobs.embedded_here and jobs.embedded_wanted():
            jobs.start_embedded()

    @app.context_processor
    def _queue_stall() -> dict:
        """Staff pages warn when background work waits too long (minutes, or None)."""
        def minutes() -> int | None:
            if not getattr(current_user, "is_authenticated", False) or request.blueprint in (
                    "portal", "api", "help"):
                return None
            found = jobs.lag()
            return found.oldest_wait_s // 60 if jobs.stalled(found) else None

        return {"queue_stall": minutes}
