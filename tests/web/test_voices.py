"""Piper voices through the app (#16 item 3): `install-voice` on the command line, the admin's
choice per language, and TTS_ENGINE=auto speaking a Vietnamese bulletin with the chosen voice
when Google does not answer (faked unreachable at the HTTP layer), recorded on the audio row.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from app.jobs import audio_settings
from bulletins import audit
from bulletins.models import AudioFile, AuditLog, User
from bulletins.speech import synthesis
from tests.piper_voices import VI_NAME, vietnamese_voice
from tests.web.conftest import login, make_bulletin


def run(app, *args):
    return app.test_cli_runner(mix_stderr=False).invoke(args=list(args))


def entries(app, action: str) -> list[dict]:
    with app.app_context():
        rows = db.session.scalars(select(AuditLog).where(AuditLog.action == action)
                                  .order_by(AuditLog.seq)).all()
        return [{"actor": r.actor, "target": r.target, **json.loads(r.detail)} for r in rows]


@pytest.fixture
def given(tmp_path: Path) -> tuple[Path, Path]:
    return vietnamese_voice(tmp_path / "download")


@pytest.fixture
def data_dir(app) -> Path:
    return Path(app.config["DATA_DIR"])


def test_install_voice_stores_chooses_and_audits(app, given, data_dir):
    result = run(app, "install-voice", *map(str, given))
    assert result.exit_code == 0, result.stderr
    assert "vi_VN" in result.stderr and "22050 Hz" in result.stderr
    stored = data_dir / "voices" / VI_NAME
    assert sorted(p.name for p in stored.iterdir()) == [f"{VI_NAME}.onnx",
                                                         f"{VI_NAME}.onnx.json"]
    assert json.loads((data_dir / "voices" / "chosen.json").read_text()) == {"vi": VI_NAME}
    [installed] = entries(app, "voice.installed")
    assert installed["actor"] == "cli" and installed["target"] == f"voice:{VI_NAME}"
    assert installed["language"] == "vi_VN" and installed["sample_rate"] == 22050
    assert len(installed["sha256"]) == 64
    assert [e["language"] for e in entries(app, "voice.chosen")] == ["vi"]

    again = run(app, "install-voice", *map(str, given))
    assert again.exit_code == 1 and "--replace" in again.stderr
    assert run(app, "install-voice", "--replace", *map(str, given)).exit_code == 0
    assert len(entries(app, "voice.installed")) == 2
    assert len(entries(app, "voice.chosen")) == 1  # the choice stands
    with app.app_context():
        assert audit.verify(db.session).ok


@pytest.mark.parametrize(("spoil", "message"), [
    (lambda onnx, config: config.write_text("{not json"), "JSON"),
    (lambda onnx, config: config.write_text('{"audio": {"sample_rate": 22050}}'), "ngôn ngữ"),
    (lambda onnx, config: (onnx.unlink(), onnx.write_bytes(b"\0" * 2048)), "Piper"),
    (lambda onnx, config: onnx.unlink(), "Không tìm thấy"),
])
def test_install_voice_refuses_bad_files_and_writes_nothing(app, given, data_dir, spoil,
                                                            message):
    spoil(*given)
    result = run(app, "install-voice", *map(str, given))
    assert result.exit_code == 1
    assert result.stderr.startswith("Lỗi: ") and message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (data_dir / "voices").exists()
    assert entries(app, "voice.installed") == []


def _speak(app, data_dir: Path, **fields) -> AudioFile:
    """Publish a bulletin and run its synthesis job with TTS_ENGINE=auto."""
    bid = make_bulletin(app, to="published", **fields)
    with app.app_context():
        audio_id = db.session.scalars(select(AudioFile.id).where(
            AudioFile.bulletin_id == bid)).one()
        settings = replace(audio_settings(app), engine="auto")
        synthesis.synthesize(db.session, audio_id, settings, db.session.commit)
        audio = db.session.get(AudioFile, audio_id)
        db.session.expunge(audio)
        return audio


def test_auto_speaks_a_vietnamese_bulletin_with_the_installed_voice(app, users, given,
                                                                    data_dir, google_down):
    assert run(app, "install-voice", *map(str, given)).exit_code == 0
    audio = _speak(app, data_dir)
    assert len(google_down.calls) >= 1  # Google was tried first
    assert audio.status == "ready" and audio.engine == "piper" and audio.fallback is True
    assert audio.settings["voice"] == f"{VI_NAME}.onnx"
    assert audio.settings["requested"] == "auto" and audio.settings["language"] == "vi"
    assert (data_dir / audio.path).stat().st_size > 1000
    assert entries(app, "audio.ready")[-1]["engine"] == "piper"

    english = _speak(app, data_dir, title="Vaccination", body="The clinic opens at seven.",
                     language="en")
    assert english.engine == "espeak"  # no English voice chosen


def test_auto_falls_back_to_espeak_without_a_voice(app, users, data_dir, google_down):
    audio = _speak(app, data_dir)
    assert audio.status == "ready" and audio.engine == "espeak" and audio.fallback is True


def test_auto_falls_back_to_espeak_when_the_voice_fails_to_load(app, users, given, data_dir,
                                                               google_down):
    assert run(app, "install-voice", *map(str, given)).exit_code == 0
    stored = data_dir / "voices" / VI_NAME / f"{VI_NAME}.onnx"
    stored.write_bytes(b"damaged on disk")
    audio = _speak(app, data_dir)
    assert audio.status == "ready" and audio.engine == "espeak"
    assert any("cannot load voice" in e for e in audio.settings["passed_over"])


def test_admin_chooses_the_voice_per_language(app, client, users, given, data_dir):
    assert run(app, "install-voice", *map(str, given)).exit_code == 0
    with app.app_context():  # the province's admin, as init-db makes it, sets the default
        db.session.get(User, users["admin"]).commune_id = None
        db.session.commit()
    login(client, "admin")
    page = client.get("/admin/audio").get_data(as_text=True)
    assert VI_NAME in page and "22050 Hz" in page

    client.post("/admin/audio/voices", data={"vi": "", "en": ""})
    assert json.loads((data_dir / "voices" / "chosen.json").read_text()) == {}
    chosen = entries(app, "voice.chosen")[-1]
    assert chosen["actor"] == "admin" and chosen["language"] == "vi" and chosen["before"] == VI_NAME

    # a Vietnamese voice is not offered for English; nothing changes
    client.post("/admin/audio/voices", data={"vi": VI_NAME, "en": VI_NAME})
    assert json.loads((data_dir / "voices" / "chosen.json").read_text()) == {}

    response = client.post("/admin/audio/voices", data={"vi": VI_NAME, "en": ""},
                           follow_redirects=True)
    assert response.status_code == 200
    assert json.loads((data_dir / "voices" / "chosen.json").read_text()) == {"vi": VI_NAME}
    assert len(entries(app, "voice.chosen")) == 3  # install, cleared, chosen again


def test_only_admins_choose_voices(app, client, users, given, data_dir):
    assert run(app, "install-voice", *map(str, given)).exit_code == 0
    login(client, "operator")
    assert client.post("/admin/audio/voices", data={"vi": ""}).status_code == 403
    assert json.loads((data_dir / "voices" / "chosen.json").read_text()) == {"vi": VI_NAME}
