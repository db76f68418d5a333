"""The reviewer's desk (issue #17, items 2 and 11): "phải sửa", ticks kept, queue order."""

from __future__ import annotations

import re
from datetime import timedelta

from app.extensions import db
from bulletins import audit, services
from bulletins.clock import utcnow
from bulletins.models import AuditLog, Bulletin, Finding
from tests.web.conftest import login, make_bulletin

PHONE_BODY = "Liên hệ anh Nam 0912 345 678 để nhận quà."


def _finding(app, bid: int) -> int:
    with app.app_context():
        found = services.active_findings(db.session, db.session.get(Bulletin, bid))
        assert found, "the scan should find the phone number"
        return found[0].id


def test_api_confirm_returns_the_bulletin_with_a_comment_listing_the_finding(app, api, users):
    bid = make_bulletin(app, to="in_review", body=PHONE_BODY)
    fid = _finding(app, bid)
    answer = api("reviewer").post(f"/api/v1/bulletins/{bid}/findings/{fid}/confirm",
                                  json={"note": "Số riêng của người dân, bỏ đi"})
    assert answer.status_code == 200, answer.json
    assert answer.json["status"] == "draft"
    findings = api("reviewer").get(f"/api/v1/bulletins/{bid}/findings").json
    mine = next(f for f in findings if f["id"] == fid)
    assert (mine["confirmed"], mine["resolved"]) == (True, False)
    assert mine["note"] == "Số riêng của người dân, bỏ đi"
    history = api("editor").get(f"/api/v1/bulletins/{bid}/history").json
    confirm = next(e for e in history if e["action"] == "confirm")
    assert confirm["comment"] == "Số riêng của người dân, bỏ đi"
    assert confirm["data"]["text"] == "0912 345 678"
    back = next(e for e in history if e["action"] == "return")
    assert (back["from"], back["to"], back["who"]) == ("in_review", "draft", "reviewer")
    assert "0912 345 678" in back["comment"] and "Số riêng của người dân" in back["comment"]
    with app.app_context():
        actions = [e.action for e in db.session.query(AuditLog).order_by(AuditLog.seq)]
        at = actions.index("finding.confirm")
        assert actions[at + 1] == "bulletin.return"
        assert audit.verify(db.session).ok


def test_confirm_refusals_403_409_422(app, api, users):
    bid = make_bulletin(app, to="in_review", body=PHONE_BODY)
    fid = _finding(app, bid)
    url = f"/api/v1/bulletins/{bid}/findings/{fid}/confirm"
    assert api("editor2").post(url, json={"note": "x"}).status_code == 403
    assert api("leader").post(url, json={"note": "x"}).status_code == 403
    missing = api("reviewer").post(url, json={})
    assert missing.status_code == 422 and missing.json["error"]["code"]
    assert api("reviewer").post(url, json={"note": "   "}).status_code == 422
    assert api("reviewer").post(f"/api/v1/bulletins/{bid}/findings/999999/confirm",
                                json={"note": "x"}).status_code == 404
    draft = make_bulletin(app, to="draft", body=PHONE_BODY)
    wrong = api("reviewer").post(
        f"/api/v1/bulletins/{draft}/findings/{_finding(app, draft)}/confirm", json={"note": "x"})
    assert wrong.status_code == 409
    with app.app_context():
        assert db.session.get(Bulletin, bid).status == "in_review"


def test_confirm_after_resolve_is_409_and_resolution_is_in_history(app, api, users):
    bid = make_bulletin(app, to="in_review", body=PHONE_BODY)
    fid = _finding(app, bid)
    ok = api("reviewer").post(f"/api/v1/bulletins/{bid}/findings/{fid}/resolve",
                              json={"note": "Số đường dây nóng công khai"})
    assert ok.status_code == 200
    again = api("reviewer").post(f"/api/v1/bulletins/{bid}/findings/{fid}/confirm",
                                 json={"note": "đổi ý"})
    assert again.status_code == 409
    history = api("reviewer").get(f"/api/v1/bulletins/{bid}/history").json
    resolved = [e for e in history if e["action"] == "resolve"]
    assert [e["comment"] for e in resolved] == ["Số đường dây nóng công khai"]


def test_web_confirm_sends_back_and_the_author_sees_the_finding(app, client, users):
    bid = make_bulletin(app, to="in_review", body=PHONE_BODY)
    fid = _finding(app, bid)
    login(client, "reviewer")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert "1 chưa xử lý / 1" in page and "Phải sửa" in page
    done = client.post(f"/desk/b/{bid}/findings/{fid}/confirm",
                       data={"note": "Bỏ số điện thoại cá nhân"}, follow_redirects=True)
    assert "Đã trả bản tin về tác giả để sửa." in done.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Bulletin, bid).status == "draft"
        assert db.session.get(Finding, fid).confirmed
    client.post("/logout")
    login(client, "editor")
    desk = client.get("/desk/editor").get_data(as_text=True)
    assert "0912 345 678" in desk and "Bỏ số điện thoại cá nhân" in desk
    detail = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert "0 chưa xử lý / 1" in detail
    assert re.search(r'class="decision must-fix">.*Phải sửa.*Bỏ số điện thoại cá nhân', detail)


def test_web_confirm_without_note_changes_nothing(app, client, users):
    bid = make_bulletin(app, to="in_review", body=PHONE_BODY)
    fid = _finding(app, bid)
    login(client, "reviewer")
    page = client.post(f"/desk/b/{bid}/findings/{fid}/confirm", data={"note": ""},
                       follow_redirects=True).get_data(as_text=True)
    assert "Cần ghi chú lý do." in page
    with app.app_context():
        assert db.session.get(Bulletin, bid).status == "in_review"


def test_refused_clear_keeps_the_ticks_given(app, client, users):
    bid = make_bulletin(app, to="in_review", body=PHONE_BODY)  # a blocking finding is open
    with app.app_context():
        version = db.session.get(Bulletin, bid).version
    login(client, "reviewer")
    ticks = {"no_secrets": "y", "no_personal_data": "y", "verified": "y", "fit_for_radio": "y"}
    refused = client.post(f"/desk/b/{bid}/action/clear",
                          data={"version": str(version), "comment": "đã đọc kỹ", **ticks})
    assert refused.status_code == 409
    page = refused.get_data(as_text=True)
    assert "phát hiện nghiêm trọng chưa xử lý" in page
    for name in ticks:
        assert re.search(rf'<input checked[^>]*name="{name}"|<input[^>]*name="{name}"[^>]*checked',
                         page), name
    assert "đã đọc kỹ</textarea>" in page
    half = client.post(f"/desk/b/{bid}/action/clear",
                       data={"version": str(version), "no_secrets": "y", "verified": "y"})
    assert half.status_code == 422
    page = half.get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="no_secrets"', page)
    assert not re.search(r'<input checked[^>]*name="fit_for_radio"', page)


def test_review_queue_is_urgent_first_then_oldest_with_open_counts(app, client, users):
    normal_old = make_bulletin(app, to="in_review", title="Bình thường cũ", body=PHONE_BODY)
    normal_new = make_bulletin(app, to="in_review", title="Bình thường mới")
    urgent = make_bulletin(app, to="in_review", title="Ưu tiên", priority="priority")
    emergency = make_bulletin(app, to="in_review", title="Khẩn", priority="emergency")
    with app.app_context():  # the oldest waited longest; submit order alone would tie
        now = utcnow()
        for n, bid in enumerate((normal_old, normal_new, urgent, emergency)):
            db.session.get(Bulletin, bid).submitted_at = now - timedelta(hours=10 - n)
        db.session.commit()
    login(client, "reviewer")
    page = client.get("/desk/review").get_data(as_text=True)
    order = [int(m) for m in re.findall(r'<tr><td[^>]*>(\d+)</td>', page)]
    assert order == [emergency, urgent, normal_old, normal_new]
    row = page[page.index(f'<tr><td data-label="#">{normal_old}</td>'):]
    row = row[:row.index("</tr>")]
    assert "1 chặn" in row and "f-count-block" in row


def test_clean_bulletin_says_no_problem_and_summary_comes_first(app, client, users):
    bid = make_bulletin(app, to="in_review", summary="Lịch tiêm tháng 12",
                        body="Trạm Y tế xã thông báo lịch tiêm chủng mở rộng.")
    login(client, "reviewer")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert "Không phát hiện vấn đề" in page
    label = page.index('class="part-label">Tóm tắt')
    assert label < page.index("Lịch tiêm tháng 12") < page.index("Trạm Y tế xã thông báo")


LONG_BODY = ("Ủy ban nhân dân xã thông báo lịch thu gom rác thải sinh hoạt trên địa bàn.\r\n"
             "Các hộ gia đình để rác đúng nơi quy định trước bảy giờ sáng. " * 8)


def test_feed_descriptions_cut_at_a_word_without_carriage_returns(app, client, users):
    import feedparser

    make_bulletin(app, to="published", title="Thu gom rác\r\nthải", body=LONG_BODY,
                  channels=["web"])
    raw = client.get("/feeds/rss.xml").get_data(as_text=True)
    assert "&#13;" not in raw and "\r" not in raw
    for url in ("/feeds/rss.xml", "/feeds/atom.xml"):
        parsed = feedparser.parse(client.get(url).data)
        assert not parsed.bozo, parsed.bozo_exception
        entry = parsed.entries[0]
        assert "\r" not in entry.title and entry.title.startswith("Thu gom rác")
        text = entry.summary
        assert text.endswith("…") and len(text) <= 301
        words = LONG_BODY.replace("\r\n", "\n").split()
        assert text[:-1].split()[-1] in words  # the last word is whole
        assert "\r" not in entry.get("content", [{"value": ""}])[0]["value"]


def test_feeds_page_lists_the_addresses_and_the_footer_links_to_it(app, client, users):
    home = client.get("/").get_data(as_text=True)
    assert 'href="/feeds/"' in home
    page = client.get("/feeds/")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "http://localhost/feeds/rss.xml" in text and "http://localhost/feeds/atom.xml" in text
    assert "/feeds/rss.xml?topic=lao-dong-viec-lam&amp;lang=en" in text
    assert "Cách dùng" in text
    assert client.get("/feeds/rss.xml").status_code == 200  # the feeds themselves unchanged


def test_log_dates_are_dd_mm_yyyy_text_fields(app, client, users):
    login(client, "operator")
    page = client.get("/radio/log?from=01/11/2026&to=30/11/2026").get_data(as_text=True)
    assert 'type="date"' not in page
    assert 'value="01/11/2026"' in page and 'value="30/11/2026"' in page
    assert 'placeholder="dd/mm/yyyy"' in page
    bad = client.get("/radio/log?from=31/02/2026&to=30/11/2026")
    assert bad.status_code == 200
    text = bad.get_data(as_text=True)
    assert 'value="31/02/2026"' in text and 'id="from-error"' in text
