"""An audio job that fails leaves its row failed, the error kept and audited, then re-raises."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from app.jobs import audio_settings
from bulletins import audit, clock
from bulletins.models import AudioFile, AuditLog, Program, Slot
from bulletins.radio import program_audio, programs
from bulletins.speech import synthesis
from tests.web.conftest import make_bulletin, user

PIPER_ERROR = "TTS_ENGINE=piper needs PIPER_VOICE"


def _broken(app) -> synthesis.AudioSettings:
    """The app's settings with an engine that cannot start: Piper without a voice."""
    return replace(audio_settings(app), engine="piper", piper_voice=None)


def _last(action: str) -> AuditLog:
    return db.session.scalars(select(AuditLog).where(AuditLog.action == action)
                              .order_by(AuditLog.seq.desc())).first()


def test_failed_synthesis_marks_the_audio_failed_and_audits(app, users):
    bid = make_bulletin(app, to="published")
    with app.app_context():
        audio_id = db.session.scalars(select(AudioFile.id).where(
            AudioFile.bulletin_id == bid)).one()
        with pytest.raises(ValueError, match=PIPER_ERROR):
            synthesis.synthesize(db.session, audio_id, _broken(app), db.session.commit)
        db.session.expire_all()
        audio = db.session.get(AudioFile, audio_id)
        assert audio.status == "failed" and audio.error.startswith(PIPER_ERROR)
        assert audio.attempts == 0  # the half-done work (its attempt count too) rolled back
        entry = _last("audio.failed")
        assert entry.actor == "system" and entry.target == f"bulletin:{bid}"
        detail = json.loads(entry.detail)
        assert detail["audio"] == audio_id and detail["error"].startswith(PIPER_ERROR)
        assert audit.verify(db.session).ok


def test_failed_program_build_marks_the_program_failed_and_audits(app, users):
    bid = make_bulletin(app, to="published")
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "chieu"))
        program = programs.save_program(db.session, user("operator"), slot.id,
                                        clock.local_today(), [bid])
        db.session.commit()
        pid = program.id
        settings = _broken(app)
        with pytest.raises(ValueError, match=PIPER_ERROR):
            program_audio.build(db.session, pid, settings, db.session.commit)
        db.session.expire_all()
        program = db.session.get(Program, pid)
        assert program.status == "failed" and program.error.startswith(PIPER_ERROR)
        assert not program.path
        entry = _last("program.failed")
        assert entry.actor == "system" and entry.target == f"program:{pid}"
        assert json.loads(entry.detail)["error"].startswith(PIPER_ERROR)
        assert not list(Path(settings.data_dir).glob("programs/**/*.mp3"))
