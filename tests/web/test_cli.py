"""The command line (CONTRACT §3) through Flask's CLI runner, on a migrated database."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins.editorial.search import is_index_object
from bulletins.models import Base, User


@pytest.fixture
def fresh(tmp_path):
    """An app on an empty SQLite file: only init-db creates its schema."""
    config = config_for_tests(tmp_path)
    config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path / 'cli.db'}"
    application = create_app(config)
    yield application
    with application.app_context():
        db.engine.dispose()


def run(app, *args, input=None):
    return app.test_cli_runner(mix_stderr=False).invoke(args=list(args), input=input)


def test_init_db_migrates_creates_admin_once_and_is_idempotent(fresh):
    first = run(fresh, "init-db")
    assert first.exit_code == 0, first.stderr
    assert "admin" in first.stdout and "Mật khẩu dùng một lần" in first.stdout
    second = run(fresh, "init-db")
    assert second.exit_code == 0 and "Mật khẩu" not in second.stdout
    with fresh.app_context():
        context = MigrationContext.configure(db.engine.connect(), opts={
            "include_name": lambda name, type_, _: not is_index_object(name, type_)})
        diff = compare_metadata(context, Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        assert db.session.execute(text("SELECT count(*) FROM topics")).scalar() == 12


def test_init_db_takes_admin_password(fresh, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "Quan-tri-2026")
    result = run(fresh, "init-db")
    assert result.exit_code == 0 and "Mật khẩu dùng một lần" not in result.stdout
    monkeypatch.setenv("ADMIN_PASSWORD", "short")
    fresh2 = run(fresh, "init-db")  # users exist: the variable is not used again
    assert fresh2.exit_code == 0
    # the installer's admin is the province's (CONTRACT §1, §9); create-user without an
    # option still makes a first-commune account
    assert run(fresh, "create-user", "lan", "--role", "editor").exit_code == 0
    with fresh.app_context():
        found = {u.username: u.commune.slug if u.commune else None
                 for u in db.session.query(User)}
    assert found == {"admin": None, "lan": "vu-duong"}


def test_create_user_token_and_errors(fresh):
    run(fresh, "init-db")
    made = run(fresh, "create-user", "hoa", "--role", "editor", "--role", "operator",
               "--password-stdin", input="Mat-khau-2026\nignored\n")
    assert made.exit_code == 0, made.stderr
    token = run(fresh, "create-token", "hoa")
    lines = token.stdout.splitlines()
    assert token.exit_code == 0 and len(lines) == 1 and lines[0].startswith("loa_")
    client = fresh.test_client()
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {lines[0]}"})
    assert me.json == {"username": "hoa", "roles": ["editor", "operator"]}
    again = run(fresh, "create-user", "hoa", "--role", "editor", "--password-stdin",
                input="Mat-khau-2026\n")
    assert again.exit_code == 1 and "đã có" in again.stderr and "Traceback" not in again.stderr
    weak = run(fresh, "create-user", "lan", "--role", "editor", "--password-stdin", input="123\n")
    assert weak.exit_code == 1 and "Mật khẩu" in weak.stderr
    bad_role = run(fresh, "create-user", "lan", "--role", "boss")
    assert bad_role.exit_code != 0
    missing = run(fresh, "create-token", "nobody")
    assert missing.exit_code == 1 and missing.stdout == ""


def test_seed_demo_and_audit_verify(fresh):
    run(fresh, "init-db")
    assert run(fresh, "seed-demo").exit_code == 0
    ok = run(fresh, "audit-verify")
    assert ok.exit_code == 0 and ok.stdout.startswith("OK")
    with fresh.app_context():
        db.session.execute(text("UPDATE audit_log SET detail = '{}' WHERE seq = 5"))
        db.session.commit()
    bad = run(fresh, "audit-verify")
    assert bad.exit_code == 1 and "số 5" in bad.stderr
