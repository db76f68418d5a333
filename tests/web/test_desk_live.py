"""Issue #17 items 3, 5, 6: live status JSON, the leader's labelled actions, what the desk says.

Audio is made by the real job (espeak-ng and ffmpeg); the preview's leading silence is measured
with ffmpeg's silencedetect on the MP3 the desk serves.
"""

from __future__ import annotations

import re
from datetime import timedelta

from flask_babel import force_locale
from sqlalchemy import select

from app.desk.messages import DONE
from app.extensions import db
from bulletins import clock
from bulletins.models import Bulletin, Program, Slot
from bulletins.radio import programs
from tests.unit.silence import leading_silence_s
from tests.web.conftest import login, make_bulletin, user

KEYS = {"status", "label", "done", "estimate_s", "estimate", "poll_after_s", "kind", "id",
        "bulletin_status", "bulletin_label", "duration_s", "src", "download", "public_url",
        "public_audio_url"}


def flashes(response) -> list[str]:
    return re.findall(r'<p class="flash (?:success|error)" role="status">([^<]*)</p>',
                      response.get_data(as_text=True))


def test_bulletin_status_json_from_queued_to_ready(app, client, users):
    bid = make_bulletin(app, to="published")
    login(client, "reviewer")  # any staff role reads a bulletin's status, as its page
    waiting = client.get(f"/desk/b/{bid}/status.json")
    assert waiting.status_code == 200 and waiting.headers["Cache-Control"] == "no-store"
    data = waiting.get_json()
    assert set(data) == KEYS
    assert (data["kind"], data["id"], data["status"], data["done"]) == ("audio", bid, "queued",
                                                                        False)
    assert data["label"] == "Đang chờ" and data["bulletin_status"] == "published"
    assert 1 <= data["estimate_s"] <= 60 and data["estimate"] == f"khoảng {data['estimate_s']} giây"
    assert data["src"] is None and data["public_audio_url"] is None
    assert data["public_url"].startswith(f"/tin/{bid}-")
    assert 1 <= data["poll_after_s"] <= 30

    assert app.extensions["loa.jobs"].run_pending() >= 1  # real espeak-ng and ffmpeg
    ready = client.get(f"/desk/b/{bid}/status.json").get_json()
    assert (ready["status"], ready["label"], ready["done"]) == ("ready", "Sẵn sàng", True)
    assert ready["estimate_s"] is None and ready["estimate"] == "" and ready["poll_after_s"] is None
    assert ready["src"] == f"/desk/b/{bid}/audio.mp3" and ready["duration_s"] > 1
    assert ready["public_audio_url"].startswith(f"/audio/{bid}/")
    public = client.get(ready["public_audio_url"])
    public.close()
    assert public.status_code == 200


def test_draft_status_has_no_audio_and_is_done(app, client, users):
    bid = make_bulletin(app, to="draft")
    login(client, "editor")
    data = client.get(f"/desk/b/{bid}/status.json").get_json()
    assert (data["status"], data["done"], data["label"], data["public_url"]) == (
        "none", True, "", None)


def test_status_endpoints_refuse_like_their_pages(app, client, users):
    bid = make_bulletin(app, to="published")
    anonymous = client.get(f"/desk/b/{bid}/status.json")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    login(client, "editor")
    assert client.get("/desk/b/99999/status.json").status_code == 404
    program_id = _program(app, bid)
    assert client.get(f"/radio/programs/{program_id}/status.json").status_code == 403
    client.post("/logout")
    login(client, "leader")
    assert client.get(f"/radio/programs/{program_id}/status.json").status_code == 403
    client.post("/logout")
    login(client, "operator")
    assert client.get("/radio/programs/99999/status.json").status_code == 404


def _program(app, *bulletin_ids: int) -> int:
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "sang"))
        program = programs.save_program(db.session, user("operator"), slot.id,
                                        clock.local_today(), list(bulletin_ids))
        db.session.commit()
        return program.id


def test_program_status_json_until_built(app, client, users):
    bid = make_bulletin(app, to="published")
    program_id = _program(app, bid)
    login(client, "operator")
    data = client.get(f"/radio/programs/{program_id}/status.json").get_json()
    assert (data["kind"], data["status"], data["label"], data["done"]) == (
        "program", "queued", "Đang chờ dựng", False)
    assert data["estimate"].startswith("khoảng ") and data["src"] is None
    app.extensions["loa.jobs"].run_pending()
    with app.app_context():
        assert db.session.get(Program, program_id).status == "ready"
    built = client.get(f"/radio/programs/{program_id}/status.json").get_json()
    assert (built["status"], built["label"], built["done"]) == ("ready", "Sẵn sàng", True)
    assert built["src"] == f"/radio/programs/{program_id}/audio.mp3" and built["duration_s"] > 1


def test_each_action_says_what_happened(app, client, users):
    bid = make_bulletin(app, to="draft")
    login(client, "editor")
    said = client.post(f"/desk/b/{bid}/action/submit", data={"version": "1"},
                       follow_redirects=True)
    assert flashes(said) == ["Đã gửi thẩm định."]
    client.post("/logout")
    login(client, "reviewer")
    said = client.post(f"/desk/b/{bid}/action/return", follow_redirects=True,
                       data={"version": _version(app, bid), "comment": "Sửa"})
    assert flashes(said) == ["Đã trả lại cho biên tập viên."]
    other = make_bulletin(app, to="in_review", title="Bản thứ hai")
    version = _version(app, other)
    said = client.post(f"/desk/b/{other}/action/clear", follow_redirects=True, data={
        "version": version, "no_secrets": "y", "no_personal_data": "y", "verified": "y",
        "fit_for_radio": "y"})
    assert flashes(said) == ["Đã thông qua thẩm định, chờ lãnh đạo duyệt."]
    client.post("/logout")
    login(client, "leader")
    unconfirmed = client.post(f"/desk/b/{other}/action/approve",
                              data={"version": _version(app, other)}, follow_redirects=True)
    assert flashes(unconfirmed) == ["Hãy đánh dấu ô xác nhận trước khi phê duyệt."]
    assert _status(app, other) == "awaiting_approval"
    said = client.post(f"/desk/b/{other}/action/approve", follow_redirects=True,
                       data={"version": _version(app, other), "confirm": "y"})
    assert flashes(said) == ["Đã phê duyệt và xuất bản."] and _status(app, other) == "published"
    said = client.post(f"/desk/b/{other}/action/withdraw", follow_redirects=True,
                       data={"version": _version(app, other), "comment": "Hết hiệu lực"})
    assert flashes(said) == ["Đã gỡ xuống."]
    third = make_bulletin(app, to="awaiting_approval", title="Bản thứ ba")
    said = client.post(f"/desk/b/{third}/action/reject", follow_redirects=True,
                       data={"version": _version(app, third), "comment": "Không phù hợp"})
    assert flashes(said) == ["Đã từ chối."]


def test_a_scheduled_approval_says_when(app, client, users, pinned_clock):
    later = (clock.utcnow() + timedelta(days=2)).replace(second=0, microsecond=0)
    bid = make_bulletin(app, to="awaiting_approval", publish_at=later)
    login(client, "leader")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    local = later.strftime("%d/%m/%Y %H:%M")  # the service reads a naive time as local
    assert f"Bản tin được lên lịch xuất bản lúc {local} trên cổng thông tin điện tử" in page
    said = client.post(f"/desk/b/{bid}/action/approve", follow_redirects=True,
                       data={"version": _version(app, bid), "confirm": "y"})
    assert flashes(said) == [f"Đã phê duyệt; lên lịch xuất bản lúc {local}."]
    assert _status(app, bid) == "approved"


def test_leader_sees_labelled_reasons_and_what_approval_does(app, client, users):
    bid = make_bulletin(app, to="awaiting_approval")
    login(client, "leader")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    for action, label in (("return", "Lý do trả lại"), ("reject", "Lý do từ chối")):
        assert re.search(rf'<label for="comment-{action}">{label} ', page), action
        assert f'<textarea id="comment-{action}" name="comment"' in page
        assert f'aria-describedby="hint-{action}"' in page
    assert page.count("<legend>") >= 3 and "Lý do (bắt buộc)" not in page
    assert ("Bản tin được xuất bản ngay trên cổng thông tin điện tử và đài truyền thanh."
            in page)
    assert re.search(r'<input type="checkbox" name="confirm" value="y" required', page)


def test_published_page_links_to_its_public_page_and_audio(app, client, users):
    bid = make_bulletin(app, to="published")
    app.extensions["loa.jobs"].run_pending()
    login(client, "leader")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert re.search(rf'<a href="/tin/{bid}-[a-z0-9-]+">Xem trang công khai', page)
    assert re.search(rf'<a href="/audio/{bid}/[0-9a-f]{{16}}\.mp3">Nghe MP3 công khai', page)


def test_every_message_is_translated(app):
    with app.test_request_context():
        for key, message in DONE.items():
            with force_locale("vi"):
                vietnamese = str(message)
            with force_locale("en"):
                english = str(message)
            assert english and english != vietnamese, key


def test_preview_speaks_at_once(app, client, users):
    bid = make_bulletin(app, to="in_review")
    login(client, "reviewer")
    answer = client.get(f"/desk/b/{bid}/preview.mp3")
    mp3 = answer.get_data()
    answer.close()
    assert answer.status_code == 200 and answer.mimetype == "audio/mpeg"
    silence = leading_silence_s(mp3)
    assert silence < 0.5, silence


def test_a_text_longer_than_the_longest_slot_says_so(app, client, users):
    """A report pasted whole reads for most of an hour: the desk says so beside the preview,
    and that its preview takes minutes, not seconds."""
    body = ("Trạm Y tế xã thông báo lịch tiêm chủng mở rộng cho trẻ em dưới năm tuổi tại nhà "
            "văn hóa các thôn; đề nghị các gia đình đưa con em đến đúng giờ, mang sổ tiêm. ") * 200
    long_id, short_id = make_bulletin(app, to="in_review", body=body), make_bulletin(app)
    with app.app_context():
        slots = db.session.scalars(select(Slot).where(Slot.active)).all()
        longest = max(slot.target_minutes for slot in slots)
    login(client, "reviewer")
    page = client.get(f"/desk/b/{long_id}").get_data(as_text=True)
    said = re.search(r"Bài đọc trên loa khoảng (\d+) phút, dài hơn khung phát dài nhất của đài "
                     r"\((\d+) phút\)", page)
    assert said and int(said.group(2)) == longest < int(said.group(1)) < 120, said
    assert "có thể mất vài phút" in page and "(vài giây)" not in page
    client.post("/logout")
    login(client, "editor")
    assert "khung phát dài nhất" not in client.get(f"/desk/b/{short_id}").get_data(as_text=True)
    with app.app_context():  # the station gives the slot two hours: the text fits
        for slot in db.session.scalars(select(Slot)).all():
            slot.target_minutes = 120
        db.session.commit()
    assert "khung phát dài nhất" not in client.get(f"/desk/b/{long_id}").get_data(as_text=True)


def _version(app, bid: int) -> str:
    with app.app_context():
        return str(db.session.get(Bulletin, bid).version)


def _status(app, bid: int) -> str:
    with app.app_context():
        return db.session.get(Bulletin, bid).status
