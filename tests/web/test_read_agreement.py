"""The web and the JSON API agree on who may read what, against a served app (issue #13).

Loa is served on a real port with its job queue running, so the program's and the bulletin's
audio are really built. Each role signs in to the web (a session, CSRF on, as a browser does)
and holds an API token; every read the two surfaces share is asked of both, and both must give
it (200) or both refuse it (403), and give it to exactly the roles declared here.
"""

from __future__ import annotations

import json
import re
import time

import pytest
import requests

from tests.serve import served
from tests.web.conftest import PASSWORD
from tests.web.resources import PHONE, make_resources

pytestmark = pytest.mark.slow
ROLES = ("editor", "reviewer", "leader", "operator", "admin")
STAFF = frozenset(ROLES)
RADIO = frozenset({"operator", "admin"})
LOG = RADIO | {"leader"}
TITLE = "Lịch tiêm chủng tháng này"  # the published bulletin's, in the program


def pairs(res) -> list[tuple[str, str, str, frozenset[str], str | None]]:
    """(what, web path, API path, who may read it, text both answers carry)."""
    pid, bid, rid, day = res.program, res.published, res.in_review, res.day.isoformat()
    span = f"from={res.day.year}-01-01&to={day}"
    return [
        ("the day's programs", "/radio/", f"/api/v1/programs?date={day}", RADIO, TITLE),
        ("a program", f"/radio/programs/{pid}", f"/api/v1/programs/{pid}", RADIO, "Phát đủ"),
        ("its script", f"/radio/programs/{pid}/script", f"/api/v1/programs/{pid}/script",
         RADIO, TITLE),
        ("its playlist", f"/radio/programs/{pid}/playlist.m3u",
         f"/api/v1/programs/{pid}/playlist.m3u", RADIO, TITLE),
        ("its audio", f"/radio/programs/{pid}/audio.mp3", f"/api/v1/programs/{pid}/audio",
         RADIO, None),
        ("its broadcasts", f"/radio/log?from={day}&to={day}",
         f"/api/v1/programs/{pid}/broadcasts", LOG, "Phát đủ"),
        ("the broadcast log as CSV", f"/radio/log.csv?from={day}&to={day}",
         f"/api/v1/programs/{pid}/broadcasts", LOG, "Phát đủ"),
        ("a bulletin", f"/desk/b/{bid}", f"/api/v1/bulletins/{bid}", STAFF, TITLE),
        ("its findings", f"/desk/b/{rid}", f"/api/v1/bulletins/{rid}/findings", STAFF, PHONE),
        ("its history", f"/desk/b/{bid}", f"/api/v1/bulletins/{bid}/history", STAFF, None),
        ("its audio", f"/desk/b/{bid}/audio.mp3", f"/api/v1/bulletins/{bid}/audio", STAFF, None),
        ("the search", "/desk/all?q=tiêm", "/api/v1/bulletins?q=tiêm", STAFF, "chủng tháng này"),
        ("the report", f"/desk/report?{span}", f"/api/v1/report?{span}", STAFF, None),
        ("the report as CSV", f"/desk/report.csv?{span}", f"/api/v1/report?{span}", STAFF, None),
    ]


def text_of(response: requests.Response) -> str:
    """The answer as text; JSON decoded, so Vietnamese is compared as written."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.text


def sign_in(base: str, name: str) -> requests.Session:
    """A browser-like session: the login form's CSRF token, then the password."""
    http = requests.Session()
    page = http.get(f"{base}/login", timeout=30)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
    answer = http.post(f"{base}/login", allow_redirects=False, timeout=30, data={
        "username": name, "password": PASSWORD, "csrf_token": token})
    assert answer.status_code == 302 and "/login" not in answer.headers["Location"], name
    return http


def wait_for_audio(base: str, token: str, res, seconds: float = 180) -> None:
    """Until the job queue has built the program's and the bulletin's MP3."""
    headers = {"Authorization": f"Bearer {token}"}
    urls = [f"{base}/api/v1/programs/{res.program}/audio",
            f"{base}/api/v1/bulletins/{res.published}/audio"]
    deadline = time.monotonic() + seconds
    while urls and time.monotonic() < deadline:
        answer = requests.get(urls[0], headers=headers, timeout=30)
        assert answer.status_code in (200, 202), (urls[0], answer.status_code, answer.text)
        if answer.status_code == 200:
            urls.pop(0)
        else:
            time.sleep(0.5)
    assert urls == [], f"audio not built in {seconds} s: {urls}"


@pytest.fixture
def live(app, users, api):
    """The served app (CSRF on, jobs running), the resources, and each role's API token."""
    res = make_resources(app)
    tokens = {name: api(name).token for name in ROLES}
    app.config["WTF_CSRF_ENABLED"] = True  # as in production
    with served(app, threads=4, jobs=True) as base:
        wait_for_audio(base, tokens["operator"], res)
        yield base, res, tokens


def test_web_and_api_agree_on_every_shared_read(live):
    base, res, tokens = live
    wrong = []
    for name in ROLES:
        web = sign_in(base, name)
        api = {"Authorization": f"Bearer {tokens[name]}"}
        for what, web_path, api_path, readers, text in pairs(res):
            page = web.get(base + web_path, allow_redirects=False, timeout=60)
            answer = requests.get(base + api_path, headers=api, timeout=60)
            expected = 200 if name in readers else 403
            if (page.status_code, answer.status_code) != (expected, expected):
                wrong.append((name, what, page.status_code, answer.status_code, expected))
            elif expected == 200 and text and not (
                    text in text_of(page) and text in text_of(answer)):
                wrong.append((name, what, "missing", text))
    assert wrong == [], wrong


def test_the_audio_both_surfaces_hand_out_is_the_same_file(live):
    base, res, tokens = live
    web = sign_in(base, "operator")
    api = {"Authorization": f"Bearer {tokens['operator']}"}
    for web_path, api_path in (
            (f"/radio/programs/{res.program}/audio.mp3", f"/api/v1/programs/{res.program}/audio"),
            (f"/desk/b/{res.published}/audio.mp3", f"/api/v1/bulletins/{res.published}/audio")):
        page = web.get(base + web_path, timeout=60)
        answer = requests.get(base + api_path, headers=api, timeout=60)
        assert page.headers["Content-Type"] == answer.headers["Content-Type"] == "audio/mpeg"
        assert len(page.content) > 1000 and page.content == answer.content
