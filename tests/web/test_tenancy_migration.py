"""An installation from before the communes (issue #18) upgrades with nothing lost.

A fresh database is brought to the revision before the communes migration with the real
`flask db upgrade <rev>`, filled with rows of that schema's shape (users with roles, a
published bulletin with its approved revision and audio file on disk, a draft, a bulletin in
review, a program that aired, a hash-chained audit log), then `init-db` runs the rest. Every
row is kept and belongs to the configured first commune of the configured province; the
audio is still served on / and /xa/<slug>/; `audit-verify` passes; search finds the bulletin.

SQLite always; PostgreSQL too when LOA_TEST_DATABASE_URL is set: in a database of its own
(that URL's name + "_migration", created and dropped here), never the suite's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins import audit, reading
from bulletins.models import User
from bulletins.text import fold

BEFORE = "8d3f6a1c2e47"  #: the revision before 8d3f6a2c1e47, communes of a province
PROVINCE, COMMUNE, SLUG = "tỉnh Thử Nghiệm", "xã Yên Thắng", "vu-duong"
PASSWORD = "mat-khau-cu-2026"
TITLE = "Lịch tiêm chủng mở rộng tháng Mười Hai"
BODY = "Trạm Y tế xã tổ chức tiêm vắc-xin sởi cho trẻ em từ 9 tháng tuổi tại nhà văn hóa."
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8
ROOT = Path(__file__).resolve().parents[2]


def _pg_url() -> Iterator[str]:
    base = sa.make_url(os.environ["LOA_TEST_DATABASE_URL"])
    own = base.set(database=f"{base.database}_migration")
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{own.database}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{own.database}"'))
    try:
        yield own.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{own.database}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    if not os.environ.get("LOA_TEST_DATABASE_URL"):
        pytest.skip("LOA_TEST_DATABASE_URL is not set")
    yield from _pg_url()


def flask(url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "DATA_DIR": str(data_dir),
           "SECRET_KEY": "migration-test", "JOBS_EMBEDDED": "0", "PROVINCE_NAME": PROVINCE,
           "COMMUNE_NAME": COMMUNE, "COMMUNE_SLUG": SLUG, "LOA_ADMIN_PASSWORD": PASSWORD}
    env.pop("REDIS_URL", None)
    return subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def _chain(entries: list[tuple[str, str, str, dict]], start: datetime) -> list[dict]:
    """Audit rows chained with the app's own hash function, as `audit.record` writes them."""
    rows, prev = [], audit.GENESIS
    for seq, (actor, action, target, detail) in enumerate(entries, start=1):
        at = start + timedelta(minutes=seq, microseconds=seq * 1234)
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
        digest = audit.entry_hash(seq, at, actor, action, target, text, prev)
        rows.append({"seq": seq, "at": at, "actor": actor, "action": action, "target": target,
                     "detail": text, "prev_hash": prev, "hash": digest})
        prev = digest
    return rows


def fill_old_schema(url: str) -> dict[str, int]:
    """Rows of the pre-communes schema, written through its reflected tables."""
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    meta.reflect(engine)
    assert "communes" not in meta.tables and "commune_id" not in meta.tables["users"].c
    t = meta.tables
    now = datetime(2026, 12, 1, 2, 0, 0, 123456)
    digest = "a" * 64
    with engine.begin() as conn:
        conn.execute(t["topics"].insert(), [{"slug": "thong-bao-chung", "name": "Thông báo chung",
                                            "name_en": "General notices", "position": 0,
                                            "active": True}])
        people = [(1, "admin", ["admin"]), (2, "bientap", ["editor"]), (3, "lanhdao", ["leader"]),
                  (4, "vanhanh", ["operator"])]
        conn.execute(t["users"].insert(), [{
            "id": uid, "username": name, "display_name": name.title(),
            "password_hash": generate_password_hash(PASSWORD, "pbkdf2:sha256:1000"),
            "session_token": f"{uid:064d}", "active": True, "must_change_password": False,
            "failed_logins": 0, "language": "vi", "created_at": now} for uid, name, _ in people])
        conn.execute(t["user_roles"].insert(), [{"user_id": uid, "role": role}
                                                for uid, _, roles in people for role in roles])
        bulletins = [(1, TITLE, BODY, "published", digest), (2, "Bản nháp họp thôn",
                     "Nội dung nháp chưa gửi.", "draft", None),
                     (3, "Thông báo thu gom rác", "Lịch thu gom rác thải mới.", "in_review", None)]
        conn.execute(t["bulletins"].insert(), [{
            "id": bid, "title": title, "summary": "", "body": body,
            "topic_slug": "thong-bao-chung", "channels": "radio,web", "language": "vi",
            "priority": "normal", "status": status, "version": 3, "author_id": 2,
            "revision_number": 1, "created_at": now, "updated_at": now,
            "content_hash": content, "approved_revision": 1 if content else None,
            "approved_at": now if content else None, "approved_by_id": 3 if content else None,
            "published_at": now if content else None, "review_after_broadcast": False,
            "search_text": fold(f"{title}  {body}")} for bid, title, body, status, content
            in bulletins])
        conn.execute(t["revisions"].insert(), [{
            "bulletin_id": bid, "number": 1, "title": title, "summary": "", "body": body,
            "content_hash": content or "b" * 64, "editor_id": 2, "created_at": now}
            for bid, title, body, _, content in bulletins])
        conn.execute(t["workflow_events"].insert(), [{
            "bulletin_id": 1, "actor_id": actor, "action": action, "from_state": a,
            "to_state": b, "comment": "", "data": {}, "at": now} for actor, action, a, b in (
                (2, "submit", "draft", "in_review"), (3, "approve", "awaiting_approval",
                                                      "published"))])
        conn.execute(t["audio_files"].insert(), [{
            "id": 1, "bulletin_id": 1, "content_hash": digest, "status": "ready",
            "source": "tts", "engine": "espeak", "settings": {}, "fallback": False,
            "path": "audio/1-aaaa.mp3", "size_bytes": len(MP3), "duration_s": 12.5,
            "error": "", "attempts": 1, "created_at": now, "updated_at": now, "heard": "",
            "alignment": [], "accept_comment": ""}])
        conn.execute(t["radio_slots"].insert(), [{
            "id": 1, "key": "sang", "name": "Bản tin sáng", "time_of_day": "06:00",
            "weekdays": "0123456", "target_minutes": 30, "active": True, "created_at": now,
            "updated_at": now}])
        conn.execute(t["radio_programs"].insert(), [{
            "id": 1, "slot_id": 1, "air_date": now.date(), "starts_at": now, "status": "built",
            "title": "Bản tin sáng 01/12/2026", "notice": "", "created_by": "vanhanh",
            "chapters": [], "error": "", "duration_s": 600.0, "created_at": now,
            "updated_at": now}])
        conn.execute(t["radio_program_items"].insert(), [{"program_id": 1, "bulletin_id": 1,
                                                          "position": 0}])
        conn.execute(t["radio_broadcasts"].insert(), [{
            "id": 1, "program_id": 1, "aired": True, "aired_at": now, "reason": "", "note": "",
            "recorded_by_id": 4, "recorded_at": now}])
        conn.execute(t["radio_broadcast_items"].insert(), [{"broadcast_id": 1, "bulletin_id": 1,
                                                            "position": 0}])
        chain = _chain([("admin", "user.create", "user:2", {"roles": ["editor"]}),
                        ("bientap", "bulletin.create", "bulletin:1", {"title": TITLE}),
                        ("lanhdao", "bulletin.approve", "bulletin:1", {"version": 3}),
                        ("vanhanh", "broadcast.record", "program:1", {"aired": True})], now)
        conn.execute(t["audit_log"].insert(), chain)
        conn.execute(t["audit_head"].insert(), [{"id": 1, "seq": len(chain),
                                                 "last_hash": chain[-1]["hash"]}])
        if engine.dialect.name == "postgresql":  # rows inserted with their ids, as restored
            for name, table in t.items():
                top = conn.scalar(sa.select(sa.func.max(table.c.id))) if "id" in table.c else None
                if isinstance(top, int):
                    conn.execute(sa.select(sa.func.setval(
                        sa.func.pg_get_serial_sequence(name, "id"), top)))
        counts = {name: conn.scalar(sa.select(sa.func.count()).select_from(table))
                  for name, table in t.items() if name != "alembic_version"
                  and not name.startswith("bulletin_fts")}
    engine.dispose()
    return counts


def test_an_old_installation_migrates_into_the_first_commune(database_url, tmp_path):
    data = tmp_path / "data"
    (data / "audio").mkdir(parents=True)
    (data / "audio" / "1-aaaa.mp3").write_bytes(MP3)
    step = flask(database_url, data, "db", "upgrade", BEFORE)
    assert step.returncode == 0, step.stderr[-2000:]
    before = fill_old_schema(database_url)
    assert before["users"] == 4 and before["bulletins"] == 3 and before["audit_log"] == 4

    step = flask(database_url, data, "init-db")
    assert step.returncode == 0, step.stderr[-2000:]
    verified = flask(database_url, data, "audit-verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr

    engine = sa.create_engine(database_url)
    meta = sa.MetaData()
    meta.reflect(engine)
    t = meta.tables
    with engine.connect() as conn:
        def count(name: str, *where: object) -> int:
            return conn.scalar(sa.select(sa.func.count()).select_from(t[name]).where(*where))

        for name, rows in before.items():  # nothing lost (seeding may only add)
            assert count(name) >= rows, name
        for name in ("users", "bulletins", "audio_files", "radio_programs", "audit_log",
                     "revisions", "radio_broadcasts"):
            assert count(name, t[name].c.id <= 4) == min(before[name], 4), name
        assert conn.execute(sa.select(t["provinces"].c.name)).scalars().all() == [PROVINCE]
        c = t["communes"].c
        communes = conn.execute(sa.select(c.id, c.slug, c.name)).all()
        assert [(slug, name) for _, slug, name in communes] == [(SLUG, COMMUNE)]
        first = communes[0][0]
        for name in ("users", "bulletins", "radio_slots", "radio_programs"):
            ids = conn.execute(sa.select(t[name].c.commune_id).where(t[name].c.id <= 4))
            assert set(ids.scalars()) == {first}, name
        b, a = t["bulletins"].c, t["audio_files"].c
        assert conn.scalar(sa.select(b.title).where(b.id == 1)) == TITLE
        assert conn.scalar(sa.select(a.path).where(a.id == 1)) == "audio/1-aaaa.mp3"
    engine.dispose()

    config = config_for_tests(tmp_path, database_url)
    config.update(DATA_DIR=str(data), COMMUNE_NAME=COMMUNE, WTF_CSRF_ENABLED=False)
    app = create_app(config)
    client = app.test_client()
    for page in ("/", f"/xa/{SLUG}/"):
        html = client.get(page).get_data(as_text=True)
        assert TITLE in html and 'href="/tin/1"' in html, page
        detail = client.get("/tin/1", follow_redirects=True).get_data(as_text=True)
        src = detail.split('src="/audio/1/')[1].split('"')[0]
        with client.get(f"/audio/1/{src}") as audio:
            assert audio.status_code == 200 and audio.data == MP3, page
    feed = client.get(f"/xa/{SLUG}/feeds/rss.xml").get_data(as_text=True)
    assert TITLE in feed and "/audio/1/" in feed
    assert client.post("/login", data={"username": "bientap", "password": PASSWORD}
                       ).status_code == 302  # the old password and session still work
    assert 'href="/desk/b/1"' in client.get("/desk/all?q=tiem+chung").get_data(as_text=True)
    with app.app_context():
        editor = db.session.scalar(sa.select(User).where(User.username == "bientap"))
        assert editor.commune is not None and editor.commune.slug == SLUG
        found = reading.search_bulletins(db.session, editor, "tiêm chủng")
        assert [h.bulletin.id for h in found.hits] == [1]
        assert reading.search_bulletins(db.session, editor, "thu gom").total == 1
        assert audit.verify(db.session).ok
        db.session.remove()
        db.engine.dispose()
