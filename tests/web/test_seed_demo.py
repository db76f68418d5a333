"""`seed-demo` (CONTRACT §3): demo accounts change their published password at first login,
and a database that already holds real bulletins is refused unless --force."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins import accounts, services
from bulletins.models import AuditLog, Bulletin, User

DEMO_PASSWORD = "loa-demo-2026"  # the documented default (README, docs/huong-dan/cai-dat.md)


@pytest.fixture
def fresh(tmp_path):
    """An app on an empty SQLite file that init-db migrates, CSRF off for the form posts."""
    config = config_for_tests(tmp_path)
    config.update(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'demo.db'}",
                  WTF_CSRF_ENABLED=False)
    application = create_app(config)
    assert run(application, "init-db").exit_code == 0
    yield application
    with application.app_context():
        db.engine.dispose()


def run(app, *args):
    return app.test_cli_runner(mix_stderr=False).invoke(args=list(args))


def counts(app) -> tuple[int, int, int]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(model))
                     for model in (User, Bulletin, AuditLog))


def test_demo_accounts_must_change_their_password_first(fresh):
    result = run(fresh, "seed-demo")
    assert result.exit_code == 0, result.stderr
    assert "đổi mật khẩu" in result.stdout
    with fresh.app_context():
        flags = {u.username: u.must_change_password
                 for u in db.session.scalars(select(User).where(User.username != "admin"))}
    assert flags == {"bientap": True, "thamdinh": True, "chutich": True, "phatthanh": True}
    client = fresh.test_client()
    signed = client.post("/login", data={"username": "bientap", "password": DEMO_PASSWORD})
    assert signed.status_code == 302
    assert client.get("/desk/editor").headers["Location"].endswith("/password")
    assert client.get("/desk/b/1").headers["Location"].endswith("/password")
    done = client.post("/password", data={"old_password": DEMO_PASSWORD,
                                          "new_password": "Hoa-Vu-Duong-2026",
                                          "confirm": "Hoa-Vu-Duong-2026"})
    assert done.status_code == 302
    assert client.get("/desk/editor").status_code == 200


def test_running_it_again_on_demo_data_only_still_works(fresh):
    assert run(fresh, "seed-demo").exit_code == 0
    again = run(fresh, "seed-demo")
    assert again.exit_code == 0, again.stderr
    assert "(đã có)" in again.stdout


def test_a_database_with_real_bulletins_is_refused_unless_forced(fresh):
    with fresh.app_context():
        hoa, _ = accounts.create_user(db.session, None, "hoa", ["editor"], "Mat-khau-2026")
        services.create_bulletin(db.session, hoa, {
            "title": "Thông báo họp thôn", "body": "Họp thôn lúc 19h tối thứ Bảy.",
            "topic": "thong-bao-chung"})
        db.session.commit()
    before = counts(fresh)
    refused = run(fresh, "seed-demo")
    assert refused.exit_code == 1
    assert "1 bản tin thật" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr and refused.stdout == ""
    assert counts(fresh) == before  # nothing written, not even an audit entry
    forced = run(fresh, "seed-demo", "--force")
    assert forced.exit_code == 0, forced.stderr
    users, bulletins, _ = counts(fresh)
    assert (users, bulletins) == (before[0] + 4, before[1] + 2)


def test_a_real_bulletin_by_a_demo_account_counts_as_real(fresh):
    assert run(fresh, "seed-demo").exit_code == 0
    with fresh.app_context():
        bientap = accounts.find_user(db.session, "bientap")
        services.create_bulletin(db.session, bientap, {
            "title": "Lịch cắt điện tuần sau", "body": "Cắt điện từ 7h đến 11h ngày thứ Hai.",
            "topic": "thong-bao-chung"})
        db.session.commit()
    assert run(fresh, "seed-demo").exit_code == 1
