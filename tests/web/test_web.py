"""The web UI through the test client: login, queues, forms, CSRF, language, dates."""

from __future__ import annotations

import re
from datetime import datetime

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins import accounts, clock, seed
from bulletins.models import Bulletin
from tests.web.conftest import PASSWORD, login, make_bulletin


def test_each_role_lands_on_its_queue(client, users):
    for name, target in [("editor", "/desk/editor"), ("reviewer", "/desk/review"),
                         ("leader", "/desk/approve"), ("operator", "/radio/"),
                         ("admin", "/admin/users")]:
        response = client.post("/login", data={"username": name, "password": PASSWORD})
        assert response.headers["Location"].endswith(target), name
        client.post("/logout")


def test_wrong_password_is_refused_in_vietnamese(client, users):
    response = client.post("/login", data={"username": "editor", "password": "sai-mat-khau-1"})
    assert response.status_code == 200
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.get_data(as_text=True)


def test_csrf_is_enforced(tmp_path):
    config = config_for_tests(tmp_path)
    app = create_app(config)  # CSRF on, as in production
    with app.app_context():
        db.create_all()
        seed.seed_lists(db.session)
        accounts.create_user(db.session, None, "editor", ["editor"], PASSWORD)
        db.session.commit()
    client = app.test_client()
    refused = client.post("/login", data={"username": "editor", "password": PASSWORD})
    assert refused.status_code == 400
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    accepted = client.post("/login", data={"username": "editor", "password": PASSWORD,
                                           "csrf_token": token})
    assert accepted.status_code == 302


def test_one_time_password_must_be_changed_first(app, client):
    with app.app_context():
        _, once = accounts.create_user(db.session, None, "moi", ["editor"])
        db.session.commit()
    login(client, "moi", once)
    assert client.get("/desk/editor").headers["Location"].endswith("/password")
    weak = client.post("/password", data={"old_password": once, "new_password": "1234567890",
                                          "confirm": "1234567890"})
    assert "có cả chữ và số" in weak.get_data(as_text=True)
    done = client.post("/password", data={"old_password": once, "new_password": "Vu-Duong-2026",
                                          "confirm": "Vu-Duong-2026"})
    assert done.status_code == 302
    assert client.get("/desk/editor").status_code == 200


def test_editor_drafts_edits_and_submits_through_forms(app, client, users):
    login(client, "editor")
    created = client.post("/desk/new", data={
        "title": "Thông báo thu gom rác", "body": "Từ ngày 01/12, xe thu gom rác đi qua lúc 6h.",
        "topic": "moi-truong-khi-hau", "unit": "phong-kinh-te", "channels": ["radio", "web"],
        "language": "vi", "priority": "normal"})
    assert created.status_code == 302
    bid = int(created.headers["Location"].rsplit("/", 1)[1])
    edit = client.post(f"/desk/b/{bid}/edit", data={
        "title": "Thông báo thu gom rác thải", "body": "Xe thu gom rác đi qua lúc 6h.",
        "channels": ["radio"], "language": "vi", "priority": "normal", "version": "1"})
    assert edit.status_code == 302
    too_long = client.post(f"/desk/b/{bid}/edit", data={
        "title": "T" * 301, "body": "x", "channels": ["web"], "language": "vi",
        "priority": "normal", "version": "2"})
    assert too_long.status_code == 200 and 'class="error"' in too_long.get_data(as_text=True)
    submitted = client.post(f"/desk/b/{bid}/action/submit", data={"version": "2"})
    assert submitted.status_code == 302
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        assert (b.status, b.title, b.channels) == ("in_review", "Thông báo thu gom rác thải",
                                                   "radio")


def test_reviewer_sees_findings_highlighted_and_must_tick_the_checklist(app, client, users):
    bid = make_bulletin(app, to="in_review", body="Liên hệ anh Nam 0912 345 678 để nhận quà.")
    login(client, "reviewer")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert re.search(r'<mark class="f-\w+"[^>]*>0912 345 678</mark>', page)
    assert "Danh mục kiểm tra" in page
    half = client.post(f"/desk/b/{bid}/action/clear", data={"version": "1", "no_secrets": "y"},
                       follow_redirects=True)
    assert "Hãy xác nhận đủ các mục kiểm tra" in half.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Bulletin, bid).status == "in_review"


def test_returned_draft_shows_the_reviewers_comment(app, client, users):
    bid = make_bulletin(app, to="in_review")
    with app.app_context():
        version = db.session.get(Bulletin, bid).version
    login(client, "reviewer")
    client.post(f"/desk/b/{bid}/action/return",
                data={"version": str(version), "comment": "Bỏ số điện thoại cá nhân"})
    client.post("/logout")
    login(client, "editor")
    page = client.get("/desk/editor").get_data(as_text=True)
    assert "Bỏ số điện thoại cá nhân" in page


def test_leader_cannot_approve_own_bulletin_from_the_page(app, client, users):
    bid = make_bulletin(app, author="multi", to="in_review")
    with app.app_context():
        from bulletins import services
        from tests.web.conftest import user
        services.perform(db.session, user("reviewer"), bid, "clear")
        db.session.commit()
    login(client, "multi")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert f"/desk/b/{bid}/action/approve" not in page
    client.post(f"/desk/b/{bid}/action/approve", data={"version": "3"})
    with app.app_context():
        assert db.session.get(Bulletin, bid).status == "awaiting_approval"


def test_ui_is_vietnamese_by_default_and_english_on_request(client, users):
    assert "Đăng nhập" in client.get("/login").get_data(as_text=True)
    client.post("/lang/en", data={"next": "/login"})
    page = client.get("/login").get_data(as_text=True)
    assert 'lang="en"' in page and "Sign in" in page


def test_dates_are_vietnam_time_dd_mm_yyyy(app, client, users):
    bid = make_bulletin(app, to="published")
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        b.published_at = datetime(2026, 12, 31, 20, 30)  # UTC: 1 January 03:30 in Hà Nội
        db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "01/01/2027 03:30" in page


def test_staff_pages_need_login_and_role(client, users):
    assert client.get("/desk/review").status_code == 302
    login(client, "editor")
    assert client.get("/desk/review").status_code == 403
    assert client.get("/admin/users").status_code == 403


def test_admin_creates_user_and_sees_one_time_password(client, users):
    login(client, "admin")
    page = client.post("/admin/users", data={"username": "hoa", "display_name": "Nguyễn Thị Hoa",
                                              "unit": "", "roles": ["editor", "operator"]})
    text = page.get_data(as_text=True)
    assert "Mật khẩu dùng một lần" in text
    password = re.search(r'<code class="secret">([^<]+)</code>', text).group(1)
    client.post("/logout")
    assert client.post("/login", data={"username": "hoa", "password": password}).status_code == 302


def test_edit_rescans_and_keeps_earlier_findings(app, client, users):
    bid = make_bulletin(app, body="Liên hệ chị Lan 0912 345 678.")
    with app.app_context():
        from bulletins import services
        from tests.web.conftest import user
        b = db.session.get(Bulletin, bid)
        assert [f.kind for f in services.active_findings(db.session, b)] == ["phone"]
        services.edit_bulletin(db.session, user("editor"), bid,
                               {"body": "Liên hệ trụ sở UBND xã."}, b.version)
        db.session.commit()
        assert services.active_findings(db.session, db.session.get(Bulletin, bid)) == []
    login(client, "editor")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert "Phát hiện ở các bản trước" in page and "0912 345 678" in page


def test_revisions_show_the_words_changed_and_restore_a_version(app, client, users):
    bid = make_bulletin(app, body="Họp lúc 8h ngày 02/12.")
    with app.app_context():
        from bulletins import services
        from tests.web.conftest import user
        services.edit_bulletin(db.session, user("editor"), bid, {"body": "Họp lúc 9h ngày 02/12."},
                               db.session.get(Bulletin, bid).version)
        db.session.commit()
        version = db.session.get(Bulletin, bid).version
    login(client, "editor")
    page = client.get(f"/desk/b/{bid}/revisions").get_data(as_text=True)
    assert "<del>8h</del><ins>9h</ins>" in page
    client.post(f"/desk/b/{bid}/revisions/1/restore", data={"version": str(version)})
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        assert (b.revision_number, b.body) == (3, "Họp lúc 8h ngày 02/12.")


def test_correction_through_the_edit_form(app, client, users):
    bid = make_bulletin(app, to="published", body="Họp lúc 8h.")
    login(client, "editor")
    with app.app_context():
        version = db.session.get(Bulletin, bid).version
    client.post(f"/desk/b/{bid}/action/correct", data={"version": str(version)})
    form = client.get(f"/desk/b/{bid}/edit").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', form).group(1)
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        data = {"title": b.title, "body": "Họp lúc 9h.", "channels": b.channel_list,
                "language": b.language, "priority": b.priority, "version": version,
                "topic": b.topic_slug or "", "unit": b.unit_slug or ""}
    saved = client.post(f"/desk/b/{bid}/edit", data=data)
    assert saved.status_code == 302, saved.get_data(as_text=True)[:300]
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        assert (b.pending_status, b.body, b.status) == ("draft", "Họp lúc 9h.", "published")


def test_staff_thread_is_kept_with_the_bulletin_and_never_public(app, client, users):
    bid = make_bulletin(app, to="published")
    login(client, "reviewer")
    client.post(f"/desk/b/{bid}/comments", data={"body": "Kiểm tra lại số liệu thôn 3"})
    empty = client.post(f"/desk/b/{bid}/comments", data={"body": "  "}, follow_redirects=True)
    assert "Bình luận trống" in empty.get_data(as_text=True)
    client.post("/logout")
    login(client, "leader")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert "Kiểm tra lại số liệu thôn 3" in page and "Trao đổi (1)" in page
    client.post("/logout")
    public = client.get(f"/tin/{bid}", follow_redirects=True).get_data(as_text=True)
    assert "Kiểm tra lại số liệu" not in public
    with app.app_context():
        from sqlalchemy import select

        from bulletins.models import AuditLog
        assert "comment.add" in db.session.scalars(select(AuditLog.action)).all()


def test_nav_counts_what_waits_for_me(app, client, users):
    make_bulletin(app, to="in_review")
    make_bulletin(app, to="in_review")
    make_bulletin(app, to="awaiting_approval")
    login(client, "multi")
    page = client.get("/desk/all").get_data(as_text=True)
    assert re.search(r'Thẩm định <span class="count"[^>]*>2</span>', page)
    assert re.search(r'Phê duyệt <span class="count"[^>]*>1</span>', page)


def test_operator_nav_counts_bulletins_still_to_air(app, client, users):
    from sqlalchemy import select

    from bulletins.models import Slot
    from bulletins.radio import broadcasts, programs
    from tests.web.conftest import user

    make_bulletin(app, to="published", channels=["radio", "web"])
    make_bulletin(app, to="published", channels=["radio"])
    make_bulletin(app, to="published", channels=["web"])  # not for the radio
    make_bulletin(app, to="awaiting_approval", channels=["radio"])  # not approved yet
    twice = make_bulletin(app, to="published", channels=["radio"], airings_wanted=2)
    once = make_bulletin(app, to="published", channels=["radio"], airings_wanted=1)
    with app.app_context():  # both aired once: `twice` still owes one airing
        slot = db.session.scalar(select(Slot).where(Slot.key == "chieu"))
        program = programs.save_program(db.session, user("operator"), slot.id,
                                        clock.local_date(clock.utcnow()), [twice, once])
        broadcasts.record_broadcast(db.session, user("operator"), program.id,
                                    {"aired_at": clock.utcnow().isoformat() + "+00:00"})
        db.session.commit()
    login(client, "operator")
    page = client.get("/radio/").get_data(as_text=True)
    assert re.search(r'Đài truyền thanh <span class="count"[^>]*>3</span>', page)


def test_editor_desk_pages_drafts_newest_first(app, client, users, monkeypatch):
    from app.desk import routes

    monkeypatch.setattr(routes, "EDITOR_PAGE", 2)
    ids = [make_bulletin(app, title=f"Bản nháp số {n}") for n in range(5)]
    login(client, "editor")

    def drafts_on(query: str) -> list[int]:
        page = client.get(f"/desk/editor{query}").get_data(as_text=True)
        drafts = page.split("Bản tin của tôi")[0]
        return [int(n) for n in re.findall(r'href="/desk/b/(\d+)"', drafts)]

    assert drafts_on("") == [ids[4], ids[3]]
    assert drafts_on("?page=2") == [ids[2], ids[1]]
    assert drafts_on("?page=3") == [ids[0]]
    assert drafts_on("?page=99") == [ids[0]]  # past the end: the last page
    assert drafts_on("?page=abc") == [ids[4], ids[3]]
    assert "Trang 2/3, 5 bản nháp" in client.get("/desk/editor?page=2").get_data(as_text=True)
