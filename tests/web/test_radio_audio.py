"""A program built for real: espeak-ng speech, ffmpeg mastering, the huey job, ffprobe checks."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from audio.measure import loudness, probe
from bulletins import accounts, clock, services
from bulletins.models import Program, Slot
from bulletins.radio import program_audio, programs
from bulletins.speech.synthesis import jingles
from tests.web.conftest import login, make_bulletin, user

P = program_audio


def seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


@pytest.mark.slow
def test_program_audio_script_playlist_and_withdrawal(app, client, api, tmp_path):
    first = make_bulletin(app, to="published", title="Lịch tiêm chủng tháng 12",
                          body="Trạm Y tế xã tiêm chủng lúc 7 giờ 30 sáng thứ Năm.")
    second = make_bulletin(app, to="published", title="Thu gom rác thải",
                           body="Các thôn thu gom rác vào chiều thứ Bảy hằng tuần.")
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "chieu"))
        program = programs.save_program(db.session, user("operator"), slot.id,
                                        clock.local_today(), [second, first])
        db.session.commit()
        pid = program.id
        assert app.extensions["loa.jobs"].run_pending() >= 1
    data = Path(app.config["DATA_DIR"])
    operator = api("operator")
    answer = operator.get(f"/api/v1/programs/{pid}/audio", buffered=True)
    assert answer.status_code == 200 and answer.mimetype == "audio/mpeg", answer.data[:300]
    mp3 = tmp_path / "program.mp3"
    mp3.write_bytes(answer.data)

    speech = sorted((data / "speech").rglob("*.wav"))
    assert len(speech) == 6  # opening, two titles, two texts, close
    chime = seconds(jingles(data)[0])
    pauses = (2 * P.LEAD_IN + P.AFTER_JINGLE + P.AFTER_OPENING + P.BEFORE_OUTRO
              + 2 * (P.AFTER_TITLE + P.AFTER_BULLETIN))
    expected = 2 * chime + pauses + sum(seconds(p) for p in speech)
    info = probe(mp3)
    assert info["duration"] == pytest.approx(expected, abs=1.0)
    assert info["codec"] == "mp3" and info["channels"] == 1
    assert [c["title"] for c in info["chapters"]] == [
        "Mở đầu", "Tin 1: Thu gom rác thải", "Tin 2: Lịch tiêm chủng tháng 12", "Kết thúc"]
    assert info["chapters"][-1]["end"] == pytest.approx(expected, abs=1.0)
    assert info["tags"]["title"].startswith("Chương trình phát thanh chiều")
    assert "xã Vũ Dương" in info["tags"]["artist"]
    lufs, peak = loudness(mp3)
    assert lufs == pytest.approx(app.config["LOUDNESS_TARGET"], abs=1.0) and peak <= -1.0

    login(client, "operator")
    script = client.get(f"/radio/programs/{pid}/script").get_data(as_text=True)
    assert script.index("Thu gom rác thải") < script.index("Lịch tiêm chủng tháng 12")
    assert "Đài Truyền thanh xã Vũ Dương, chương trình phát thanh chiều" in script
    assert "@media print" in client.get("/static/loa.css", buffered=True).get_data(as_text=True)
    m3u = client.get(f"/radio/programs/{pid}/playlist.m3u").get_data(as_text=True)
    assert m3u.splitlines()[0] == "#EXTM3U" and m3u.count("#EXTINF") == 2
    assert client.get(f"/radio/programs/{pid}/audio.mp3", buffered=True).status_code == 200

    with app.app_context():  # withdrawn: out of the program, which is rebuilt, operators told
        services.perform(db.session, user("leader"), second, "withdraw", comment="Sai lịch")
        db.session.commit()
        app.extensions["loa.jobs"].run_pending()
        program = db.session.get(Program, pid)
        assert program.status == "ready" and program.bulletin_ids == [first]
        assert "Thu gom rác thải" in program.notice and "dựng lại" in program.notice
        assert len(list((data / "speech").rglob("*.wav"))) == 6  # nothing spoken again
    rebuilt = probe(data / program.path)
    assert rebuilt["duration"] < info["duration"] - 2
    page = client.get("/radio/").get_data(as_text=True)
    assert "Thu gom rác thải" in page and "đã bỏ khỏi chương trình" in page


@pytest.mark.slow
def test_program_audio_answers_ranges_like_bulletin_audio(app, client, users):
    """One sender for every MP3: the program's audio answers 206 and 416 as the portal's does."""
    bid = make_bulletin(app, to="published", title="Lịch họp", body="Họp thôn lúc 8 giờ.")
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "sang"))
        pid = programs.save_program(db.session, user("operator"), slot.id,
                                    clock.local_today(), [bid]).id
        token = accounts.create_token(db.session, None, user("operator"))
        db.session.commit()
        app.extensions["loa.jobs"].run_pending()
        size = (Path(app.config["DATA_DIR"]) / db.session.get(Program, pid).path).stat().st_size
    login(client, "operator")
    for url, auth in ((f"/radio/programs/{pid}/audio.mp3", {}),
                      (f"/api/v1/programs/{pid}/audio", {"Authorization": f"Bearer {token}"})):
        full = client.get(url, headers=auth, buffered=True)
        assert full.status_code == 200 and full.headers["Accept-Ranges"] == "bytes", url
        assert len(full.data) == size
        part = client.get(url, headers={**auth, "Range": "bytes=10-19"}, buffered=True)
        assert part.status_code == 206 and part.data == full.data[10:20], url
        assert part.headers["Content-Range"] == f"bytes 10-19/{size}"
        beyond = client.get(url, headers={**auth, "Range": f"bytes={size}-"}, buffered=True)
        assert beyond.status_code == 416, url
        assert beyond.headers["Content-Range"] == f"bytes */{size}"
        assert beyond.headers["Accept-Ranges"] == "bytes" and beyond.data == b"", url
