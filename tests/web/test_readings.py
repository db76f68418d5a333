"""Recorded readings heard and compared with their text (CONTRACT §8), against a served app.

Loa is served on a real port with its job queue running and the real offline recognizer
(viet-asr). The readings are natural Vietnamese speech from the vieneu wheel on PyPI
(tests/speech_samples.py): a clip's own transcript is the bulletin's body, so reading it is
reading the bulletin's words, and another clip is "other words". Real ffmpeg throughout.
"""

from __future__ import annotations

import json
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from lxml import etree
from sqlalchemy import select

from app.extensions import db
from bulletins import clock, services
from bulletins.models import AudioFile, AuditLog, Slot
from bulletins.speech import checks
from tests.serve import served
from tests.speech_samples import vieneu_samples
from tests.web.conftest import PASSWORD, login, make_bulletin, user

pytestmark = pytest.mark.slow
#: seven words a reader may leave out: with them the clip's word error rate would be 0.39
TITLE = "Thông báo của Ủy ban nhân dân xã"


@pytest.fixture(scope="session")
def samples(pytestconfig) -> dict:
    return vieneu_samples(pytestconfig.cache.mkdir("vieneu-3.8.3"))


@pytest.fixture
def live(app, users, api):
    """The served app hearing with the real recognizer; each role's API token."""
    app.config["RECOGNIZER"] = "vietasr"
    tokens = {name: api(name).token for name in ("editor", "leader", "operator", "reviewer")}
    with served(app, threads=4, jobs=True) as base:
        yield base, tokens


def call(base: str, token: str, method: str, path: str, **kw) -> requests.Response:
    return requests.request(method, f"{base}/api/v1{path}", timeout=60,
                            headers={"Authorization": f"Bearer {token}"}, **kw)


def upload(base: str, token: str, bulletin_id: int, path: Path) -> requests.Response:
    with path.open("rb") as handle:
        return call(base, token, "POST", f"/bulletins/{bulletin_id}/recording",
                    files={"file": (path.name, handle, "audio/wav")})


def heard(base: str, token: str, bulletin_id: int, seconds: float = 120) -> dict:
    """The reading's check once the job has heard it."""
    deadline = time.monotonic() + seconds
    while True:
        answer = call(base, token, "GET", f"/bulletins/{bulletin_id}/recording")
        assert answer.status_code == 200, answer.text
        if answer.json()["status"] != "checking" or time.monotonic() > deadline:
            return answer.json()
        time.sleep(0.3)


def approve(app, bulletin_id: int) -> None:
    """Review and approval go on whatever the reading's state (it never stops the text)."""
    with app.app_context():
        for action, who in (("submit", "editor"), ("clear", "reviewer"), ("approve", "leader")):
            services.perform(db.session, user(who), bulletin_id, action, comment="lý do")
            db.session.commit()


def signed_in(base: str, name: str) -> requests.Session:
    http = requests.Session()
    answer = http.post(f"{base}/login", data={"username": name, "password": PASSWORD},
                       allow_redirects=False, timeout=30)
    assert answer.status_code == 302, name
    return http


def enclosures(base: str, feed: str) -> dict[int, bool]:
    """Bulletin id → whether the RSS feed's item has an enclosure (radio.xml: only with one)."""
    answer = requests.get(f"{base}/feeds/{feed}", timeout=30)
    assert answer.status_code == 200
    items = etree.fromstring(answer.content).iter("item")
    return {int(i.findtext("guid").rstrip("/").rsplit("/", 1)[-1]): i.find("enclosure") is not None
            for i in items}


def save_program(app, web: requests.Session, base: str, bulletin_id: int) -> int:
    """The radio desk puts the bulletin in next week's morning program; the answer's status."""
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "sang"))
    day = clock.local_today().toordinal() + 7
    url = f"{base}/radio/slot/{slot.id}/{clock.local_today().fromordinal(day).isoformat()}"
    return web.post(url, data={"keep": [str(bulletin_id)]}, allow_redirects=False,
                    timeout=60).status_code


def test_a_reading_of_the_bulletins_words_matches_and_airs(app, live, samples):
    base, tokens = live
    ly = samples["Ly"]
    bid = make_bulletin(app, title=TITLE, body=ly.text)
    answer = upload(base, tokens["editor"], bid, ly.wav)
    assert (answer.status_code, answer.json()) == (202, {"status": "checking"})
    check = heard(base, tokens["editor"], bid)
    assert check["status"] == "matched", check
    assert check["wer"] == 0.0 and check["differences"] == []  # the title was left out
    approve(app, bid)
    audio = call(base, tokens["operator"], "GET", f"/bulletins/{bid}/audio")
    assert audio.status_code == 200 and audio.headers["Content-Type"] == "audio/mpeg"
    assert enclosures(base, "rss.xml")[bid] is enclosures(base, "radio.xml")[bid] is True
    page = signed_in(base, "editor").get(f"{base}/desk/b/{bid}", timeout=30).text
    assert "Khớp văn bản" in page and "tỉ lệ từ đọc sai 0 %" in page


def test_a_reading_of_other_words_is_held_until_a_leader_accepts_it(app, live, samples):
    base, tokens = live
    bid = make_bulletin(app, title=TITLE, body=samples["Ly"].text)
    assert upload(base, tokens["editor"], bid, samples["Tuyên"].wav).status_code == 202
    check = heard(base, tokens["editor"], bid)
    assert check["status"] == "held" and check["wer"] > 0.25, check
    assert check["differences"] and {d["op"] for d in check["differences"]} <= {
        "missing", "added", "changed"}
    heard_words = " ".join(d["heard"] for d in check["differences"])
    assert "khúc cây" in heard_words and "logic" in " ".join(
        d["expected"] for d in check["differences"])

    approve(app, bid)  # a held reading does not stop the text's review and approval
    refused = call(base, tokens["operator"], "GET", f"/bulletins/{bid}/audio")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "recording_held"
    assert enclosures(base, "rss.xml")[bid] is False  # the text is public, not the reading
    assert bid not in enclosures(base, "radio.xml")  # the podcast carries only what airs
    operator = signed_in(base, "operator")
    assert operator.get(f"{base}/desk/b/{bid}/audio.mp3", timeout=30).status_code == 409
    assert save_program(app, operator, base, bid) == 409
    assert "bị giữ lại" in operator.get(f"{base}/radio/", timeout=30).text
    leader = signed_in(base, "leader")
    page = leader.get(f"{base}/desk/b/{bid}", timeout=30).text
    assert "Bị giữ lại" in page and "<del" in page and "<ins" in page
    assert "Chấp nhận bản ghi âm" in page  # the leader's form

    accept = f"/bulletins/{bid}/recording/accept"
    assert call(base, tokens["operator"], "POST", accept, json={"comment": "x"}).status_code \
        == 403
    assert call(base, tokens["leader"], "POST", accept, json={}).status_code == 422
    assert call(base, tokens["leader"], "POST", accept, json={"comment": "  "}).status_code \
        == 422
    done = call(base, tokens["leader"], "POST", accept,
                json={"comment": "Phát thanh viên đọc bản cũ; đã nghe lại, nội dung đúng."})
    assert done.status_code == 200 and done.json()["status"] == "accepted"
    assert call(base, tokens["leader"], "POST", accept,
                json={"comment": "lần nữa"}).status_code == 409
    assert call(base, tokens["operator"], "GET", f"/bulletins/{bid}/audio").status_code == 200
    assert enclosures(base, "rss.xml")[bid] is enclosures(base, "radio.xml")[bid] is True
    assert save_program(app, operator, base, bid) == 302
    with app.app_context():
        entry = db.session.scalars(select(AuditLog).where(
            AuditLog.action == "audio.recording_accepted")).one()
        assert entry.actor == "leader" and "đã nghe lại" in json.loads(entry.detail)["comment"]


def test_a_new_reading_replaces_a_held_one(app, live, samples):
    base, tokens = live
    bid = make_bulletin(app, title=TITLE, body=samples["Ly"].text)
    upload(base, tokens["editor"], bid, samples["Tuyên"].wav)
    assert heard(base, tokens["editor"], bid)["status"] == "held"
    upload(base, tokens["editor"], bid, samples["Ly"].wav)
    assert heard(base, tokens["editor"], bid)["status"] == "matched"
    approve(app, bid)
    assert call(base, tokens["operator"], "GET", f"/bulletins/{bid}/audio").status_code == 200


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
                   check=True)


def test_silent_and_non_audio_files_are_refused(app, live, samples, tmp_path):
    base, tokens = live
    bid = make_bulletin(app, title=TITLE, body=samples["Ly"].text)
    silent, hum = tmp_path / "silent.wav", tmp_path / "hum.wav"
    ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "3", str(silent))
    ffmpeg("-i", str(samples["Ly"].wav), "-af", "volume=-60dB", str(hum))  # speech at −80 LUFS
    text = tmp_path / "tin.wav"
    text.write_text("Đây không phải âm thanh.", encoding="utf-8")
    for path, field in ((silent, "silent"), (hum, "silent"), (text, "type")):
        answer = upload(base, tokens["editor"], bid, path)
        assert answer.status_code == 422, (path.name, answer.text)
        assert answer.json()["error"]["fields"] == {"file": field}
    missing = call(base, tokens["editor"], "POST", f"/bulletins/{bid}/recording")
    assert missing.status_code == 422 and missing.json()["error"]["fields"] == {
        "file": "required"}
    assert call(base, tokens["editor"], "GET", f"/bulletins/{bid}/recording").status_code \
        == 404
    assert call(base, tokens["reviewer"], "POST", f"/bulletins/{bid}/recording").status_code \
        == 403


def test_without_a_recognizer_a_reading_is_unchecked_never_matched(app, users, api, samples):
    app.config["RECOGNIZER"] = "none"
    token = api("editor").token
    bid = make_bulletin(app, title=TITLE, body=samples["Ly"].text)
    with served(app, threads=2, jobs=True) as base:
        assert upload(base, token, bid, samples["Ly"].wav).status_code == 202
        check = heard(base, token, bid)
        assert check == {"status": "unchecked", "wer": None, "differences": []}
        approve(app, bid)
        # unchecked is said, not hidden: the reading airs, as before readings were heard
        assert call(base, token, "GET", f"/bulletins/{bid}/audio").status_code == 200
        page = signed_in(base, "editor").get(f"{base}/desk/b/{bid}", timeout=30).text
        assert "Chưa kiểm tra được" in page


def test_a_lost_check_is_asked_again(app, users, api, client, samples):
    """The job queue lost the check (a flushed queue, a killed worker): the tick asks again."""
    bid = make_bulletin(app, title=TITLE, body=samples["Ly"].text)
    login(client, "editor")
    with samples["Ly"].wav.open("rb") as handle:
        client.post(f"/desk/b/{bid}/recording", data={"file": (handle, "ly.wav")},
                    content_type="multipart/form-data")
    jobs = app.extensions["loa.jobs"]
    jobs.huey.flush()
    with app.app_context():
        soon = clock.utcnow() + timedelta(minutes=5)
        assert checks.requeue_stale(db.session, soon) == []
        later = clock.utcnow() + timedelta(minutes=16)
        [audio_id] = checks.requeue_stale(db.session, later)
        db.session.commit()
        assert jobs.run_pending() == 1
        assert db.session.get(AudioFile, audio_id).check_status == "unchecked"
