"""The JSON API (CONTRACT §5): auth, validation, workflow refusals, filters."""

from __future__ import annotations

import pytest

from app.extensions import db
from bulletins import accounts
from bulletins.models import ApiToken
from tests.web.conftest import make_bulletin

NEW = {"title": "Thông báo tiêm chủng", "body": "Trạm Y tế xã tổ chức tiêm chủng.",
       "topic": "thong-bao-chung"}


def test_me_and_token_required(client, api):
    assert api("multi").get("/api/v1/me").json == {
        "username": "multi", "roles": ["editor", "leader", "reviewer"]}
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_revoked_token_stops_working(app, api):
    editor = api("editor")
    assert editor.get("/api/v1/me").status_code == 200
    with app.app_context():
        token = db.session.query(ApiToken).one()
        admin = accounts.find_user(db.session, "admin")
        accounts.revoke_token(db.session, admin, token)
        db.session.commit()
    assert editor.get("/api/v1/me").status_code == 401


def test_create_returns_the_bulletin(api):
    response = api("editor").post("/api/v1/bulletins", json=NEW)
    assert response.status_code == 201
    body = response.json
    assert body["status"] == "draft" and body["author"] == "editor"
    assert body["channels"] == ["radio", "web"] and body["language"] == "vi"
    assert body["priority"] == "normal" and body["content_hash"] is None
    for key in ("id", "version", "created_at", "updated_at", "summary", "unit", "publish_at"):
        assert key in body


@pytest.mark.parametrize("payload,field", [
    ({"body": "x"}, "title"),
    ({"title": "x"}, "body"),
    ({**NEW, "title": "T" * 20_000}, "title"),
    ({**NEW, "summary": "s" * 1_001}, "summary"),
    ({**NEW, "body": "b" * 100_001}, "body"),
    ({**NEW, "title": 12}, "title"),
    ({**NEW, "topic": "khong-co"}, "topic"),
    ({**NEW, "unit": ["x"]}, "unit"),
    ({**NEW, "channels": ["tv"]}, "channels"),
    ({**NEW, "channels": []}, "channels"),
    ({**NEW, "language": "fr"}, "language"),
    ({**NEW, "priority": "urgent"}, "priority"),
    ({**NEW, "publish_at": "mai"}, "publish_at"),
    ({**NEW, "publish_at": "2026-12-02T07:00", "expire_at": "2026-12-01T07:00"}, "expire_at"),
    ({**NEW, "colour": "red"}, "colour"),
])
def test_bad_fields_get_422_with_the_field(api, payload, field):
    response = api("editor").post("/api/v1/bulletins", json=payload)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe"])
def test_bad_json_gets_400(client, api, raw):
    editor = api("editor")
    response = client.post("/api/v1/bulletins", data=raw, content_type="application/json",
                           headers=editor._headers())
    assert response.status_code == 400
    assert response.json["error"]["message"]


def test_wrong_role_and_wrong_state(api, app):
    bid = make_bulletin(app)
    url = f"/api/v1/bulletins/{bid}/actions"
    assert api("editor2").post(f"{url}/submit").status_code == 403
    assert api("reviewer").post(f"{url}/clear").status_code == 409
    assert api("editor").post(f"{url}/submit").status_code == 200
    assert api("editor").post(f"{url}/submit").status_code == 409
    response = api("reviewer").post(f"{url}/return", json={"comment": ""})
    assert response.status_code == 422
    assert api("leader").post(f"{url}/clear").status_code == 403
    assert api("reviewer").post(f"{url}/fly").status_code == 404


def test_patch_needs_current_version(api, app):
    bid = make_bulletin(app)
    editor = api("editor")
    version = editor.get(f"/api/v1/bulletins/{bid}").json["version"]
    assert editor.patch(f"/api/v1/bulletins/{bid}", json={"title": "Mới"}).status_code == 422
    ok = editor.patch(f"/api/v1/bulletins/{bid}", json={"title": "Mới", "version": version})
    assert ok.status_code == 200 and ok.json["title"] == "Mới"
    stale = editor.patch(f"/api/v1/bulletins/{bid}", json={"title": "Cũ", "version": version})
    assert stale.status_code == 409


def test_findings_resolve_history(api, app):
    bid = make_bulletin(app, to="in_review", body="Độ mật: TỐI MẬT. Họp lúc 8h.")
    findings = api("reviewer").get(f"/api/v1/bulletins/{bid}/findings").json
    blocking = [f for f in findings if f["severity"] == "block"]
    assert blocking and {"id", "kind", "start", "end", "text", "resolved", "note"} <= set(
        blocking[0])
    clear = f"/api/v1/bulletins/{bid}/actions/clear"
    assert api("reviewer").post(clear).status_code == 409
    for f in blocking:
        url = f"/api/v1/bulletins/{bid}/findings/{f['id']}/resolve"
        assert api("reviewer").post(url, json={}).status_code == 422
        done = api("reviewer").post(url, json={"note": "Tài liệu đã giải mật"})
        assert done.status_code == 200 and done.json["resolved"] is True
    cleared = api("reviewer").post(clear, json={"checklist": {"no_secrets": True}})
    assert cleared.status_code == 200 and cleared.json["status"] == "awaiting_approval"
    history = api("leader").get(f"/api/v1/bulletins/{bid}/history").json
    actions = [h["action"] for h in history]
    assert actions[0] == "create" and "submit" in actions and actions[-1] == "clear"
    assert history[-1]["who"] == "reviewer" and history[-1]["from"] == "in_review"


def test_list_filters_and_diacritic_insensitive_search(api, app):
    make_bulletin(app, title="Lễ hội Đền Vũ Dương", body="Tưng bừng ngày hội.")
    make_bulletin(app, to="in_review", title="Tiêm chủng", body="Trạm y tế thông báo.",
                  topic="lao-dong-viec-lam")
    editor = api("editor")
    titles = lambda r: sorted(b["title"] for b in r.json["items"])  # noqa: E731
    assert titles(editor.get("/api/v1/bulletins?q=den vu duong")) == ["Lễ hội Đền Vũ Dương"]
    assert titles(editor.get("/api/v1/bulletins?q=TIEM CHUNG")) == ["Tiêm chủng"]
    assert titles(editor.get("/api/v1/bulletins?status=in_review")) == ["Tiêm chủng"]
    assert titles(editor.get("/api/v1/bulletins?topic=lao-dong-viec-lam")) == ["Tiêm chủng"]
    assert titles(editor.get("/api/v1/bulletins?q=%25_")) == []
    assert editor.get("/api/v1/bulletins?status=bogus").status_code == 422


def test_topics_units_openapi(api, client):
    topics = api("editor").get("/api/v1/topics").json
    assert {"slug": "quoc-phong-an-ninh", "name": "Quốc phòng, an ninh"} in topics
    assert len(topics) == 12 and len(api("editor").get("/api/v1/units").json) == 6
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.")
    assert "/bulletins/{bulletin_id}/actions/{action}" in spec["paths"]


def test_audio_is_404_before_approval_and_202_while_queued(api, app):
    draft = make_bulletin(app)
    assert api("operator").get(f"/api/v1/bulletins/{draft}/audio").status_code == 404
    published = make_bulletin(app, to="published")
    response = api("operator").get(f"/api/v1/bulletins/{published}/audio")
    assert response.status_code == 202 and response.json["status"] == "queued"
    web_only = make_bulletin(app, to="published", channels=["web"])
    assert api("operator").get(f"/api/v1/bulletins/{web_only}/audio").status_code == 404


def test_unknown_bulletin_is_json_404(api):
    response = api("editor").get("/api/v1/bulletins/9999")
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01",
                                  "1900-01-01T00:00:00"])
def test_dates_at_the_edges_of_the_calendar_get_422(api, when):
    response = api("editor").post("/api/v1/bulletins", json={**NEW, "expire_at": when})
    assert response.status_code == 422 and "expire_at" in response.json["error"]["fields"]


@pytest.mark.parametrize("bid", [2**31, 2**63, 10**30])
def test_ids_beyond_the_integer_columns_are_404(api, bid):
    assert api("editor").get(f"/api/v1/bulletins/{bid}").status_code == 404


@pytest.mark.parametrize("url", ["/api/v1/bulletins?q=%00", "/api/v1/bulletins?topic=a%00b"])
def test_nul_bytes_are_a_400(api, url):
    assert api("editor").get(url).status_code == 400


def test_nul_in_json_is_a_400(api):
    response = api("editor").post("/api/v1/bulletins", json={**NEW, "title": "a\x00b"})
    assert response.status_code == 400 and response.json["error"]["message"]
