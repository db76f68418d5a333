"""Who may reach what: every route of the URL map × (anonymous and every role) is declared.

A route added without an entry here fails this test, so nobody forgets to decide.
Bulletins, programs and users that do not exist are used for writes: a 404 then proves the
request got past the role check, and no test data is changed.
"""

from __future__ import annotations

import pytest

from tests.web.conftest import login, make_bulletin

ROLES = ("editor", "reviewer", "leader", "operator", "admin")
STAFF = frozenset(ROLES)
PUBLIC, TOKEN = "public", "token"
ED, RV, LD, OP, AD = ({r} for r in ROLES)

EXPECT: dict[str, object] = {
    # public surface and sign-in
    "portal.index": PUBLIC, "portal.bulletin": PUBLIC, "portal.audio": PUBLIC,
    "portal.rss": PUBLIC, "portal.atom": PUBLIC, "portal.radio": PUBLIC,
    "portal.healthz": PUBLIC, "static": PUBLIC, "auth.login": PUBLIC,
    "auth.set_language": PUBLIC, "api.openapi": PUBLIC,
    "help.index": PUBLIC, "help.page": PUBLIC, "help.image": PUBLIC,
    "auth.logout": STAFF, "auth.password": STAFF, "auth.notifications": STAFF,
    # the editorial desk
    "desk.home": STAFF, "desk.all_bulletins": STAFF, "desk.detail": STAFF,
    "desk.report": STAFF, "desk.report_csv": STAFF, "desk.report_xlsx": STAFF,
    "desk.act": STAFF, "desk.audio": STAFF, "desk.revisions": STAFF, "desk.comment": STAFF,
    "desk.editor_queue": ED, "desk.new": ED, "desk.edit": ED, "desk.restore": ED,
    "desk.review_queue": RV, "desk.resolve": RV, "desk.approve_queue": LD,
    "desk.preview": ED | RV | LD | AD, "desk.upload_recording": ED | OP | LD,
    "desk.calendar": STAFF, "desk.templates": ED | AD, "desk.template_edit": ED | AD,
    "desk.template_delete": ED | AD, "desk.save_template": ED | AD,
    # the radio desk
    "radio.index": OP | AD, "radio.retry": OP | LD | AD, "radio.log": OP | AD | LD,
    "radio.log_csv": OP | AD | LD, "radio.program": OP | AD, "radio.build": OP | AD,
    "radio.audio_file": OP | AD, "radio.playlist": OP | AD, "radio.script": OP | AD,
    "radio.record": OP | AD, "radio.emergency": OP | AD, "radio.slot_program": OP | AD,
    "radio.slots": AD, "radio.slot_edit": AD,
    # administration
    "admin.users": AD, "admin.set_roles": AD, "admin.reset_password": AD,
    "admin.toggle_active": AD, "admin.tokens": AD, "admin.revoke_token": AD,
    "admin.scan_rules": AD, "admin.lexicon": AD, "admin.delete_entry": AD,
    "admin.audio_settings": AD,
    "admin.key_dates": AD, "admin.key_date_edit": AD, "admin.key_date_delete": AD,
    # the JSON API: a valid token of any role passes the door; services check roles
    **{f"api.{name}": TOKEN for name in (
        "me", "index", "show", "patch", "action", "findings", "resolve", "history", "audio",
        "topics", "units", "programs_of_day", "program_show", "program_audio",
        "program_broadcast", "program_log", "program_playlist", "program_script", "report")},
    "api.create": ED,
}
MISSING = 999_999


def test_every_route_has_a_declared_expectation(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - EXPECT.keys() == set(), "declare who may use these routes"
    assert EXPECT.keys() - endpoints == set(), "these declared routes no longer exist"


def _requests(app, bulletin_id: int):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        reads = "GET" in rule.methods
        values = {"bulletin_id": bulletin_id if reads else MISSING, "finding_id": MISSING,
                  "number": MISSING, "program_id": MISSING, "slot_id": MISSING,
                  "user_id": MISSING, "token_id": MISSING, "entry_id": MISSING,
                  "key_date_id": MISSING, "template_id": MISSING,
                  "kind": "rule", "action": "submit", "digest": "0" * 16, "slug": "x",
                  "day": "2026-12-01", "code": "vi"}
        url = rule.build(values, append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, url


def _denied(response, api: bool) -> bool:
    if api:
        return response.status_code in (401, 403)
    location = response.headers.get("Location", "")
    return response.status_code == 403 or (response.status_code == 302 and "/login" in location)


@pytest.mark.parametrize("who", ["anonymous", *ROLES])
def test_each_role_meets_exactly_its_declared_doors(app, client, users, api, who):
    bid = make_bulletin(app, to="published")
    token = api(who).token if who != "anonymous" else None
    if who != "anonymous":
        login(client, who)
    wrong = []
    for endpoint, method, url in _requests(app, bid):
        if endpoint in ("auth.logout", "auth.set_language"):
            continue  # they end or change the session these checks rely on
        expected = EXPECT[endpoint]
        is_api = endpoint.startswith("api.")
        headers = {"Authorization": f"Bearer {token}"} if is_api and token else {}
        body = {"title": "Kiểm tra", "body": "Nội dung"} if endpoint == "api.create" else {}
        response = client.open(url, method=method, headers=headers,
                               json=body if is_api and method != "GET" else None,
                               buffered=True)
        if expected == PUBLIC:
            allowed = True
        elif who == "anonymous":
            allowed = False
        elif expected == TOKEN:
            allowed = True
        else:
            allowed = who in expected
        if _denied(response, is_api) == allowed:
            wrong.append((endpoint, method, url, response.status_code))
    assert wrong == [], f"{who}: unexpected access results {wrong}"
