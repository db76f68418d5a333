"""The public pages (list, filters, metadata, accessibility), public audio, feed caching."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from html.parser import HTMLParser

import pytest
from sqlalchemy import event

from app.extensions import db
from app.portal.feed_views import feed_cache
from bulletins import services
from bulletins.models import AudioFile, Bulletin
from tests.web.conftest import login, make_bulletin, user

HOST = "http://localhost"


class Page(HTMLParser):
    """The tags of a page, in order, with their attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag
                and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def meta(self, prop: str) -> str | None:
        found = self.find("meta", property=prop)
        return found[0]["content"] if found else None


def page(client, url: str) -> Page:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, (url, response.status_code)
    return Page(response.get_data(as_text=True))


@pytest.fixture
def radio_bulletin(app, users):
    """A published radio+web bulletin with its real audio."""
    bid = make_bulletin(app, to="published", title="Lịch cắt điện ngày 5", summary="Cắt điện.",
                        body="Điện lực thông báo lịch cắt điện.\nXin cảm ơn.")
    with app.app_context():
        app.extensions["loa.jobs"].run_pending()
        audio = db.session.query(AudioFile).filter_by(bulletin_id=bid, status="ready").one()
        return bid, f"/audio/{bid}/{audio.content_hash[:16]}.mp3", audio.size_bytes


def test_list_paginates_newest_first(app, client, users):
    for n in range(23):
        make_bulletin(app, to="published", title=f"Bản tin số {n}", channels=["web"])
    first = client.get("/").get_data(as_text=True)
    assert first.count('<li class="card"') == 20
    assert "Bản tin số 22" in first and "Bản tin số 3<" in first and "Bản tin số 2<" not in first
    assert 'href="/?page=2" rel="next"' in first and 'rel="prev"' not in first
    second = client.get("/?page=2").get_data(as_text=True)
    assert second.count('<li class="card"') == 3
    assert all(f"Bản tin số {n}<" in second for n in range(3))
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert "Chưa có bản tin nào" in client.get("/?page=9").get_data(as_text=True)


def test_topic_and_language_filters(app, client, users):
    make_bulletin(app, to="published", title="Hội chợ việc làm", topic="lao-dong-viec-lam")
    make_bulletin(app, to="published", title="Trồng cây xanh", topic="moi-truong-khi-hau")
    make_bulletin(app, to="published", title="Green week", topic="moi-truong-khi-hau",
                  language="en", body="Plant a tree.")
    jobs = client.get("/?topic=lao-dong-viec-lam").get_data(as_text=True)
    assert "Hội chợ việc làm" in jobs and "Trồng cây xanh" not in jobs
    english = client.get("/?lang=en").get_data(as_text=True)
    assert "Green week" in english and "Trồng cây xanh" not in english
    both = client.get("/?topic=moi-truong-khi-hau&lang=vi").get_data(as_text=True)
    assert "Trồng cây xanh" in both and "Green week" not in both and "Hội chợ" not in both
    assert client.get("/?topic=khong-co").status_code == 404
    assert client.get("/?lang=fr").status_code == 400


def test_index_advertises_feeds_and_language_links(client, users):
    html = page(client, "/?topic=lao-dong-viec-lam")
    alternates = {a["href"]: a for a in html.find("link", rel="alternate")}
    assert "/feeds/rss.xml?topic=lao-dong-viec-lam" in alternates
    assert alternates["/feeds/rss.xml?topic=lao-dong-viec-lam"]["type"] == "application/rss+xml"
    assert "Lao động, việc làm" in alternates["/feeds/rss.xml?topic=lao-dong-viec-lam"]["title"]
    assert "/feeds/atom.xml?topic=lao-dong-viec-lam" in alternates
    assert "/feeds/radio.xml?topic=lao-dong-viec-lam" in alternates
    hrefs = [a.get("href") for a in html.find("a")]
    assert "/?topic=lao-dong-viec-lam&lang=en" in hrefs
    assert "/?topic=lao-dong-viec-lam&lang=vi" in hrefs
    assert html.find("link", rel="canonical")[0]["href"] == f"{HOST}/?topic=lao-dong-viec-lam"
    assert html.meta("og:url") == f"{HOST}/?topic=lao-dong-viec-lam"
    english = page(client, "/?lang=en")
    assert {a["href"] for a in english.find("link", rel="alternate")} >= {
        "/feeds/rss.xml?lang=en", "/feeds/atom.xml?lang=en"}


def test_bulletin_page_metadata(app, client, radio_bulletin):
    bid, mp3, _size = radio_bulletin
    html = page(client, f"/tin/{bid}")
    canonical = html.find("link", rel="canonical")[0]["href"]
    assert canonical == f"{HOST}/tin/{bid}-lich-cat-dien-ngay-5"
    assert html.meta("og:url") == canonical
    assert html.meta("og:type") == "article"
    assert html.meta("og:title") == "Lịch cắt điện ngày 5"
    assert html.meta("og:description") == "Cắt điện."
    assert html.meta("og:audio") == HOST + mp3
    assert html.meta("og:image") == f"{HOST}/static/loa-podcast-1400.png"
    assert html.find("article", lang="vi")
    assert html.find("audio")[0]["src"] == mp3
    alternates = {a["href"] for a in html.find("link", rel="alternate")}
    assert {"/feeds/rss.xml", "/feeds/rss.xml?topic=thong-bao-chung",
            "/feeds/radio.xml"} <= alternates


def test_pages_use_no_outside_assets_and_have_landmarks(app, client, radio_bulletin):
    bid, _mp3, _size = radio_bulletin
    for url in ("/", f"/tin/{bid}", "/?topic=thong-bao-chung&lang=vi"):
        html = page(client, url)
        loaded = [a.get("src") for t, a in html.tags if t in ("script", "img", "audio",
                                                              "source", "iframe", "video")]
        loaded += [a["href"] for a in html.find("link")
                   if a.get("rel") in ("stylesheet", "icon", "preload", "manifest")]
        for ref in filter(None, loaded):
            assert ref.startswith("/") or ref.startswith(HOST + "/"), (url, ref)
        assert not html.find("link", rel="preconnect")
        names = [t for t, _ in html.tags]
        for landmark in ("header", "main", "footer"):
            assert names.count(landmark) == 1, (url, landmark)
        assert all(a.get("aria-label") for t, a in html.tags if t == "nav"), url
        levels = [int(t[1]) for t in names if len(t) == 2 and t[0] == "h" and t[1].isdigit()]
        assert levels[0] == 1 and levels.count(1) == 1, url
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (url, levels)
        assert all("alt" in a for t, a in html.tags if t == "img"), url


def test_focus_is_visible(client):
    css = client.get("/static/loa.css", buffered=True).get_data(as_text=True)
    assert ":focus-visible" in css and "outline:3px" in css


def test_audio_ranges(client, radio_bulletin):
    _bid, mp3, size = radio_bulletin
    full = client.get(mp3, buffered=True)
    assert full.status_code == 200 and full.mimetype == "audio/mpeg"
    assert full.headers["Accept-Ranges"] == "bytes"
    assert int(full.headers["Content-Length"]) == size == len(full.data)
    cache_control = full.headers["Cache-Control"]
    assert "no-cache" in cache_control and "max-age" not in cache_control
    data = full.data

    for header, start, end in (("bytes=0-99", 0, 99), ("bytes=1000-1999", 1000, 1999),
                               ("bytes=-100", size - 100, size - 1),
                               (f"bytes={size - 10}-", size - 10, size - 1)):
        part = client.get(mp3, headers={"Range": header}, buffered=True)
        assert part.status_code == 206, header
        assert part.headers["Content-Range"] == f"bytes {start}-{end}/{size}", header
        assert int(part.headers["Content-Length"]) == end - start + 1
        assert part.data == data[start:end + 1], header

    unsatisfiable = client.get(mp3, headers={"Range": f"bytes={size}-"}, buffered=True)
    assert unsatisfiable.status_code == 416
    assert unsatisfiable.headers["Content-Range"] == f"bytes */{size}"

    etag = full.headers["ETag"]
    assert client.get(mp3, headers={"If-None-Match": etag}, buffered=True).status_code == 304
    resumed = client.get(mp3, headers={"Range": "bytes=100-", "If-Range": etag}, buffered=True)
    assert resumed.status_code == 206 and resumed.data == data[100:]


def test_audio_and_page_gone_at_once(app, client, radio_bulletin):
    bid, mp3, _size = radio_bulletin
    assert client.get(mp3, buffered=True).status_code == 200
    assert client.get(mp3.replace(mp3.rsplit("/", 1)[1], "0" * 16 + ".mp3")).status_code == 404
    with app.app_context():
        db.session.get(Bulletin, bid).expire_at = datetime(2020, 1, 1)
        db.session.commit()
    assert client.get(mp3).status_code == 410
    assert client.get(f"/tin/{bid}").status_code == 410
    with app.app_context():
        db.session.get(Bulletin, bid).expire_at = None
        db.session.commit()
    assert client.get(mp3, buffered=True).status_code == 200
    with app.app_context():
        services.perform(db.session, user("leader"), bid, "withdraw", comment="Sai giờ")
        db.session.commit()
    assert client.get(mp3, headers={"Range": "bytes=0-9"}).status_code == 410
    assert "Lịch cắt điện" not in client.get("/").get_data(as_text=True)


# Feeds over HTTP: one state, one build; conditional GET; changes show in the next request.

@pytest.fixture
def news(app, users):
    """Two published web bulletins (no audio needed here)."""
    return {"first": make_bulletin(app, to="published", title="Lịch tiêm chủng tháng 12",
                                   channels=["web"]),
            "second": make_bulletin(app, to="published", title="Hội chợ việc làm",
                                    channels=["web"], topic="lao-dong-viec-lam")}


def feed_cache_of(app):
    with app.app_context():
        return feed_cache()


def test_body_is_built_once_per_state(app, client, news):
    cache = feed_cache_of(app)
    first = client.get("/feeds/rss.xml")
    builds = cache.builds
    second = client.get("/feeds/rss.xml")
    assert cache.builds == builds and second.data == first.data
    assert second.headers["ETag"] == first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    assert "Last-Modified" not in first.headers  # changed this very second: ETag only

    again = client.get("/feeds/rss.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]

    new = make_bulletin(app, to="published", title="Thông báo mới nhất", channels=["web"])
    fresh = client.get("/feeds/rss.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert fresh.status_code == 200 and cache.builds == builds + 1
    assert fresh.headers["ETag"] != first.headers["ETag"]
    assert "Thông báo mới nhất" in fresh.get_data(as_text=True)

    with app.app_context():
        services.perform(db.session, user("leader"), new, "withdraw", comment="Nhầm")
        db.session.commit()
    gone = client.get("/feeds/rss.xml", headers={"If-None-Match": fresh.headers["ETag"]})
    assert gone.status_code == 200 and "Thông báo mới nhất" not in gone.get_data(as_text=True)
    assert cache.builds == builds + 2
    assert gone.headers["ETag"] not in (first.headers["ETag"], fresh.headers["ETag"])


def test_expiry_shows_at_once(app, client, users):
    soon = datetime.now(UTC) + timedelta(seconds=3)
    make_bulletin(app, to="published", title="Cúp nước sáng nay", channels=["web"],
                  expire_at=soon.isoformat())
    before = client.get("/feeds/atom.xml")
    assert "Cúp nước sáng nay" in before.get_data(as_text=True)
    time.sleep(max((soon - datetime.now(UTC)).total_seconds(), 0) + 0.05)
    after = client.get("/feeds/atom.xml", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "Cúp nước sáng nay" not in after.get_data(as_text=True)


def test_unrelated_actions_keep_the_etag(app, client, news):
    cache = feed_cache_of(app)
    first = client.get("/feeds/rss.xml")
    builds = cache.builds
    login(client, "editor")  # audited, like every action: the feed's own state decides
    make_bulletin(app, title="Một bản nháp khác")
    again = client.get("/feeds/rss.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and cache.builds == builds


def test_one_query_per_request_once_built(app, client, news):
    client.get("/feeds/rss.xml?topic=thong-bao-chung")
    statements = []
    with app.app_context():
        engine = db.engine

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get("/feeds/rss.xml?topic=thong-bao-chung").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 1, statements


def test_last_modified_and_if_modified_since(app, client, news):
    an_hour_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=1)
    with app.app_context():  # as if everything had happened an hour ago
        for row in db.session.query(Bulletin).all():
            row.updated_at = an_hour_ago - timedelta(minutes=row.id - 1)
        for row in db.session.query(AudioFile).all():
            row.updated_at = an_hour_ago - timedelta(minutes=10)
        db.session.commit()
    response = client.get("/feeds/rss.xml")
    last_modified = response.headers["Last-Modified"]
    assert parsedate_to_datetime(last_modified) == an_hour_ago.replace(microsecond=0,
                                                                       tzinfo=UTC)
    assert client.get("/feeds/rss.xml",
                      headers={"If-Modified-Since": last_modified}).status_code == 304
    earlier = format_datetime(an_hour_ago.replace(tzinfo=UTC) - timedelta(minutes=1),
                              usegmt=True)
    assert client.get("/feeds/rss.xml",
                      headers={"If-Modified-Since": earlier}).status_code == 200
    # a stale ETag wins over a matching date (RFC 9110 §13.2.2)
    assert client.get("/feeds/rss.xml", headers={
        "If-None-Match": '"stale"', "If-Modified-Since": last_modified}).status_code == 200
    with app.app_context():
        services.perform(db.session, user("leader"), news["first"], "withdraw", comment="Sai")
        db.session.commit()
    assert client.get("/feeds/rss.xml",
                      headers={"If-Modified-Since": last_modified}).status_code == 200
