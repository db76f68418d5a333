"""The desk's pages in the staff's words; the technical values behind "Chi tiết kỹ thuật"
(issue #17, item 7)."""

from __future__ import annotations

import re
from datetime import timedelta

from lxml import html as lxml_html

from app.extensions import db
from bulletins import seed, services
from bulletins.clock import utcnow
from bulletins.models import Bulletin
from tests.web.conftest import login, make_bulletin

TECH = re.compile(r'<details class="tech">.*?</details>', re.S)


def visible(html: str) -> str:
    """The page's text outside the technical details, tags dropped, spaces folded."""
    text = re.sub(r"<[^>]+>", " ", TECH.sub(" ", html))
    return " ".join(text.split())


def published_with_fallback_voice(app) -> int:
    """A bulletin published at its set time (by the system), read by the fallback voice."""
    soon = utcnow() + timedelta(hours=1)
    bid = make_bulletin(app, to="approved", publish_at=soon.isoformat() + "+00:00")
    with app.app_context():
        assert services.publish_due(db.session, now=soon + timedelta(minutes=1)) == [bid]
        db.session.commit()
        app.extensions["loa.jobs"].run_pending()
    return bid


def test_detail_page_says_it_in_staff_words(app, client, users, google_down):
    app.config.update(TTS_ENGINE="auto", RECOGNIZER="none")
    bid = published_with_fallback_voice(app)
    with app.app_context():
        digest = db.session.get(Bulletin, bid).content_hash
    login(client, "leader")
    html = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    text = visible(html)
    assert "Loa truyền thanh, Cổng thông tin · Tiếng Việt" in text
    assert "Bản đã duyệt được niêm phong" in text
    assert "Giọng đọc máy (dự phòng)" in text
    assert "Hệ thống (tự động)" in text  # the scheduled publication
    for jargon in ("radio, web", "Mã băm", digest[:16], "espeak", "LUFS", "system", " · vi"):
        assert jargon not in text, jargon
    tech = " ".join(TECH.findall(html))
    assert digest in tech and "espeak" in tech and "LUFS" in tech  # one click away
    assert "Chi tiết kỹ thuật" in tech


def test_radio_desk_names_the_voice_in_words(app, client, users, google_down):
    app.config.update(TTS_ENGINE="auto", RECOGNIZER="none")
    published_with_fallback_voice(app)
    login(client, "operator")
    html = client.get("/radio/").get_data(as_text=True)
    text = visible(html)
    assert "Giọng đọc máy (dự phòng)" in text
    assert "espeak" not in text and "LUFS" not in text
    assert "espeak" in " ".join(TECH.findall(html))


def test_english_pages_use_english_words(app, client, users, google_down):
    app.config.update(TTS_ENGINE="auto", RECOGNIZER="none")
    bid = published_with_fallback_voice(app)
    login(client, "leader")
    client.post("/lang/en")
    text = visible(client.get(f"/desk/b/{bid}").get_data(as_text=True))
    assert "Loudspeakers, Web portal · Vietnamese" in text
    assert "Approved text sealed" in text and "System (automatic)" in text
    assert "Machine voice (fallback)" in text


def _cells_without_column_name(html: str) -> list[str]:
    """Body cells that would show on a phone without their column's name (a row headed by
    a <th scope=row> names its own cell; the calendar grid becomes a list)."""
    page = lxml_html.fromstring(html)
    return [td.text_content().strip()[:40] for td in page.xpath(
        "//table[not(contains(@class, 'calendar'))]//tbody//td[not(@data-label)]"
        "[not(../th)]")]


def test_every_staff_table_names_its_columns_on_a_phone(app, client, users):
    """#17 item 9: not only the radio desk's tables — desk lists, review queue, search,
    report, revisions, templates, and every admin list carry data-label on each cell."""
    with app.app_context():
        seed.seed_templates(db.session)
        db.session.commit()
    held = make_bulletin(app, to="in_review", body="Liên hệ anh Nam 0912 345 678 để nhận quà.")
    make_bulletin(app, to="awaiting_approval", title="Chờ phê duyệt")
    done = make_bulletin(app, to="published", title="Đã đăng")
    login(client, "admin")
    client.post("/admin/rules", data={"phrase": "mật khẩu wifi", "severity": "warn"})
    client.post("/admin/rules", data={"value": "0220 3850 123", "note": "đường dây nóng"})
    client.post("/admin/lexicon", data={"kind": "abbreviation", "written": "HTX",
                                        "spoken": "hợp tác xã"})
    client.post(f"/admin/users/{users['editor']}/tokens", data={"name": "cổng huyện"})
    pages = {"admin": ["/admin/users", "/admin/rules", "/admin/lexicon", "/admin/audio",
                       "/admin/key-dates", f"/admin/users/{users['editor']}/tokens"],
             "editor": ["/desk/editor", "/desk/all", "/desk/all?q=th%C3%B4ng", "/desk/report",
                        "/desk/templates", f"/desk/b/{done}/revisions"],
             "reviewer": ["/desk/review"], "leader": ["/desk/approve"]}
    for name, urls in pages.items():
        client.post("/logout")
        login(client, name)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.get_data(as_text=True)
            assert "<td" in html, url
            assert _cells_without_column_name(html) == [], url
    assert held


def test_detail_meta_line_skips_what_the_bulletin_lacks(app, client, users):
    """A bulletin without a unit: the line under its title has no empty '· ·' place."""
    bid = make_bulletin(app)
    login(client, "editor")
    meta = lxml_html.fromstring(client.get(f"/desk/b/{bid}").get_data(as_text=True)).xpath(
        "//main//p[@class='meta']")[0].text_content()
    words = " ".join(meta.split())
    assert "Thông báo chung · Loa truyền thanh" in words and "· ·" not in words, words
