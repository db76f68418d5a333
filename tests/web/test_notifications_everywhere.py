"""Who is notified is the domain's decision, whoever calls it; mail goes out only when set up.

A script or a CLI command calling the services on a plain SQLAlchemy session (no Flask app,
no request) records the same notifications as the web; rows made while no SMTP server is
configured are not mailed, and those older than SEND_WITHIN never flood out once one is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from app.extensions import db
from app.jobs import mail_links
from bulletins import accounts, services
from bulletins.clock import utcnow
from bulletins.notifications.notices import SEND_WITHIN, Notification
from tests.web.conftest import make_bulletin
from tests.web.test_notifications import (
    BASE,
    act,
    addr,
    age,
    choose,
    free_port,
    rows,
    run_jobs,
    start_server,
)


@contextmanager
def plain_session(app) -> Iterator[Session]:
    """A SQLAlchemy session on the app's database, as a script would open it: no Flask.

    Its engine is disposed afterwards: a pooled PostgreSQL connection left to the garbage
    collector is a ResourceWarning, which the suite turns into an error.
    """
    with app.app_context():
        url = db.engine.url.render_as_string(hide_password=False)
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def test_a_script_transition_notifies_without_the_web_app(app, users):
    bulletin_id = make_bulletin(app)
    choose(app, "reviewer", "immediate")
    choose(app, "multi", "digest")
    with plain_session(app) as session:
        editor = accounts.find_user(session, "editor")
        services.perform(session, editor, bulletin_id, "submit")
        session.commit()
    made = rows(app)
    assert sorted((r.user_id, r.kind, r.bulletin_id) for r in made) == sorted([
        (users["reviewer"], "review", bulletin_id), (users["multi"], "review", bulletin_id)])
    assert all(r.actor_id == users["editor"] and r.sent_at is None for r in made)


def test_the_scheduler_run_outside_the_web_notifies_operators(app, users):
    later = datetime.now() + timedelta(days=2)
    bulletin_id = make_bulletin(app, to="awaiting_approval", publish_at=later.isoformat())
    act(app, "leader", bulletin_id, "approve")
    choose(app, "operator", "immediate")
    with plain_session(app) as session:
        assert services.publish_due(session, utcnow() + timedelta(days=3)) == [bulletin_id]
        session.commit()
    [row] = rows(app)
    assert (row.user_id, row.kind, row.actor_id) == (users["operator"], "air", None)


def test_without_mail_rows_are_kept_unsent_and_never_flood_out_later(app, users):
    old, new = make_bulletin(app), make_bulletin(app, author="editor2")
    choose(app, "reviewer", "immediate")
    act(app, "editor", old, "submit")
    assert app.extensions["loa.jobs"].huey.pending_count() == 0  # no mail job without mail
    age(app, SEND_WITHIN + timedelta(minutes=1))  # made while mail was off, days ago
    act(app, "editor2", new, "submit")
    with app.app_context():
        assert app.extensions["loa.jobs"].lag().counts.get("mail") is None  # not watched

    port = free_port()
    controller, inbox = start_server(port)
    try:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_LINK_BASE=BASE)
        with app.app_context():
            assert app.extensions["loa.jobs"].lag().counts["mail"] == 1  # only the recent row
        age(app, timedelta(minutes=20))  # the sweep takes rows its queue never tried
        periodic = app.extensions["loa.jobs"].periodic
        periodic.call_local()
        run_jobs(app)
        periodic.call_local()
        run_jobs(app)
    finally:
        controller.stop()
    assert [m["Subject"] for m in inbox.to(addr("reviewer"))] == [
        f"[Loa] Bản tin số {new} đang chờ bạn thẩm định"]
    sent = {r.bulletin_id: r.sent_at for r in rows(app)}
    assert sent[old] is None and sent[new] is not None
    with app.app_context():
        assert db.session.scalars(select(Notification.id)).all()  # the record stays


def test_mail_links_are_the_web_routes_under_the_configured_base(app, users):
    bulletin_id = make_bulletin(app)
    choose(app, "reviewer", "immediate")
    port = free_port()
    controller, inbox = start_server(port)
    try:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_LINK_BASE=BASE + "/")
        act(app, "editor", bulletin_id, "submit")
        run_jobs(app)
    finally:
        controller.stop()
    [message] = inbox.to(addr("reviewer"))
    text = message.get_content().replace("\r\n", "\n")
    assert f"  Mở: {BASE}/desk/b/{bulletin_id}\n" in text
    assert text.endswith(f"\nĐổi cách nhận thư: {BASE}/account/notifications\n")
    app.config.update(MAIL_LINK_BASE=None, PUBLIC_BASE_URL=None)  # no base: bare paths
    links = mail_links(app)
    assert (links.bulletin(7), links.preferences) == ("/desk/b/7", "/account/notifications")
