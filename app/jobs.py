"""Background jobs on huey: an embedded SQLite queue by default, Redis when REDIS_URL is set."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask
from huey import PriorityRedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer

from app.extensions import db
from bulletins import media, services

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


class Jobs:
    """The app's queue and its tasks; every task runs inside its own app context."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        if app.config["JOBS_BACKEND"] == "redis":
            self.huey = PriorityRedisHuey("loa", url=app.config["REDIS_URL"])
        else:
            path = Path(app.config["DATA_DIR"]) / "jobs.sqlite3"
            path.parent.mkdir(parents=True, exist_ok=True)
            self.huey = SqliteHuey("loa", filename=str(path))
        task = self.huey.task
        self.synthesize = task(retries=4, retry_delay=15, retry_backoff=2,
                               name="synthesize")(self._synthesize)
        self.periodic = self.huey.periodic_task(crontab(minute="*"), name="every_minute")(
            self._every_minute)

    def _synthesize(self, audio_id: int) -> None:
        with self.app.app_context():
            media.synthesize(db.session, audio_id, audio_settings(self.app), db.session.commit)

    def _every_minute(self) -> None:
        with self.app.app_context():
            published = services.publish_due(db.session)
            media.requeue_stale(db.session)
            db.session.commit()
            if published:
                log.info("scheduled publishing: %s", published)

    def dispatch(self, items: list[tuple[str, dict[str, Any]]]) -> None:
        """Enqueue what a committed transaction asked for."""
        for kind, payload in items:
            if kind == "synthesize":
                self.synthesize(payload["audio_id"], priority=payload.get("priority", 0))

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


def init_app(app: Flask) -> None:
    app.extensions["loa.jobs"] = Jobs(app)
