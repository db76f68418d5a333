"""Nothing that is not published is reachable without login, by any public URL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.extensions import db
from bulletins import services
from bulletins.models import AudioFile, Bulletin
from tests.web.conftest import make_bulletin, user

STATES = ["draft", "in_review", "awaiting_approval", "approved", "published", "rejected",
          "withdrawn", "expired"]


@pytest.fixture
def world(app, users):
    """One radio+web bulletin in every state, with real audio wherever it was approved."""
    ids = {}
    for state in STATES:
        fields = {"title": f"Tiêu đề {state} bí danh", "body": f"Nội dung riêng {state} XYZ."}
        if state == "approved":
            fields["publish_at"] = (datetime.now() + timedelta(days=5)).isoformat()
        if state == "expired":
            fields["expire_at"] = (datetime.now() + timedelta(days=5)).isoformat()
        ids[state] = make_bulletin(app, to="published" if state == "expired" else state,
                                   **fields)
    with app.app_context():
        expired = db.session.get(Bulletin, ids["expired"])
        expired.expire_at = datetime(2020, 1, 1)
        db.session.commit()
        app.extensions["loa.jobs"].run_pending()
    return ids


def public_urls(app, bulletin_id: int) -> list[str]:
    """Every public route, filled in for this bulletin (and its audio digest, if any)."""
    with app.app_context():
        audio = db.session.query(AudioFile).filter_by(bulletin_id=bulletin_id).first()
    digest = audio.content_hash[:16] if audio else "0" * 16
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(("portal.", "auth.")) or "GET" not in rule.methods:
            continue
        values = {"bulletin_id": bulletin_id, "digest": digest, "slug": "x", "code": "vi"}
        urls.append(rule.build(values, append_unknown=False)[1])
    extra = ["/?topic=thong-bao-chung", "/feeds/rss.xml?lang=vi", "/feeds/atom.xml?lang=vi",
             "/feeds/rss.xml?topic=thong-bao-chung"]
    return sorted(set(urls + extra))


def test_every_public_route_in_every_state(app, client, world):
    for state, bid in world.items():
        secret = f"riêng {state} XYZ"
        for url in public_urls(app, bid):
            response = client.get(url, follow_redirects=True, buffered=True)
            body = response.get_data(as_text=True) if response.mimetype != "audio/mpeg" else ""
            if state == "published":
                continue
            assert secret not in body, (state, url)
            if f"/{bid}" in url:
                assert response.status_code in (302, 401, 403, 404, 405, 410), (state, url)
                assert response.mimetype != "audio/mpeg", (state, url)


def test_published_bulletin_is_public_with_its_audio(app, client, world):
    bid = world["published"]
    page = client.get(f"/tin/{bid}", follow_redirects=True)
    assert page.status_code == 200
    assert "Nội dung riêng published XYZ." in page.get_data(as_text=True)
    with app.app_context():
        audio = db.session.query(AudioFile).filter_by(bulletin_id=bid, status="ready").one()
    mp3 = client.get(f"/audio/{bid}/{audio.content_hash[:16]}.mp3", buffered=True)
    assert mp3.status_code == 200 and mp3.mimetype == "audio/mpeg"
    assert "riêng published" in client.get("/feeds/rss.xml").get_data(as_text=True)


def test_withdraw_makes_page_and_audio_gone_at_once(app, client, world):
    bid = world["published"]
    with app.app_context():
        audio = db.session.query(AudioFile).filter_by(bulletin_id=bid, status="ready").one()
        url = f"/audio/{bid}/{audio.content_hash[:16]}.mp3"
        assert client.get(url, buffered=True).status_code == 200
        services.perform(db.session, user("leader"), bid, "withdraw", comment="Sai thông tin")
        db.session.commit()
    assert client.get(url).status_code == 410
    assert client.get(f"/tin/{bid}").status_code == 410
    assert "riêng published" not in client.get("/feeds/atom.xml").get_data(as_text=True)


def test_staff_and_api_routes_refuse_anonymous(app, client, world):
    bid = world["draft"]
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(("desk.", "radio.", "admin.", "api.")):
            continue
        if rule.endpoint == "api.openapi":
            continue
        url = rule.build({"bulletin_id": bid, "finding_id": 1, "action": "submit",
                          "user_id": 1, "token_id": 1, "kind": "rule", "entry_id": 1,
                          "number": 1, "program_id": 1, "slot_id": 1, "day": "2026-12-01",
                          "key_date_id": 1, "template_id": 1},
                         append_unknown=False)[1]
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(url, method=method)
            assert response.status_code in (302, 401), (method, url)
            assert "riêng draft" not in response.get_data(as_text=True)
