"""App, database and user fixtures for tests through the Flask app (flaskr's pattern).

Each test gets a fresh database: a new SQLite file, or — with LOA_TEST_DATABASE_URL set —
the emptied PostgreSQL database. No app context is held during the test: requests and
fixture code each open their own, as in production.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests
import responses
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from audio.engines import shared_breaker
from bulletins import accounts, seed, services
from bulletins.models import Base, User
from tests.unit.conftest import GOOGLE

PASSWORD = "mat-khau-thu-2026"
accounts.HASH_METHOD = "pbkdf2:sha256:1000"  # werkzeug's cost, lowered for speed in tests
ROLES = {
    "editor": ["editor"], "editor2": ["editor"], "reviewer": ["reviewer"],
    "leader": ["leader"], "operator": ["operator"], "admin": ["admin"],
    "multi": ["editor", "reviewer", "leader"],
}
_pg_ready = False


def _reset_database(app: Flask) -> None:
    global _pg_ready
    if db.engine.dialect.name == "sqlite":
        db.create_all()
        return
    if not _pg_ready:
        Base.metadata.drop_all(db.engine)
        Base.metadata.create_all(db.engine)
        _pg_ready = True
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def app(tmp_path) -> Iterator[Flask]:
    """A Loa app on a fresh database, with the plan's topics and units."""
    config = config_for_tests(tmp_path, os.environ.get("LOA_TEST_DATABASE_URL"))
    config["WTF_CSRF_ENABLED"] = False
    if os.environ.get("LOA_TEST_REDIS_URL"):
        config.update(JOBS_BACKEND="redis", REDIS_URL=os.environ["LOA_TEST_REDIS_URL"])
    application = create_app(config)
    application.extensions["loa.jobs"].huey.flush()
    with application.app_context():
        _reset_database(application)
        seed.seed_lists(db.session)
        db.session.commit()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def users(app: Flask) -> dict[str, int]:
    """One account per role (plus a second editor and a multi-role user): name → id."""
    ids = {}
    with app.app_context():
        for name, roles in ROLES.items():
            user, _ = accounts.create_user(db.session, None, name, roles, PASSWORD, name.title())
            ids[name] = user.id
        db.session.commit()
    return ids


def user(name: str) -> User:
    """The user in the current app context."""
    found = accounts.find_user(db.session, name)
    assert found is not None
    return found


def make_bulletin(app: Flask, author: str = "editor", to: str = "draft", **fields: Any) -> int:
    """A bulletin taken through the real services up to the given state; returns its id."""
    data = {"title": "Thông báo lịch tiêm chủng", "body": "Trạm Y tế xã thông báo lịch tiêm.",
            "topic": "thong-bao-chung", **fields}
    path = {
        "draft": [], "in_review": [("submit", author)],
        "awaiting_approval": [("submit", author), ("clear", "reviewer")],
        "published": [("submit", author), ("clear", "reviewer"), ("approve", "leader")],
        "approved": [("submit", author), ("clear", "reviewer"), ("approve", "leader")],
        "rejected": [("submit", author), ("clear", "reviewer"), ("reject", "leader")],
        "withdrawn": [("submit", author), ("clear", "reviewer"), ("approve", "leader"),
                      ("withdraw", "leader")],
    }[to]
    with app.app_context():
        bulletin = services.create_bulletin(db.session, user(author), data)
        db.session.commit()
        for action, who in path:
            services.perform(db.session, user(who), bulletin.id, action, comment="lý do")
            db.session.commit()
        assert bulletin.status == to, (bulletin.status, to)
        return bulletin.id


def login(client: FlaskClient, name: str, password: str = PASSWORD) -> None:
    response = client.post("/login", data={"username": name, "password": password})
    assert response.status_code == 302, response.data[:500]


@dataclass
class Api:
    """A JSON client that carries a user's bearer token."""

    client: FlaskClient
    token: str

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, url: str, **kw: Any):
        return self.client.get(url, headers=self._headers(), **kw)

    def post(self, url: str, json: Any = None, **kw: Any):
        return self.client.post(url, json=json if json is not None else {},
                                headers=self._headers(), **kw)

    def patch(self, url: str, json: Any = None, **kw: Any):
        return self.client.patch(url, json=json, headers=self._headers(), **kw)


@pytest.fixture
def api(app: Flask, client: FlaskClient, users: dict[str, int]):
    """api("editor") → an Api client for that user."""
    tokens: dict[str, str] = {}

    def for_user(name: str) -> Api:
        if name not in tokens:
            with app.app_context():
                tokens[name] = accounts.create_token(db.session, None, user(name))
                db.session.commit()
        return Api(client, tokens[name])

    return for_user


@pytest.fixture
def google_down():
    """Google's endpoint unreachable; the process-wide breaker closed before and after."""
    shared_breaker().open_until = float("-inf")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.POST, GOOGLE, body=requests.ConnectionError("no network"))
        yield mock
    shared_breaker().open_until = float("-inf")
