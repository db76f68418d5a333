"""RSS, Atom and podcast feeds, read as XML (feedparser forgives too much), and their caching."""

from __future__ import annotations

import struct
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from lxml import etree

from app.extensions import db
from bulletins.models import AudioFile
from bulletins.publishing import feeds
from tests.web.conftest import make_bulletin

ATOM = "http://www.w3.org/2005/Atom"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
NS = {"a": ATOM, "itunes": ITUNES}
HOST = "http://localhost"


@pytest.fixture
def world(app, users):
    """Published bulletins on each channel and language, with real audio, plus hidden ones."""
    ids = {
        "both": make_bulletin(app, to="published", title="Lịch tiêm chủng tháng 12",
                              summary="Tiêm cho trẻ dưới 5 tuổi.",
                              body="Trạm Y tế xã tổ chức tiêm chủng.\nMang theo sổ tiêm."),
        "web_en": make_bulletin(app, to="published", title="Job fair in the commune",
                                body="A job fair is held at the cultural house.",
                                channels=["web"], language="en", topic="lao-dong-viec-lam"),
        "radio": make_bulletin(app, to="published", title="Chỉ phát trên đài",
                               body="Bản tin chỉ phát trên loa.", channels=["radio"]),
        "draft": make_bulletin(app, title="Bản nháp bí mật", body="Chưa duyệt."),
        "withdrawn": make_bulletin(app, to="withdrawn", title="Bản tin đã gỡ", body="Đã gỡ."),
    }
    return ids


@pytest.fixture
def heard(app, world):
    """The same world, after the audio jobs ran (real espeak-ng and ffmpeg)."""
    with app.app_context():
        app.extensions["loa.jobs"].run_pending()
    return world


def xml(response) -> etree._Element:
    assert response.status_code == 200, response.data[:300]
    return etree.fromstring(response.data)


def audio_row(app, bulletin_id: int) -> AudioFile:
    with app.app_context():
        return db.session.query(AudioFile).filter_by(bulletin_id=bulletin_id,
                                                     status="ready").one()


def rfc822(value: str) -> datetime:
    parsed = parsedate_to_datetime(value)
    assert parsed.tzinfo is not None, value
    return parsed


def test_rss_channel_and_items(app, client, heard):
    response = client.get("/feeds/rss.xml")
    assert response.mimetype == "application/rss+xml"
    root = xml(response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "Bản tin xã Vũ Dương"
    assert channel.findtext("link") == f"{HOST}/"  # the portal, not the feed itself
    assert channel.findtext("description") and channel.findtext("language") == "vi"
    rfc822(channel.findtext("lastBuildDate"))
    selfs = channel.findall("a:link", NS)
    assert [(s.get("rel"), s.get("href"), s.get("type")) for s in selfs] == [
        ("self", f"{HOST}/feeds/rss.xml", "application/rss+xml")]
    image = channel.find("image")
    assert image.findtext("url") == f"{HOST}/static/loa-podcast-1400.png"
    assert image.findtext("title") == channel.findtext("title")
    assert image.findtext("link") == channel.findtext("link")

    items = channel.findall("item")
    titles = [i.findtext("title") for i in items]
    assert titles == ["Job fair in the commune", "Lịch tiêm chủng tháng 12"]  # newest first
    for item in items:
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "true" and guid.text.startswith(f"{HOST}/tin/")
        assert item.findtext("link").startswith(guid.text + "-")
        assert item.findtext("description")
        rfc822(item.findtext("pubDate"))
    both = items[1]
    assert both.findtext("description") == "Tiêm cho trẻ dưới 5 tuổi."
    assert both.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") == \
        "<p>Trạm Y tế xã tổ chức tiêm chủng.</p><p>Mang theo sổ tiêm.</p>"
    audio = audio_row(app, heard["both"])
    enclosure = both.find("enclosure")
    assert enclosure.get("type") == "audio/mpeg"
    assert int(enclosure.get("length")) == audio.size_bytes > 0
    assert enclosure.get("url").endswith(".mp3")
    mp3 = client.get(enclosure.get("url").removeprefix(HOST), buffered=True)
    assert mp3.status_code == 200 and len(mp3.data) == audio.size_bytes
    assert items[0].find("enclosure") is None  # web-only: no audio


def test_atom_links_dates_and_ids(app, client, heard):
    response = client.get("/feeds/atom.xml")
    assert response.mimetype == "application/atom+xml"
    root = xml(response)
    assert root.tag == f"{{{ATOM}}}feed"
    assert root.findtext("a:id", namespaces=NS) == f"{HOST}/feeds/atom.xml"
    assert root.findtext("a:author/a:name", namespaces=NS) == "UBND xã Vũ Dương"
    datetime.fromisoformat(root.findtext("a:updated", namespaces=NS))
    links = {(ln.get("rel"), ln.get("type")): ln.get("href") for ln in root.findall("a:link", NS)}
    assert links == {("self", "application/atom+xml"): f"{HOST}/feeds/atom.xml",
                     ("alternate", "text/html"): f"{HOST}/"}
    entries = root.findall("a:entry", NS)
    assert len(entries) == 2
    updated = []
    for entry in entries:
        alternates = entry.findall("a:link[@rel='alternate']", NS)
        assert len(alternates) == 1 and alternates[0].get("type") == "text/html"
        rels = [ln.get("rel") for ln in entry.findall("a:link", NS)]
        assert set(rels) <= {"alternate", "enclosure"}
        assert entry.findtext("a:id", namespaces=NS).startswith(f"{HOST}/tin/")
        value = entry.findtext("a:updated", namespaces=NS)
        assert datetime.fromisoformat(value).tzinfo is not None
        published = datetime.fromisoformat(entry.findtext("a:published", namespaces=NS))
        assert published <= datetime.fromisoformat(value)
        updated.append(value)
        assert entry.find("a:content", NS).get("type") == "html"
    assert len(set(updated)) == len(updated)  # W3C: no DuplicateUpdated
    assert entries[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    enclosure = entries[1].find("a:link[@rel='enclosure']", NS)
    assert enclosure.get("type") == "audio/mpeg"
    assert int(enclosure.get("length")) == audio_row(app, heard["both"]).size_bytes
    assert enclosure.get("href").startswith(f"{HOST}/audio/{heard['both']}/")


def test_podcast_feed(app, client, heard):
    app.config["PORTAL_CONTACT_EMAIL"] = "dai@vuduong.example.vn"
    channel = xml(client.get("/feeds/radio.xml")).find("channel")
    assert channel.findtext("link") == f"{HOST}/"
    assert channel.findtext("itunes:author", namespaces=NS) == "UBND xã Vũ Dương"
    assert channel.findtext("itunes:owner/itunes:name", namespaces=NS) == "UBND xã Vũ Dương"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == \
        "dai@vuduong.example.vn"
    assert channel.find("itunes:category", NS).get("text") == "Government"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    image = channel.find("itunes:image", NS).get("href")
    assert image == channel.findtext("image/url") and image.endswith(".png")
    png = client.get(image.removeprefix(HOST), buffered=True)
    assert png.status_code == 200 and png.mimetype == "image/png"
    assert png.data[:8] == b"\x89PNG\r\n\x1a\n" and png.data[12:16] == b"IHDR"
    assert struct.unpack(">II", png.data[16:24]) == (1400, 1400)
    assert png.data[25] == 2  # RGB, as Apple asks

    items = channel.findall("item")
    assert {i.findtext("title") for i in items} == {"Lịch tiêm chủng tháng 12",
                                                      "Chỉ phát trên đài"}
    for item in items:
        bid = int(item.findtext("guid").rsplit("/", 1)[1])
        audio = audio_row(app, bid)
        assert int(item.find("enclosure").get("length")) == audio.size_bytes
        assert item.findtext("itunes:duration", namespaces=NS) == feeds.duration(audio.duration_s)


def test_duration_and_titles_that_look_like_markup():
    assert feeds.duration(0) == "00:00:00"
    assert feeds.duration(61.6) == "00:01:02"
    assert feeds.duration(3725) == "01:02:05"
    assert feeds.duration(None) == "00:00:00"
    meta = feeds.FeedMeta(title="T", description="D", portal_url="https://x.example.vn/",
                          self_url="https://x.example.vn/feeds/atom.xml")
    when = datetime(2026, 3, 1, 8, 0, 0, 250_000)
    item = feeds.FeedItem(guid="https://x.example.vn/tin/1", url="https://x.example.vn/tin/1-a",
                          title="Đường <b>A</b> & B", summary="", body="x < y",
                          published=when, updated=when)
    rss_title = etree.fromstring(feeds.rss(meta, [item])).findtext("channel/item/title")
    assert rss_title == "Đường &lt;b&gt;A&lt;/b&gt; &amp; B"  # escaped HTML, says the RSS Profile
    entry = etree.fromstring(feeds.atom(meta, [item])).find("a:entry", NS)
    title = entry.find("a:title", NS)
    assert title.get("type") == "html" and title.text == "Đường &lt;b&gt;A&lt;/b&gt; &amp; B"
    assert entry.findtext("a:updated", namespaces=NS) == "2026-03-01T08:00:00+00:00"


def test_shared_seconds_get_distinct_updated_values():
    meta = feeds.FeedMeta(title="T", description="D", portal_url="https://x.example.vn/",
                          self_url="https://x.example.vn/feeds/atom.xml")
    base = datetime(2026, 3, 1, 8, 0, 0)
    stamps = [base.replace(microsecond=900), base.replace(microsecond=100), base,
              base - timedelta(seconds=5)]
    items = [feeds.FeedItem(guid=f"https://x.example.vn/tin/{n}", url="https://x.example.vn/",
                            title=f"t{n}", summary="s", body="b", published=t, updated=t)
             for n, t in enumerate(stamps)]
    root = etree.fromstring(feeds.atom(meta, items))
    values = [e.findtext("a:updated", namespaces=NS) for e in root.findall("a:entry", NS)]
    assert values == ["2026-03-01T08:00:00.000900+00:00", "2026-03-01T08:00:00.000100+00:00",
                      "2026-03-01T08:00:00+00:00", "2026-03-01T07:59:55+00:00"]


@pytest.mark.parametrize("kind", ["rss", "atom", "radio"])
def test_topic_and_language_filters(app, client, world, kind):
    url = f"/feeds/{kind}.xml"
    assert client.get(f"{url}?topic=khong-co").status_code == 404
    assert client.get(f"{url}?lang=fr").status_code == 400
    body = client.get(f"{url}?topic=lao-dong-viec-lam").get_data(as_text=True)
    assert "Lao động, việc làm" in body.split("<item>")[0].split("<entry>")[0]  # feed title
    assert ("Job fair" in body) == (kind != "radio")
    assert "Lịch tiêm chủng" not in body
    english = client.get(f"{url}?lang=en").get_data(as_text=True)
    assert "Lịch tiêm chủng" not in english and ("Job fair" in english) == (kind != "radio")


def test_language_feed_says_so(client, world):
    channel = xml(client.get("/feeds/rss.xml?lang=en")).find("channel")
    assert channel.findtext("language") == "en"
    assert channel.find("a:link", NS).get("href") == f"{HOST}/feeds/rss.xml?lang=en"
    assert channel.findtext("link") == f"{HOST}/?lang=en"


def test_nothing_unpublished_in_any_feed(client, heard):
    for kind in ("rss", "atom", "radio"):
        body = client.get(f"/feeds/{kind}.xml").get_data(as_text=True)
        assert "bí mật" not in body and "đã gỡ" not in body, kind


def test_a_correction_updates_the_item_in_place_with_a_visible_note(app, client, users):
    from bulletins import services
    from bulletins.models import Bulletin
    from tests.web.conftest import user

    bid = make_bulletin(app, to="published", title="Lịch họp", body="Họp lúc 8h.")
    before = client.get("/feeds/rss.xml").get_data(as_text=True)
    with app.app_context():
        services.perform(db.session, user("editor"), bid, "correct")
        b = db.session.get(Bulletin, bid)
        services.edit_bulletin(db.session, user("editor"), bid, {"body": "Họp lúc 9h."},
                               b.version)
        db.session.commit()
        during = client.get("/feeds/rss.xml").get_data(as_text=True)
        assert "Họp lúc 8h." in during and "Họp lúc 9h." not in during
        for action, who in [("submit", "editor"), ("clear", "reviewer"), ("approve", "leader")]:
            services.perform(db.session, user(who), bid, action)
            db.session.commit()
    after = client.get("/feeds/rss.xml").get_data(as_text=True)
    guid = f"http://localhost/tin/{bid}</guid>"
    assert guid in before and guid in after and after.count("<item>") == before.count("<item>")
    assert "Họp lúc 9h." in after and "[Đính chính ngày" in after
    page = client.get(f"/tin/{bid}", follow_redirects=True).get_data(as_text=True)
    assert "Đính chính" in page and "Họp lúc 9h." in page
