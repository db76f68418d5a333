"""The desk's pages in the staff's words; the technical values behind "Chi tiết kỹ thuật"
(issue #17, item 7)."""

from __future__ import annotations

import re
from datetime import timedelta

from app.extensions import db
from bulletins import services
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
