"""E-mail notifications, delivered to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from app.extensions import db
from bulletins import accounts, services
from bulletins.models import AuditLog
from bulletins.notifications import notices as notifications
from bulletins.notifications.notices import Notification, NotificationSettings
from tests.web.conftest import login, make_bulletin, user

BASE = "https://loa.vuduong.example"
TITLE = "Kế hoạch diễn tập phòng thủ khu vực phía bắc"
BODY = "Lực lượng dân quân tập trung tại nhà văn hóa thôn Đông lúc năm giờ sáng."
SECRET_WORDS = ("diễn tập", "phòng thủ", "dân quân", "nhà văn hóa", "Kế hoạch")
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An aiosmtpd handler keeping every message it is given."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd)
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def messages(self) -> list[tuple[list[str], EmailMessage, bytes]]:
        return [(list(e.rcpt_tos), email.message_from_bytes(e.content, policy=email.policy.default),
                 e.content) for e in self.envelopes]

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpt, m, _ in self.messages() if address in rcpt]


def start_server(port: int) -> tuple[Controller, Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


@pytest.fixture
def smtp() -> Iterator[tuple[int, Inbox]]:
    controller, inbox = start_server(free_port())
    yield controller.port, inbox
    controller.stop()


@pytest.fixture
def mail_app(app, users, smtp):
    """The app with MAIL_* pointing at the local SMTP server."""
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp[0], MAIL_LINK_BASE=BASE,
                      MAIL_FROM="Loa xã Vũ Dương <loa@vuduong.example>")
    return app


@pytest.fixture
def inbox(smtp) -> Inbox:
    return smtp[1]


def addr(name: str) -> str:
    return f"{name}@vuduong.example"


def choose(app, name: str, mode: str) -> None:
    with app.app_context():
        notifications.set_preferences(db.session, user(name), addr(name), mode)
        db.session.commit()


def act(app, who: str, bulletin_id: int, action: str, comment: str = "") -> None:
    with app.app_context():
        services.perform(db.session, user(who), bulletin_id, action, comment=comment)
        db.session.commit()


def run_jobs(app) -> None:
    app.extensions["loa.jobs"].run_pending()


def rows(app) -> list[Notification]:
    with app.app_context():
        found = db.session.scalars(select(Notification).order_by(Notification.id)).all()
        db.session.expunge_all()
        return list(found)


def age(app, delta: timedelta) -> None:
    """Move every notification back in time by delta."""
    with app.app_context():
        for row in db.session.scalars(select(Notification)):
            row.created_at -= delta
        db.session.commit()


def check_private(message: EmailMessage, bulletin_id: int) -> str:
    """The text of a mail; it names the bulletin by number and link, never by its content."""
    text = message.get_content()
    assert f"{BASE}/desk/b/{bulletin_id}" in text
    for words in (TITLE, BODY, *SECRET_WORDS):
        assert words not in text and words not in str(message["Subject"])
    return text


def test_submit_mails_each_reviewer_once_but_not_the_actor(mail_app, inbox):
    bulletin_id = make_bulletin(mail_app, title=TITLE, body=BODY)
    for name in ("reviewer", "multi", "editor", "leader"):
        choose(mail_app, name, "immediate")
    act(mail_app, "editor", bulletin_id, "submit")
    run_jobs(mail_app)

    recipients = sorted(r for rcpt, _, _ in inbox.messages() for r in rcpt)
    assert recipients == [addr("multi"), addr("reviewer")]  # not the editor, not the leader
    [message] = inbox.to(addr("reviewer"))
    assert message["Subject"] == f"[Loa] Bản tin số {bulletin_id} đang chờ bạn thẩm định"
    raw = inbox.messages()[0][2]
    assert raw.isascii()  # headers RFC 2047-encoded, body quoted-printable: 7-bit safe
    assert re.search(rb"^Subject: =\?utf-8\?", raw, re.M | re.I)
    assert message["Message-ID"] and message["Date"]
    assert message["From"].addresses[0].addr_spec == "loa@vuduong.example"
    text = check_private(message, bulletin_id)
    assert "Editor (editor)" in text
    shown = re.search(r"lúc (\d\d/\d\d/\d{4} \d\d:\d\d)", text).group(1)
    when = datetime.strptime(shown, "%d/%m/%Y %H:%M").replace(tzinfo=VN)
    assert abs(when - datetime.now(VN)) < timedelta(minutes=2)
    assert all(r.sent_at is not None and r.last_error is None for r in rows(mail_app))


def test_return_goes_back_to_author_and_last_editor(mail_app, inbox):
    bulletin_id = make_bulletin(mail_app)
    with mail_app.app_context():
        services.edit_bulletin(db.session, user("editor2"), bulletin_id, {"body": BODY}, 1)
        db.session.commit()
    act(mail_app, "editor", bulletin_id, "submit")
    for name in ("editor", "editor2", "reviewer", "leader"):
        choose(mail_app, name, "immediate")
    act(mail_app, "reviewer", bulletin_id, "return", comment="Bỏ đoạn về dân quân")
    run_jobs(mail_app)

    assert sorted(r for rcpt, _, _ in inbox.messages() for r in rcpt) == sorted([
        addr("editor"), addr("editor2")])
    [message] = inbox.to(addr("editor"))
    assert message["Subject"] == f"[Loa] Bản tin số {bulletin_id} đã bị trả lại, chờ bạn sửa"
    text = check_private(message, bulletin_id)
    assert "Bỏ đoạn" not in text  # the comment may quote the text: it stays inside Loa


def test_clear_mails_leader_and_radio_approval_mails_operator(mail_app, inbox):
    radio = make_bulletin(mail_app, to="in_review", title=TITLE, body=BODY)
    web_only = make_bulletin(mail_app, to="in_review", channels=["web"])
    for name in ("leader", "operator", "reviewer", "editor"):
        choose(mail_app, name, "immediate")
    act(mail_app, "reviewer", radio, "clear")
    act(mail_app, "reviewer", web_only, "clear")
    run_jobs(mail_app)
    assert [m["Subject"] for m in inbox.to(addr("leader"))] == [
        f"[Loa] Bản tin số {radio} đang chờ bạn phê duyệt",
        f"[Loa] Bản tin số {web_only} đang chờ bạn phê duyệt"]
    assert len(inbox.envelopes) == 2

    act(mail_app, "leader", radio, "approve")
    act(mail_app, "leader", web_only, "approve")
    run_jobs(mail_app)
    [message] = inbox.to(addr("operator"))  # the web-only bulletin is nothing to air
    assert message["Subject"] == (
        f"[Loa] Bản tin số {radio} đã được đăng, chờ bạn phát trên đài truyền thanh")
    assert "Leader (leader)" in check_private(message, radio)
    assert len(inbox.envelopes) == 3  # neither reviewer nor editor heard of the approvals


def test_emergency_approval_mails_operators_and_reviewers(mail_app, inbox):
    bulletin_id = make_bulletin(mail_app, priority="emergency")
    for name in ("operator", "reviewer", "editor"):
        choose(mail_app, name, "immediate")
    act(mail_app, "leader", bulletin_id, "approve")
    run_jobs(mail_app)
    assert [m["Subject"] for m in inbox.to(addr("operator"))] == [
        f"[Loa] Bản tin số {bulletin_id} đã được đăng, chờ bạn phát trên đài truyền thanh"]
    assert [m["Subject"] for m in inbox.to(addr("reviewer"))] == [
        f"[Loa] Bản tin số {bulletin_id} là tin khẩn đã phát, chờ bạn thẩm định sau phát sóng"]
    assert inbox.to(addr("editor")) == []


def test_digest_waits_then_one_mail_lists_everything_once(mail_app, inbox):
    first = make_bulletin(mail_app, title=TITLE, body=BODY)
    second = make_bulletin(mail_app, author="editor2")
    choose(mail_app, "reviewer", "digest")
    act(mail_app, "editor", first, "submit")
    act(mail_app, "editor2", second, "submit")
    run_jobs(mail_app)
    assert inbox.envelopes == []
    assert len(rows(mail_app)) == 2

    runner = mail_app.test_cli_runner()
    result = runner.invoke(args=["send-digest"])
    assert result.exit_code == 0, result.output
    assert "Đã gửi 1 thư tổng hợp" in result.output
    [message] = inbox.to(addr("reviewer"))
    assert len(inbox.envelopes) == 1
    assert message["Subject"] == "[Loa] Tổng hợp: 2 việc đang chờ bạn"
    text = check_private(message, first)
    assert f"Bản tin số {first} đang chờ bạn thẩm định" in text
    assert f"Bản tin số {second} đang chờ bạn thẩm định" in text
    assert "Editor2 (editor2)" in text

    again = runner.invoke(args=["send-digest"])
    assert again.exit_code == 0 and "Đã gửi 0 thư tổng hợp" in again.output
    assert len(inbox.envelopes) == 1


def test_periodic_task_sends_the_digest_at_the_configured_hour(mail_app, inbox):
    bulletin_id = make_bulletin(mail_app)
    choose(mail_app, "reviewer", "digest")
    act(mail_app, "editor", bulletin_id, "submit")
    mail_app.config["DIGEST_HOUR"] = datetime.now(VN).hour
    periodic = mail_app.extensions["loa.jobs"].periodic
    periodic.call_local()
    assert inbox.envelopes == []  # made after today's digest time: it waits for tomorrow's

    age(mail_app, timedelta(days=1))  # as if it had landed yesterday
    periodic.call_local()
    assert [m["Subject"] for m in inbox.to(addr("reviewer"))] == [
        f"[Loa] Bản tin số {bulletin_id} đang chờ bạn thẩm định"]
    periodic.call_local()
    assert len(inbox.envelopes) == 1


def test_mode_off_inactive_or_no_settings_get_nothing(mail_app, inbox):
    bulletin_id = make_bulletin(mail_app)
    choose(mail_app, "reviewer", "off")
    choose(mail_app, "multi", "immediate")
    with mail_app.app_context():
        accounts.set_active(db.session, user("admin"), user("multi"), False)
        db.session.commit()
    act(mail_app, "editor", bulletin_id, "submit")
    run_jobs(mail_app)
    assert inbox.envelopes == []
    assert rows(mail_app) == []


def test_nothing_is_sent_while_mail_is_not_configured(app, users):
    bulletin_id = make_bulletin(app)
    choose(app, "reviewer", "immediate")
    act(app, "editor", bulletin_id, "submit")
    run_jobs(app)
    # the domain records who is notified; without MAIL_SERVER nothing tries to send it
    assert [(r.kind, r.sent_at, r.attempts) for r in rows(app)] == [("review", None, 0)]


def test_dead_smtp_server_never_blocks_the_workflow_and_is_retried(app, users, client):
    port = free_port()  # nothing listens here yet
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_TIMEOUT=2.0)
    bulletin_id = make_bulletin(app)
    choose(app, "reviewer", "immediate")
    with app.app_context():
        version = services.get_bulletin(db.session, bulletin_id).version
    login(client, "editor")
    response = client.post(f"/desk/b/{bulletin_id}/action/submit", data={"version": version})
    assert response.status_code == 302
    run_jobs(app)
    with app.app_context():
        assert services.get_bulletin(db.session, bulletin_id).status == "in_review"
    [row] = rows(app)
    assert row.sent_at is None and row.attempts == 1
    assert f"127.0.0.1:{port}" in row.last_error

    controller, inbox = start_server(port)  # the server is back
    try:
        huey = app.extensions["loa.jobs"].huey
        now = datetime.now(UTC).replace(tzinfo=None)
        assert huey.read_schedule(now) == []  # not at once: a minute later
        later = now + timedelta(minutes=2)
        [retry] = huey.read_schedule(later)  # huey's own retry of the failed job
        huey.execute(retry, timestamp=later)
        assert [m["Subject"] for m in inbox.to(addr("reviewer"))] == [
            f"[Loa] Bản tin số {bulletin_id} đang chờ bạn thẩm định"]
        [row] = rows(app)
        assert row.sent_at is not None and row.attempts == 2 and row.last_error is None
    finally:
        controller.stop()


def test_lost_job_is_requeued_by_the_periodic_sweep(mail_app, inbox):
    bulletin_id = make_bulletin(mail_app)
    choose(mail_app, "reviewer", "immediate")
    act(mail_app, "editor", bulletin_id, "submit")
    mail_app.extensions["loa.jobs"].huey.flush()  # the queue lost the job
    periodic = mail_app.extensions["loa.jobs"].periodic
    periodic.call_local()
    run_jobs(mail_app)
    assert inbox.envelopes == []  # too early to call it lost
    age(mail_app, notifications.RETRY_AFTER)
    periodic.call_local()
    run_jobs(mail_app)
    assert len(inbox.to(addr("reviewer"))) == 1
    periodic.call_local()
    run_jobs(mail_app)
    assert len(inbox.envelopes) == 1


def test_preferences_form_validates_saves_and_audits(app, users, client):
    login(client, "reviewer")
    page = client.get("/account/notifications")
    assert page.status_code == 200 and "Cách nhận thông báo" in page.get_data(as_text=True)
    for bad in ("khong-phai-dia-chi", "nguyễn@xa.vn", "a@b", "x" * 250 + "@xa.vn"):
        response = client.post("/account/notifications", data={"email": bad, "mode": "immediate"})
        assert response.status_code == 200
        assert "Địa chỉ thư điện tử không hợp lệ" in response.get_data(as_text=True)
    missing = client.post("/account/notifications", data={"email": "", "mode": "digest"})
    assert "Cần địa chỉ thư điện tử" in missing.get_data(as_text=True)
    wrong_mode = client.post("/account/notifications",
                             data={"email": "a@xa.gov.vn", "mode": "hourly"})
    assert wrong_mode.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(NotificationSettings)) == 0
        assert db.session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "notifications.preferences")) == 0

    saved = client.post("/account/notifications",
                        data={"email": " Reviewer@XA.Gov.VN ", "mode": "digest"})
    assert saved.status_code == 302
    with app.app_context():
        settings = db.session.get(NotificationSettings, users["reviewer"])
        assert (settings.email, settings.mode) == ("Reviewer@xa.gov.vn", "digest")
        entry = db.session.scalar(select(AuditLog).where(
            AuditLog.action == "notifications.preferences"))
        assert entry.actor == "reviewer" and entry.target == "user:reviewer"
        assert '"mode": "digest"' in entry.detail and "Reviewer@xa.gov.vn" in entry.detail
    again = client.get("/account/notifications").get_data(as_text=True)
    assert 'value="Reviewer@xa.gov.vn"' in again
    assert re.search(r'checked[^>]*value="digest"|value="digest"[^>]*checked', again)


def test_nav_links_to_the_preferences_page(app, users, client):
    login(client, "operator")
    home = client.get("/account/notifications")
    assert 'href="/account/notifications"' in home.get_data(as_text=True)
