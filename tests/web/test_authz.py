"""Who may reach what: every route of the URL map × (anonymous and every role), on real data.

A route added without an entry here fails this test, so nobody forgets to decide. Every id in
a URL names a row that exists (tests/web/resources.py), so a refusal is the role check's and
never a 404 for a missing object. A 5xx is always a failure. A role that may read a page gets
it (2xx or 3xx); a role that may not gets 403 (signed in) or the sign-in page / 401.

The JSON API's rows are the services' own role checks: a token opens no door by itself, so
what the web refuses to read, the API refuses too (issue #13).
"""

from __future__ import annotations

import pytest

from app.help.render import image_names
from tests.web.conftest import login
from tests.web.resources import Resources, make_resources

ROLES = ("editor", "reviewer", "leader", "operator", "admin")
STAFF = frozenset(ROLES)
PUBLIC, TOKEN, KEY = "public", "token", "receiver key"
ED, RV, LD, OP, AD = ({r} for r in ROLES)

EXPECT: dict[str, object] = {
    # public surface and sign-in
    "portal.index": PUBLIC, "portal.bulletin": PUBLIC, "portal.audio": PUBLIC,
    "portal.rss": PUBLIC, "portal.atom": PUBLIC, "portal.radio": PUBLIC,
    "portal.commune_index": PUBLIC, "portal.commune_rss": PUBLIC,
    "portal.commune_atom": PUBLIC, "portal.commune_radio": PUBLIC,
    "portal.commune_feeds_page": PUBLIC, "portal.feeds_page": PUBLIC,
    "portal.healthz": PUBLIC, "static": PUBLIC, "auth.login": PUBLIC,
    "auth.set_language": PUBLIC, "api.openapi": PUBLIC,
    "help.index": PUBLIC, "help.page": PUBLIC, "help.image": PUBLIC,
    "auth.logout": STAFF, "auth.password": STAFF, "auth.notifications": STAFF,
    # the editorial desk
    "desk.home": STAFF, "desk.all_bulletins": STAFF, "desk.detail": STAFF, "desk.status": STAFF,
    "desk.report": STAFF, "desk.report_csv": STAFF, "desk.report_xlsx": STAFF,
    # the province report: these users are a commune's, sent to their own report (the page)
    # or refused (the downloads); province staff's are in test_province_report
    "desk.province_report": STAFF, "desk.province_report_csv": set(),
    "desk.province_report_xlsx": set(), "api.province_report": set(),
    "desk.act": STAFF, "desk.audio": STAFF, "desk.revisions": STAFF, "desk.comment": STAFF,
    "desk.editor_queue": ED, "desk.new": ED, "desk.edit": ED, "desk.restore": ED,
    "desk.review_queue": RV, "desk.resolve": RV, "desk.confirm": RV, "desk.approve_queue": LD,
    "desk.preview": ED | RV | LD | AD, "desk.upload_recording": ED | OP | LD,
    "desk.accept_recording": LD,
    "desk.calendar": STAFF, "desk.templates": ED | AD, "desk.template_edit": ED | AD,
    "desk.template_delete": ED | AD, "desk.save_template": ED | AD,
    # the radio desk
    "radio.index": OP | AD, "radio.retry": OP | LD | AD, "radio.log": OP | AD | LD,
    "radio.log_csv": OP | AD | LD, "radio.program": OP | AD, "radio.program_status": OP | AD,
    "radio.build": OP | AD,
    "radio.audio_file": OP | AD, "radio.playlist": OP | AD, "radio.script": OP | AD,
    "radio.record": OP | AD, "radio.emergency": OP | AD, "radio.slot_program": OP | AD,
    "radio.slots": AD, "radio.slot_edit": AD,
    # administration
    "admin.users": AD, "admin.set_roles": AD, "admin.reset_password": AD,
    "admin.toggle_active": AD, "admin.tokens": AD, "admin.revoke_token": AD,
    "admin.scan_rules": AD, "admin.lexicon": AD, "admin.delete_entry": AD,
    "admin.audio_settings": AD, "admin.choose_voices": AD,
    "admin.key_dates": AD, "admin.key_date_edit": AD, "admin.key_date_delete": AD,
    # the JSON API: any valid token reads who it is and the lists …
    "api.me": TOKEN, "api.topics": TOKEN, "api.units": TOKEN,
    # … and everything else is the same service, with the same roles, as the web's page
    "api.index": STAFF, "api.show": STAFF, "api.findings": STAFF, "api.history": STAFF,
    "api.audio": STAFF, "api.report": STAFF,
    "api.programs_of_day": OP | AD, "api.program_show": OP | AD, "api.program_audio": OP | AD,
    "api.program_playlist": OP | AD, "api.program_script": OP | AD,
    "api.program_log": OP | LD | AD,
    # writes, each on an object in the state its action needs
    "api.create": ED, "api.patch": ED, "api.action": ED, "api.resolve": RV, "api.confirm": RV,
    "api.program_broadcast": OP | AD,
    # recorded readings (CONTRACT §8): uploaded by who may edit, accepted by a leader
    "api.recording": STAFF, "api.recording_upload": ED, "api.recording_accept": LD,
    # loudspeaker clusters (CONTRACT §10): staff pages, public CAP alerts, and the receivers'
    # own API, which answers 401 to anything but a receiver's key (a session, a staff token)
    "receivers.index": OP | AD | LD, "receivers.program": OP | AD | LD,
    "receivers.province": OP | AD | LD, "receivers.create": OP | AD,
    "receivers.rotate": OP | AD, "receivers.revoke": OP | AD,
    "receivers.cap_alert": PUBLIC, "receivers.alerts_feed": PUBLIC,
    "receivers.commune_alerts_feed": PUBLIC,
    "receiver_api.get_schedule": KEY, "receiver_api.program_audio": KEY,
    "receiver_api.bulletin_audio": KEY, "receiver_api.post_event": KEY,
}
#: Reads whose allowed answer is not 2xx/3xx here: no audio is built in these tests.
NOT_BUILT = {"desk.audio": 404, "radio.audio_file": 404, "portal.audio": 404,
             "api.recording": 404,
             # the published bulletin here is no emergency: it has no CAP alert
             "receivers.cap_alert": 404}
#: Which bulletin each route acts on (default: the published one).
BULLETIN_FOR = {
    "desk.act": "draft", "api.action": "draft", "desk.upload_recording": "draft",
    "api.recording_upload": "draft",
    "desk.edit": "draft_to_edit", "api.patch": "draft_to_edit", "desk.restore": "draft_to_edit",
    "desk.resolve": "in_review", "api.resolve": "in_review",
    "desk.confirm": "in_review", "api.confirm": "in_review",
}
API_BODY = {"api.create": {"title": "Kiểm tra", "body": "Nội dung"}}
SKIPPED = ("auth.logout", "auth.set_language")  # they end or change the session under test


def test_every_route_has_a_declared_expectation(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - EXPECT.keys() == set(), "declare who may use these routes"
    assert EXPECT.keys() - endpoints == set(), "these declared routes no longer exist"


def _values(res: Resources, endpoint: str) -> dict[str, object]:
    slug = {"help.page": "bien-tap", "help.image": sorted(image_names())[0][:-4],
            "portal.bulletin": "lich-tiem-chung-thang-nay",
            **dict.fromkeys(("portal.commune_index", "portal.commune_rss", "portal.commune_atom",
                             "portal.commune_radio", "receivers.commune_alerts_feed",
                             "portal.commune_feeds_page"),
                            "vu-duong")}.get(endpoint, "x")
    return {"bulletin_id": getattr(res, BULLETIN_FOR.get(endpoint, "published")),
            "finding_id": res.finding, "number": 1, "program_id": res.program,
            "slot_id": res.slot, "day": res.day, "user_id": res.target_user,
            "token_id": res.token, "entry_id": res.rule, "kind": "rule",
            "key_date_id": res.key_date, "template_id": res.template, "action": "submit",
            "digest": "0" * 16, "slug": slug, "code": "vi", "filename": "loa.css",
            "receiver_id": res.receiver}


def _requests(app, res: Resources):
    """(endpoint, method, url) for every route: all reads first, then the writes."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIPPED:
            continue
        url = rule.build(_values(res, rule.endpoint), append_unknown=False)[1]
        found += [(rule.endpoint, m, url) for m in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return sorted(found, key=lambda row: row[1] != "GET")


def _refused(response, api: bool, anonymous: bool) -> bool:
    if not anonymous:
        return response.status_code == 403
    if api:
        return response.status_code == 401
    return response.status_code == 302 and "/login" in response.headers.get("Location", "")


def _allowed(endpoint: str, method: str, response) -> bool:
    status = response.status_code
    if status in (401, 403) or "/login" in response.headers.get("Location", ""):
        return False
    if method == "GET":
        return status < 400 or status == NOT_BUILT.get(endpoint)
    return status < 500


def _may(who: str, expected: object) -> bool:
    if expected == PUBLIC:
        return True
    if who == "anonymous":
        return False
    return expected == TOKEN or who in expected


@pytest.mark.parametrize("who", ["anonymous", *ROLES])
def test_each_role_meets_exactly_its_declared_doors(app, client, users, api, who):
    res = make_resources(app)
    token = api(who).token if who != "anonymous" else None
    if who != "anonymous":
        login(client, who)
    wrong = []
    for endpoint, method, url in _requests(app, res):
        is_api = endpoint.startswith("api.")
        headers = {"Authorization": f"Bearer {token}"} if is_api and token else {}
        body = API_BODY.get(endpoint, {}) if is_api and method != "GET" else None
        response = client.open(url, method=method, headers=headers, json=body, buffered=True)
        if EXPECT[endpoint] == KEY:
            ok = response.status_code == 401
        elif _may(who, EXPECT[endpoint]):
            ok = _allowed(endpoint, method, response)
        else:
            ok = _refused(response, is_api, who == "anonymous")
        if not ok or response.status_code >= 500:
            wrong.append((endpoint, method, url, response.status_code))
    assert wrong == [], f"{who}: unexpected answers {wrong}"


def test_reads_check_the_role_before_looking_the_object_up(app, api):
    """A refused role learns nothing from the id: 403 for a program that exists or not."""
    res = make_resources(app)
    missing = 999_999
    for path in ("", "/script", "/audio", "/playlist.m3u", "/broadcasts"):
        assert api("editor").get(f"/api/v1/programs/{res.program}{path}").status_code == 403
        assert api("editor").get(f"/api/v1/programs/{missing}{path}").status_code == 403
        assert api("operator").get(f"/api/v1/programs/{missing}{path}").status_code == 404
    assert api("leader").get(f"/api/v1/programs/{missing}/broadcasts").status_code == 404
    assert api("leader").get(f"/api/v1/programs/{res.program}/script").status_code == 403
