"""Background jobs on huey: an embedded SQLite queue by default, Redis when REDIS_URL is set."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask
from huey import PriorityRedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer
from sqlalchemy import select

from app.extensions import db
from bulletins import media, program_audio, programs, services
from bulletins.radio_models import ProgramItem

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
        self.build_program = task(retries=2, retry_delay=30, name="build_program")(
            self._build_program)
        self.check_programs = task(name="check_programs")(self._check_programs)
        self.periodic = self.huey.periodic_task(crontab(minute="*"), name="every_minute")(
            self._every_minute)

    def _synthesize(self, audio_id: int) -> None:
        with self.app.app_context():
            media.synthesize(db.session, audio_id, audio_settings(self.app), db.session.commit)

    def _build_program(self, program_id: int) -> None:
        with self.app.app_context():
            program_audio.build(db.session, program_id, audio_settings(self.app),
                                db.session.commit)

    def _check_programs(self, bulletin_id: int) -> None:
        with self.app.app_context():
            programs.check_programs(db.session, bulletin_id=bulletin_id)
            db.session.commit()

    def _in_programs(self, bulletin_id: int) -> bool:
        """Whether a changed bulletin sits in any program (most changes concern none)."""
        with db.engine.connect() as conn:
            return conn.execute(select(ProgramItem.id).where(
                ProgramItem.bulletin_id == bulletin_id).limit(1)).first() is not None

    def _every_minute(self) -> None:
        with self.app.app_context():
            published = services.publish_due(db.session)
            media.requeue_stale(db.session)
            programs.tick(db.session)
            db.session.commit()
            media.sweep_partials(Path(self.app.config["DATA_DIR"]))
            if published:
                log.info("scheduled publishing: %s", published)

    def dispatch(self, items: list[tuple[str, dict[str, Any]]]) -> None:
        """Enqueue what a committed transaction asked for."""
        for kind, payload in items:
            if kind == "synthesize":
                self.synthesize(payload["audio_id"], priority=payload.get("priority", 0))
            elif kind == "build_program":
                self.build_program(payload["program_id"], priority=payload.get("priority", 0))
            elif kind == "changed" and self._in_programs(payload["bulletin_id"]):
                self.check_programs(payload["bulletin_id"], priority=50)

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
