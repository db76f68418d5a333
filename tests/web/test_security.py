"""Login rate limit and lock-out (both audited), cookies and security headers."""

from __future__ import annotations

from sqlalchemy import select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins import accounts, seed
from bulletins.models import AuditLog
from tests.web.conftest import PASSWORD


def actions(app) -> list[str]:
    with app.app_context():
        return db.session.scalars(select(AuditLog.action).order_by(AuditLog.seq)).all()


def test_lockout_after_five_failures_then_refuses_the_right_password(client, app, users):
    for _ in range(5):
        client.post("/login", data={"username": "editor", "password": "sai-mat-khau-9"})
    refused = client.post("/login", data={"username": "editor", "password": PASSWORD})
    assert refused.status_code == 200 and "tạm thời" in refused.get_data(as_text=True)
    log = actions(app)
    assert log.count("login.failed") == 4 and "login.lockout" in log and "login.locked" in log


def test_login_rate_limit_answers_429_and_is_audited(tmp_path):
    config = config_for_tests(tmp_path)
    config.update(WTF_CSRF_ENABLED=False, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    app = create_app(config)
    with app.app_context():
        db.create_all()
        seed.seed_lists(db.session)
        accounts.create_user(db.session, None, "editor", ["editor"], PASSWORD)
        db.session.commit()
    client = app.test_client()
    codes = [client.post("/login", data={"username": "ai-do", "password": "x"}).status_code
             for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert actions(app).count("login.rate_limited") == 2
    assert client.get("/login").status_code == 200  # only POSTs are limited


def test_session_cookie_and_headers(client, users):
    response = client.post("/login", data={"username": "editor", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = client.get("/")
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in page.get_data(as_text=True)


def test_secure_cookie_behind_https(tmp_path):
    config = config_for_tests(tmp_path)
    config.update(SESSION_COOKIE_SECURE=True, WTF_CSRF_ENABLED=False)
    app = create_app(config)
    with app.app_context():
        db.create_all()
        accounts.create_user(db.session, None, "editor", ["editor"], PASSWORD)
        db.session.commit()
    response = app.test_client().post("/login", data={"username": "editor",
                                                      "password": PASSWORD})
    assert "Secure" in response.headers["Set-Cookie"]
