"""Sessions that end: logout and password changes rotate the user's session token, so a copied
session or remember-me cookie stops working; unknown names cost a password check too."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select
from werkzeug.security import check_password_hash

from app.extensions import db
from bulletins import accounts
from bulletins.models import AuditLog
from tests.web.conftest import PASSWORD, login, user

NEW_PASSWORD = "Vu-Duong-moi-2026"
NOW = datetime(2026, 12, 1, 1, 30)


def signed_in(client) -> bool:
    """True when the client's cookies open the editor's queue; False when sent to login."""
    response = client.get("/desk/editor")
    if response.status_code == 302:
        assert "/login" in response.headers["Location"]
        return False
    assert response.status_code == 200
    return True


def copy_of(app, client, *names: str):
    """A second browser holding only copies of the given cookies of the first."""
    other = app.test_client()
    for name in names:
        cookie = client.get_cookie(name)
        assert cookie is not None, name
        other.set_cookie(name, cookie.value)
    return other


def audit_actions(app) -> list[tuple[str, str]]:
    with app.app_context():
        return [tuple(row) for row in db.session.execute(
            select(AuditLog.actor, AuditLog.action).order_by(AuditLog.seq))]


def test_logout_ends_a_copied_session_cookie(app, client, users):
    login(client, "editor")
    stolen = copy_of(app, client, "session")
    assert signed_in(stolen)
    client.post("/logout")
    assert not signed_in(client)
    assert not signed_in(stolen)
    assert ("editor", "logout") in audit_actions(app)


def test_logout_ends_a_copied_remember_me_cookie(app, client, users):
    response = client.post("/login", data={"username": "editor", "password": PASSWORD,
                                           "remember": "y"})
    assert response.status_code == 302
    stolen = copy_of(app, client, "remember_token")  # no session cookie: remember-me alone
    assert signed_in(stolen)
    client.post("/logout")
    assert not signed_in(copy_of(app, stolen, "remember_token"))


def test_remember_me_keeps_a_reopened_browser_signed_in_page_after_page(app, client, users):
    client.post("/login", data={"username": "editor", "password": PASSWORD, "remember": "y"})
    reopened = copy_of(app, client, "remember_token")  # the browser session cookie is gone
    assert [signed_in(reopened) for _ in range(3)] == [True, True, True]


def test_logging_in_again_after_logout_works(app, client, users):
    login(client, "editor")
    client.post("/logout")
    login(client, "editor")
    assert signed_in(client)


def test_own_password_change_ends_other_sessions_but_keeps_this_one(app, client, users):
    login(client, "editor")
    elsewhere = app.test_client()
    elsewhere.post("/login", data={"username": "editor", "password": PASSWORD, "remember": "y"})
    remembered = copy_of(app, elsewhere, "remember_token")
    assert signed_in(elsewhere) and signed_in(remembered)
    done = client.post("/password", data={"old_password": PASSWORD, "new_password": NEW_PASSWORD,
                                          "confirm": NEW_PASSWORD})
    assert done.status_code == 302
    assert signed_in(client)
    assert not signed_in(elsewhere)
    assert not signed_in(remembered)
    assert ("editor", "user.password") in audit_actions(app)


def test_wrong_old_password_changes_nothing(app, client, users):
    login(client, "editor")
    elsewhere = app.test_client()
    login(elsewhere, "editor")
    client.post("/password", data={"old_password": "sai-mat-khau-1", "new_password": NEW_PASSWORD,
                                   "confirm": NEW_PASSWORD})
    assert signed_in(client) and signed_in(elsewhere)


@pytest.mark.parametrize("admin_action", ["reset", "lock"])
def test_admin_reset_or_lock_ends_the_users_sessions(app, client, users, admin_action):
    login(client, "editor")
    assert signed_in(client)
    with app.app_context():
        if admin_action == "reset":
            accounts.reset_password(db.session, user("admin"), user("editor"))
        else:
            accounts.set_active(db.session, user("admin"), user("editor"), False)
        db.session.commit()
    assert not signed_in(client)
    expected = "user.reset_password" if admin_action == "reset" else "user.deactivate"
    assert ("admin", expected) in audit_actions(app)


@pytest.fixture
def hash_checks(monkeypatch) -> list[str]:
    """The method-and-cost prefix of every hash werkzeug checks a password against."""
    seen: list[str] = []

    def counting(pwhash: str, password: str) -> bool:
        seen.append(pwhash.split("$", 1)[0])
        return check_password_hash(pwhash, password)

    monkeypatch.setattr(accounts, "check_password_hash", counting)
    return seen


@pytest.mark.parametrize("username", ["ai-do-khong-co", "editor-locked", "editor-inactive"])
def test_every_refusal_costs_one_hash_check_of_the_same_method(app, users, hash_checks,
                                                                username):
    """Unknown, locked and inactive accounts pay the same hash check as a wrong password."""
    with app.app_context():
        known = user("editor").password_hash.split("$", 1)[0]
        assert accounts.authenticate(db.session, "editor", "sai-mat-khau-1", NOW) is None
        assert hash_checks == [known]
        if username != "ai-do-khong-co":
            target = user("reviewer")
            if username == "editor-locked":
                target.locked_until = NOW + accounts.LOCKOUT
            else:
                target.active = False
            db.session.flush()
            username = "reviewer"
        assert accounts.authenticate(db.session, username, PASSWORD, NOW) is None
        assert hash_checks == [known, known]
        db.session.rollback()


def test_dummy_hash_follows_the_configured_method(monkeypatch):
    monkeypatch.setattr(accounts, "HASH_METHOD", "pbkdf2:sha256:2000")
    assert accounts._dummy_hash().startswith("pbkdf2:sha256:2000$")
    assert accounts._dummy_hash() == accounts._dummy_hash()
