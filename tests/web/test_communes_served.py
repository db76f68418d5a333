"""CONTRACT §9 from outside: a served app over real HTTP, CSRF on, jobs running.

Set up only through the command line (create-commune, create-user --commune/--province,
create-token), then used only through HTTP: the JSON API with bearer tokens, the staff pages
with a browser's session and CSRF token, the public portal and feeds.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from app.extensions import db
from bulletins import clock
from bulletins.models import Commune, Slot
from tests.serve import served
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.slow
TEXT = "Thông báo lịch tiêm chủng cho trẻ em trong tháng tại trạm y tế."
STAFF = ("editor", "reviewer", "leader", "operator")


def cli(runner, *args: str, stdin: str | None = None) -> str:
    result = runner.invoke(args=list(args), input=stdin)
    assert result.exit_code == 0, (args, result.output, result.stderr)
    return result.stdout.strip()


@pytest.fixture
def province(app):
    """Communes vu-duong (the first, a-*) and yen-mo (b-*), province p-*, an observer."""
    runner = app.test_cli_runner(mix_stderr=False)
    cli(runner, "create-commune", "yen-mo", "--name", "xã Yên Mô")
    where = {"a": ["--commune", "vu-duong"], "b": ["--commune", "yen-mo"], "p": ["--province"]}
    people = [(f"{p}-{r}", [r], where[p]) for p in where for r in STAFF]
    people.append(("p-observer", ["observer"], ["--province"]))
    tokens = {}
    for name, roles, scope in people:
        cli(runner, "create-user", name, *(x for r in roles for x in ("--role", r)), *scope,
            "--password-stdin", stdin=PASSWORD + "\n")
        tokens[name] = cli(runner, "create-token", name)
    app.config["WTF_CSRF_ENABLED"] = True  # as in production
    with served(app, threads=4, jobs=True) as base:
        yield base, tokens


def api(base: str, token: str, method: str, path: str, **kw) -> requests.Response:
    return requests.request(method, f"{base}/api/v1{path}", timeout=60,
                            headers={"Authorization": f"Bearer {token}"}, **kw)


def sign_in(base: str, name: str) -> requests.Session:
    http = requests.Session()
    page = http.get(f"{base}/login", timeout=30)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
    answer = http.post(f"{base}/login", data={"username": name, "password": PASSWORD,
                                              "csrf_token": token},
                       allow_redirects=False, timeout=30)
    assert answer.status_code == 302 and "/login" not in answer.headers["Location"]
    return http


def slot_page(app, base: str, http: requests.Session, slug: str) -> str:
    """The commune's first slot's program page for tomorrow: what it suggests to air."""
    with app.app_context():
        slot = db.session.scalar(select(Slot).join(Commune, Slot.commune_id == Commune.id)
                                 .where(Commune.slug == slug).order_by(Slot.id))
        slot_id = slot.id
    day = clock.local_today() + timedelta(days=1)
    page = http.get(f"{base}/radio/slot/{slot_id}/{day.isoformat()}", timeout=60)
    assert page.status_code == 200, page.status_code
    return page.text


def test_communes_of_a_province_over_http(app, province):
    base, tokens = province

    def as_(name: str, method: str, path: str, **kw) -> requests.Response:
        return api(base, tokens[name], method, path, **kw)

    # commune A's draft is invisible to commune B: 404, not in lists, not found by search
    draft = as_("a-editor", "POST", "/bulletins", json={"title": "Nháp riêng xã Vũ Dương",
                                                          "body": TEXT})
    assert draft.status_code == 201 and draft.json()["commune"] == "vu-duong"
    did = draft.json()["id"]
    for who in ("b-editor", "b-reviewer", "b-leader", "b-operator"):
        assert as_(who, "GET", f"/bulletins/{did}").status_code == 404
        assert as_(who, "GET", f"/bulletins/{did}/history").status_code == 404
        assert as_(who, "GET", "/bulletins/999999").status_code == 404
    b_ids = {b["id"] for b in as_("b-editor", "GET", "/bulletins").json()["items"]}
    found = as_("b-editor", "GET", "/bulletins", params={"q": "Nháp riêng"}).json()["items"]
    assert did not in b_ids and found == []
    assert [b["id"] for b in as_("a-editor", "GET", "/bulletins",
                                 params={"q": "nhap rieng"}).json()["items"]] == [did]
    b_desk = sign_in(base, "b-editor")
    assert b_desk.get(f"{base}/desk/b/{did}", timeout=30).status_code == 404
    for who, seen in ((b_desk, False), (sign_in(base, "a-editor"), True)):
        listing = who.get(f"{base}/desk/all", params={"q": "Nháp riêng"}, timeout=30)
        assert listing.status_code == 200 and (f'/desk/b/{did}"' in listing.text) == seen

    # a province bulletin: province review and approval; communes can't act on it
    made = as_("p-editor", "POST", "/bulletins", json={"title": "Tỉnh thông báo tiêm chủng",
                                                       "body": TEXT})
    assert made.json()["scope"] == "province" and made.json()["commune"] is None
    pid = made.json()["id"]
    assert as_("b-editor", "GET", f"/bulletins/{pid}").status_code == 404  # not published yet
    assert as_("p-editor", "POST", f"/bulletins/{pid}/actions/submit").status_code == 200
    assert as_("a-reviewer", "POST", f"/bulletins/{pid}/actions/clear").status_code in (403, 404)
    assert as_("p-reviewer", "POST", f"/bulletins/{pid}/actions/clear").status_code == 200
    assert as_("b-leader", "POST", f"/bulletins/{pid}/actions/approve").status_code in (403, 404)
    approved = as_("p-leader", "POST", f"/bulletins/{pid}/actions/approve")
    assert approved.status_code == 200 and approved.json()["status"] == "published"
    for who in ("a-editor", "b-editor"):
        shown = as_(who, "GET", f"/bulletins/{pid}").json()
        assert shown["status"] == "published"
        patch = as_(who, "PATCH", f"/bulletins/{pid}", json={"version": shown["version"],
                                                            "title": "Sửa của xã"})
        withdraw = as_(who.replace("editor", "leader"), "POST",
                       f"/bulletins/{pid}/actions/withdraw", json={"comment": "thử"})
        assert patch.status_code in (403, 404) and withdraw.status_code in (403, 404)

    # on both communes' feeds and in both communes' suggested programs
    for slug in ("vu-duong", "yen-mo"):
        for feed in ("rss.xml", "atom.xml"):
            page = requests.get(f"{base}/xa/{slug}/feeds/{feed}", timeout=30)
            assert page.status_code == 200 and "Tỉnh thông báo tiêm chủng" in page.text
            assert "Nháp riêng" not in page.text
    for prefix, slug in (("a", "vu-duong"), ("b", "yen-mo")):
        assert "Tỉnh thông báo tiêm chủng" in slot_page(app, base, sign_in(
            base, f"{prefix}-operator"), slug)

    # the observer reads everything of its scope and changes nothing
    observer = "p-observer"
    assert as_(observer, "GET", f"/bulletins/{did}").status_code == 200
    assert as_(observer, "POST", "/bulletins", json={"title": "x", "body": TEXT}
               ).status_code == 403
    assert as_(observer, "POST", f"/bulletins/{did}/actions/submit").status_code == 403
    assert as_("a-editor", "GET", f"/bulletins/{did}").json()["status"] == "draft"

    # / and /feeds/… serve the first commune
    home, rss = requests.get(f"{base}/", timeout=30), requests.get(f"{base}/feeds/rss.xml",
                                                                   timeout=30)
    assert home.status_code == rss.status_code == 200
    assert "Tỉnh thông báo tiêm chủng" in rss.text
    first = requests.get(f"{base}/xa/vu-duong/feeds/rss.xml", timeout=30).text
    strip = re.compile(r"<(lastBuildDate|pubDate)>[^<]*</\1>")
    assert strip.sub("", rss.text).count("<item>") == strip.sub("", first).count("<item>")
    assert "Vũ Dương" in home.text
