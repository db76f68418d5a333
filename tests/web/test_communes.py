"""Communes of one province (CONTRACT §9) through the CLI, the API and the public surface.

Two communes, province staff and an observer: a commune's unpublished bulletin is 404 to the
other commune, a province bulletin goes through province review and approval, then shows on
every commune's portal and feeds and can't be edited by a commune.
"""

from __future__ import annotations

import pytest

from app.extensions import db
from bulletins import accounts, seed
from bulletins.models import User
from tests.web.conftest import PASSWORD, Api

ROLES = {"editor": ["editor"], "reviewer": ["reviewer"], "leader": ["leader"]}
TEXT = "Thông báo lịch tiêm chủng cho trẻ em trong tháng tại trạm y tế."


@pytest.fixture
def province(app, client):
    """Commune staff of vu-duong (a-*) and yen-mo (b-*), province staff (p-*), an observer."""
    tokens = {}
    with app.app_context():
        yen_mo = seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        people = [(f"a-{r}", roles, {}) for r, roles in ROLES.items()]
        people += [(f"b-{r}", roles, {"commune_id": yen_mo.id}) for r, roles in ROLES.items()]
        people += [(f"p-{r}", roles, {"province": True}) for r, roles in ROLES.items()]
        people += [("p-observer", ["observer"], {"province": True}),
                   ("b-observer", ["observer"], {"commune_id": yen_mo.id})]
        for name, roles, where in people:
            made, _ = accounts.create_user(db.session, None, name, roles, PASSWORD, **where)
            tokens[name] = accounts.create_token(db.session, None, made)
        db.session.commit()
    return {name: Api(client, token) for name, token in tokens.items()}


def _publish(api, prefix: str, title: str, **extra) -> dict:
    made = api[f"{prefix}-editor"].post("/api/v1/bulletins", json={
        "title": title, "body": TEXT, **extra})
    assert made.status_code == 201, made.json
    bid = made.json["id"]
    for who, action in (("editor", "submit"), ("reviewer", "clear"), ("leader", "approve")):
        answer = api[f"{prefix}-{who}"].post(f"/api/v1/bulletins/{bid}/actions/{action}")
        assert answer.status_code == 200, (who, action, answer.json)
    return answer.json


def test_users_and_bulletins_belong_to_a_commune_or_the_province(app, province):
    draft = province["a-editor"].post("/api/v1/bulletins", json={"title": "Nháp xã A",
                                                                 "body": TEXT})
    assert draft.json["commune"] == "vu-duong" and draft.json["scope"] == "commune"
    made = province["p-editor"].post("/api/v1/bulletins", json={"title": "Tin tỉnh",
                                                                "body": TEXT})
    assert made.json["commune"] is None and made.json["scope"] == "province"
    with app.app_context():
        scopes = {u.username: u.commune.slug if u.commune else None
                  for u in db.session.query(User)}
    assert scopes["a-editor"] == "vu-duong" and scopes["b-editor"] == "yen-mo"
    assert scopes["p-leader"] is None


def test_another_communes_unpublished_bulletin_is_not_found(province):
    draft = province["a-editor"].post("/api/v1/bulletins", json={"title": "Nháp riêng xã A",
                                                                 "body": TEXT}).json
    bid = draft["id"]
    for who in ("b-editor", "b-reviewer", "b-leader", "b-observer"):
        api = province[who]
        for path in ("", "/findings", "/history", "/audio"):
            assert api.get(f"/api/v1/bulletins/{bid}{path}").status_code == 404, (who, path)
        assert api.get("/api/v1/bulletins/999999").status_code == 404
        listed = api.get("/api/v1/bulletins?q=riêng").json["items"]
        assert bid not in [b["id"] for b in listed]
    assert province["b-editor"].patch(f"/api/v1/bulletins/{bid}", json={
        "version": draft["version"], "title": "x"}).status_code == 404
    assert province["b-leader"].post(
        f"/api/v1/bulletins/{bid}/actions/approve").status_code == 404
    # province staff and the province's observer see every commune's bulletins
    assert province["p-observer"].get(f"/api/v1/bulletins/{bid}").status_code == 200
    assert province["p-reviewer"].get(f"/api/v1/bulletins/{bid}").status_code == 200
    # ... but review and approve only the province's
    province["a-editor"].post(f"/api/v1/bulletins/{bid}/actions/submit")
    assert province["p-reviewer"].post(
        f"/api/v1/bulletins/{bid}/actions/clear").status_code == 403
    assert province["a-reviewer"].post(
        f"/api/v1/bulletins/{bid}/actions/clear").status_code == 200


def test_an_observer_changes_nothing(province):
    bid = province["a-editor"].post("/api/v1/bulletins", json={"title": "Nháp",
                                                               "body": TEXT}).json["id"]
    for who in ("p-observer", "b-observer"):
        assert province[who].post("/api/v1/bulletins", json={
            "title": "x", "body": TEXT}).status_code == 403
    assert province["p-observer"].post(
        f"/api/v1/bulletins/{bid}/actions/submit").status_code == 403


def test_province_bulletin_goes_through_the_province_and_shows_in_every_commune(client,
                                                                                 province):
    made = province["p-editor"].post("/api/v1/bulletins", json={
        "title": "Tỉnh phát động tháng vệ sinh môi trường", "body": TEXT}).json
    bid = made["id"]
    province["p-editor"].post(f"/api/v1/bulletins/{bid}/actions/submit")
    # before publication a commune does not know of it
    assert province["a-editor"].get(f"/api/v1/bulletins/{bid}").status_code == 404
    # commune reviewers may not review it; the province's do
    assert province["a-reviewer"].post(
        f"/api/v1/bulletins/{bid}/actions/clear").status_code == 404
    assert province["p-reviewer"].post(
        f"/api/v1/bulletins/{bid}/actions/clear").status_code == 200
    published = province["p-leader"].post(f"/api/v1/bulletins/{bid}/actions/approve").json
    assert published["status"] == "published"
    own = _publish(province, "b", "Xã Yên Mô thông báo họp dân")
    # every commune's portal and feeds carry it; each commune's own stay its own
    for path in ("/", "/feeds/rss.xml", "/feeds/atom.xml", "/xa/vu-duong/",
                 "/xa/vu-duong/feeds/rss.xml", "/xa/yen-mo/", "/xa/yen-mo/feeds/rss.xml",
                 "/xa/yen-mo/feeds/atom.xml"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "vệ sinh môi trường" in page.get_data(as_text=True), path
        assert ("họp dân" in page.get_data(as_text=True)) == ("yen-mo" in path), path
    assert client.get("/xa/khong-co/").status_code == 404
    # a commune sees it now, and cannot edit or withdraw it
    seen = province["a-editor"].get(f"/api/v1/bulletins/{bid}")
    assert seen.status_code == 200 and seen.json["scope"] == "province"
    assert province["a-leader"].post(f"/api/v1/bulletins/{bid}/actions/withdraw", json={
        "comment": "không"}).status_code == 403
    assert province["a-editor"].post(
        f"/api/v1/bulletins/{bid}/actions/correct").status_code == 403
    # another commune's published bulletin stays out of the desk of the first
    assert province["a-editor"].get(f"/api/v1/bulletins/{own['id']}").status_code == 404


def test_create_commune_and_user_on_the_command_line(app):
    runner = app.test_cli_runner(mix_stderr=False)
    made = runner.invoke(args=["create-commune", "kim-son", "--name", "xã Kim Sơn"])
    assert made.exit_code == 0, made.stderr
    again = runner.invoke(args=["create-commune", "kim-son", "--name", "xã Kim Sơn"])
    assert again.exit_code == 1 and "đã có" in again.stderr
    bad = runner.invoke(args=["create-commune", "Kim Sơn", "--name", "x"])
    assert bad.exit_code == 1 and "Traceback" not in bad.stderr
    for args in (["hoa", "--role", "editor", "--commune", "kim-son"],
                 ["tinh", "--role", "leader", "--province"],
                 ["xem", "--role", "observer"]):
        result = runner.invoke(args=["create-user", *args])
        assert result.exit_code == 0, result.stderr
    assert runner.invoke(args=["create-user", "x", "--role", "editor", "--commune",
                               "khong-co"]).exit_code == 1
    with app.app_context():
        found = {u.username: u.commune.slug if u.commune else None
                 for u in db.session.query(User)}
    assert found["hoa"] == "kim-son" and found["tinh"] is None and found["xem"] == "vu-duong"
