"""Audio on the desk: previews, recorded readings, jingles, the synthesis cache. Real ffmpeg."""

from __future__ import annotations

import io
import subprocess
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from audio.measure import loudness, probe
from bulletins import services
from bulletins.models import AudioFile, AuditLog, Bulletin, User
from bulletins.speech import synthesis
from tests.web.conftest import login, make_bulletin, user

pytestmark = pytest.mark.slow


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
                   check=True)


@pytest.fixture(scope="module")
def reading(tmp_path_factory) -> Path:
    """A person's 'reading': espeak speech made quiet and stored as M4A (AAC)."""
    folder = tmp_path_factory.mktemp("rec")
    wav = folder / "r.wav"
    subprocess.run(["espeak-ng", "-v", "vi", "-w", str(wav),
                    "Thông báo lịch tiêm chủng của trạm y tế xã."], check=True)
    m4a = folder / "reading.m4a"
    ffmpeg("-i", str(wav), "-af", "volume=-18dB", "-c:a", "aac", "-b:a", "96k", str(m4a))
    return m4a


def upload(client, url: str, data: bytes, name: str):
    return client.post(url, data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data", follow_redirects=True)


def test_preview_is_for_staff_only(app, client, users):
    bid = make_bulletin(app, to="in_review", body="Họp lúc 7h30 ngày 02/12.")
    assert client.get(f"/desk/b/{bid}/preview.mp3").status_code == 302
    login(client, "operator")
    assert client.get(f"/desk/b/{bid}/preview.mp3").status_code == 403
    client.post("/logout")
    login(client, "reviewer")
    response = client.get(f"/desk/b/{bid}/preview.mp3", buffered=True)
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    with app.app_context():
        assert db.session.scalar(select(AudioFile).where(AudioFile.bulletin_id == bid)) is None


def test_staff_opening_one_preview_together_wait_for_one_synthesis(app, users, monkeypatch):
    """A reviewer, a leader and an editor open a new text's preview in the same moment: it is
    spoken once, and all three hear that one file."""
    bid = make_bulletin(app, to="in_review",
                        body="Trạm Y tế xã thông báo lịch tiêm chủng mở rộng tháng 12. " * 12)
    spoken, speak = [], synthesis._speak

    def counted(*args, **kwargs):  # the real synthesis, counted
        spoken.append(args[-1])
        return speak(*args, **kwargs)

    monkeypatch.setattr(synthesis, "_speak", counted)
    start, heard = threading.Barrier(3), {}

    def listen(name: str) -> None:
        client = app.test_client()
        login(client, name)
        start.wait()
        answer = client.get(f"/desk/b/{bid}/preview.mp3", buffered=True)
        heard[name] = (answer.status_code, answer.get_data())

    listeners = [threading.Thread(target=listen, args=(name,))
                 for name in ("reviewer", "leader", "editor")]
    for thread in listeners:
        thread.start()
    for thread in listeners:
        thread.join(120)
    assert len(spoken) == 1, spoken
    assert {code for code, _ in heard.values()} == {200} and len(heard) == 3
    assert len({mp3 for _, mp3 in heard.values()}) == 1
    assert probe(Path(spoken[0]))["duration"] > 10


def test_recorded_reading_replaces_synthesis_and_is_levelled(app, client, users, reading):
    bid = make_bulletin(app, to="draft")
    login(client, "editor")
    page = upload(client, f"/desk/b/{bid}/recording", reading.read_bytes(), "doc.m4a")
    assert "Đã nhận bản ghi âm" in page.get_data(as_text=True)
    with app.app_context():
        for action, who in [("submit", "editor"), ("clear", "reviewer"), ("approve", "leader")]:
            services.perform(db.session, user(who), bid, action)
            db.session.commit()
        # the reading is heard (here without a recognizer: 'unchecked'); nothing to synthesize
        assert app.extensions["loa.jobs"].run_pending() == 1
        audio = db.session.scalar(select(AudioFile).where(AudioFile.bulletin_id == bid))
        assert (audio.source, audio.status, audio.check_status) == (
            "recording", "ready", "unchecked")
        path = Path(app.config["DATA_DIR"]) / audio.path
        b = db.session.get(Bulletin, bid)
        assert audio.content_hash == b.content_hash
    info = probe(path)
    assert info["codec"] == "mp3" and info["channels"] == 1
    lufs, peak = loudness(path)
    assert abs(lufs - (-16)) <= 1 and peak <= -1.0


@pytest.mark.parametrize("data,name,message", [
    (b"<html>not audio</html>", "tin.mp3", "chỉ nhận MP3, WAV hoặc M4A"),
    (b"", "empty.wav", "Tệp rỗng"),
])
def test_bad_uploads_get_a_clear_message(app, client, users, data, name, message):
    bid = make_bulletin(app)
    login(client, "editor")
    page = upload(client, f"/desk/b/{bid}/recording", data, name)
    assert message in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(AudioFile).where(AudioFile.bulletin_id == bid)) is None
    assert not any((Path(app.config["DATA_DIR"]) / "uploads").glob("*"))


def test_recording_after_approval_needs_operator_or_leader(app, client, users, reading):
    bid = make_bulletin(app, to="published")
    login(client, "editor")
    page = upload(client, f"/desk/b/{bid}/recording", reading.read_bytes(), "r.m4a")
    assert "chỉ vận hành đài hoặc lãnh đạo" in page.get_data(as_text=True)


def test_jingle_upload_checked_by_content_and_length(app, client, users, tmp_path):
    long_wav = tmp_path / "long.wav"
    # small enough (8 kHz, 8-bit) to stay in the test client's in-memory multipart buffer
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=31", "-ar", "8000",
           "-c:a", "pcm_u8", str(long_wav))
    short_wav = tmp_path / "short.wav"
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=660:duration=2", str(short_wav))
    with app.app_context():  # the province's admin (as init-db makes it) sets the default
        db.session.get(User, users["admin"]).commune_id = None
        db.session.commit()
    login(client, "admin")
    url = "/admin/audio"
    too_long = client.post(url, data={"which": "intro", "file": (long_wav.open("rb"), "a.wav")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "Độ dài phải" in too_long.get_data(as_text=True)
    ok = client.post(url, data={"which": "intro", "file": (short_wav.open("rb"), "b.wav")},
                     content_type="multipart/form-data", follow_redirects=True)
    assert "Đã lưu nhạc hiệu" in ok.get_data(as_text=True)
    intro = Path(app.config["DATA_DIR"]) / "jingles" / "intro.wav"
    duration = probe(intro)["duration"]
    assert 2.5 > duration > 1.5
    client.post(url, data={"which": "intro", "reset": "y"})
    assert not intro.exists()


def test_same_text_is_synthesized_once(app, users):
    fields = {"title": "Lịch thu thuế", "body": "Thu thuế đất từ ngày 01/12."}
    first = make_bulletin(app, to="published", **fields)
    with app.app_context():
        app.extensions["loa.jobs"].run_pending()
    second = make_bulletin(app, to="published", **fields)
    with app.app_context():
        app.extensions["loa.jobs"].run_pending()
        a1, a2 = (db.session.scalar(select(AudioFile).where(AudioFile.bulletin_id == b))
                  for b in (first, second))
        assert a1.status == a2.status == "ready"
        assert a1.path == a2.path and a1.cache_key == a2.cache_key
        reused = db.session.scalars(select(AuditLog).where(AuditLog.action == "audio.reused"))
        assert len(reused.all()) == 1
