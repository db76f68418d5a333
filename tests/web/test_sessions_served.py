"""Sessions that end, against a served app over real HTTP with CSRF on, as a browser (or a
thief holding a copied cookie) would meet them."""

from __future__ import annotations

import re

import pytest
import requests

from tests.serve import served
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.slow
NEW_PASSWORD = "Vu-Duong-moi-2026"


def csrf(http: requests.Session, url: str) -> str:
    page = http.get(url, timeout=30)
    assert page.status_code == 200, (url, page.status_code)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1)


def sign_in(base: str, remember: bool = False) -> requests.Session:
    http = requests.Session()
    form = {"username": "editor", "password": PASSWORD, "csrf_token": csrf(http, f"{base}/login")}
    if remember:
        form["remember"] = "y"
    response = http.post(f"{base}/login", data=form, allow_redirects=False, timeout=30)
    assert response.status_code == 302 and "/login" not in response.headers["Location"]
    return http


def copy_of(http: requests.Session, *names: str) -> requests.Session:
    """Another client holding only copies of the named cookies."""
    thief = requests.Session()
    for name in names:
        assert http.cookies.get(name), name
        thief.cookies.set(name, http.cookies.get(name))
    return thief


def desk(base: str, http: requests.Session) -> int | str:
    """200 when the desk opens; the login URL when sent there."""
    response = http.get(f"{base}/desk/", timeout=30)  # follows /desk/ → /desk/editor
    if response.history and "/login" in response.url:
        return "login"
    return response.status_code


def log_out(base: str, http: requests.Session) -> None:
    token = csrf(http, f"{base}/desk/editor")
    response = http.post(f"{base}/logout", data={"csrf_token": token}, allow_redirects=False,
                         timeout=30)
    assert response.status_code == 302


@pytest.fixture
def base(app, users):
    app.config["WTF_CSRF_ENABLED"] = True  # as in production
    with served(app, threads=4) as url:
        yield url


def test_a_copied_session_cookie_dies_with_logout(base):
    http = sign_in(base)
    thief = copy_of(http, "session")
    assert desk(base, thief) == 200
    log_out(base, http)
    assert desk(base, http) == "login"
    assert desk(base, copy_of(thief, "session")) == "login"


def test_a_copied_remember_me_cookie_dies_with_logout(base):
    http = sign_in(base, remember=True)
    thief = copy_of(http, "remember_token")
    assert desk(base, thief) == 200
    saved = copy_of(thief, "remember_token")  # before the server's answer replaced anything
    log_out(base, http)
    assert desk(base, saved) == "login"


def test_a_password_change_ends_the_other_sessions(base):
    here = sign_in(base)
    there = sign_in(base, remember=True)
    remembered = copy_of(there, "remember_token")
    token = csrf(here, f"{base}/password")
    changed = here.post(f"{base}/password", data={
        "old_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
        "csrf_token": token}, allow_redirects=False, timeout=30)
    assert changed.status_code == 302 and "/password" not in changed.headers["Location"]
    assert desk(base, here) == 200
    assert desk(base, there) == "login"
    assert desk(base, remembered) == "login"
