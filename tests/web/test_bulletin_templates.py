"""Reusable bulletin templates: manage, use to prefill a draft, save a bulletin as one."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from bulletins.editorial import templates
from bulletins.errors import NotAllowed, ValidationError
from bulletins.models import AuditLog, Bulletin
from tests.web.conftest import login, make_bulletin, user

FORM = {"name": "Cắt điện định kỳ", "title": "Thông báo tạm ngừng cấp điện ngày …",
        "summary": "Bảo dưỡng lưới điện", "body": "Điện lực thông báo tạm ngừng cấp điện.",
        "topic": "thong-bao-chung", "unit": "van-phong-hdnd-ubnd", "channels": ["radio"],
        "language": "vi", "priority": "priority"}


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(templates.BulletinTemplate))


def field_value(page: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else ""


def textarea(page: str, name: str) -> str:
    found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    return html.unescape(found.group(1)).strip() if found else ""


def selected(page: str, name: str) -> list[str]:
    block = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option selected value="([^"]*)"', block) or re.findall(
        r'<option[^>]*value="([^"]*)"[^>]*selected', block)


def test_editor_creates_uses_edits_and_deletes_a_template(app, client, users):
    login(client, "editor")
    assert 'href="/desk/templates"' in client.get("/desk/editor").get_data(as_text=True)
    assert client.get("/desk/templates/new").status_code == 200
    made = client.post("/desk/templates/new", data=FORM)
    assert made.status_code == 302 and made.headers["Location"].endswith("/desk/templates")
    with app.app_context():
        template = db.session.scalar(select(templates.BulletinTemplate))
        tid = template.id
        assert (template.title, template.channels, template.priority, template.created_by) == (
            FORM["title"], "radio", "priority", "editor")
    listing = client.get("/desk/templates").get_data(as_text=True)
    assert "Cắt điện định kỳ" in listing and f'href="/desk/new?template={tid}"' in listing

    form = client.get(f"/desk/new?template={tid}").get_data(as_text=True)
    assert field_value(form, "title") == FORM["title"]
    assert textarea(form, "body") == FORM["body"]
    assert textarea(form, "summary") == FORM["summary"]
    assert selected(form, "topic") == ["thong-bao-chung"]
    assert selected(form, "priority") == ["priority"]
    assert re.findall(r'<input checked id="channels-\d"[^>]*value="(\w+)"', form) == ["radio"]
    assert "Cắt điện định kỳ" in form  # the message naming the template
    drafted = client.post("/desk/new", data={**{k: v for k, v in FORM.items() if k != "name"},
                                             "airings_wanted": "1"})
    assert drafted.status_code == 302
    with app.app_context():
        bulletin = db.session.scalar(select(Bulletin))
        assert (bulletin.title, bulletin.status) == (FORM["title"], "draft")

    edited = client.post(f"/desk/templates/{tid}", data={**FORM, "title": "Tiêu đề mới"})
    assert edited.status_code == 302
    page = client.get(f"/desk/templates/{tid}").get_data(as_text=True)
    assert field_value(page, "title") == "Tiêu đề mới"
    assert field_value(page, "name") == "Cắt điện định kỳ"
    assert client.post(f"/desk/templates/{tid}/delete").status_code == 302
    assert count(app) == 0
    assert client.get(f"/desk/templates/{tid}").status_code == 404
    with app.app_context():
        actions = db.session.scalars(select(AuditLog.action).where(
            AuditLog.target == f"template:{tid}").order_by(AuditLog.seq)).all()
    assert actions == ["template.create", "template.update", "template.delete"]


def test_unknown_template_gives_a_message_and_an_empty_form(client, users):
    login(client, "editor")
    for bad in ("999", "abc", "99999999999999999999"):
        page = client.get(f"/desk/new?template={bad}")
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and "Không có mẫu bản tin này" in text
        assert field_value(text, "title") == ""


@pytest.mark.parametrize("change, field", [
    ({"title": "t" * 301}, "title"),
    ({"name": ""}, "name"),
    ({"name": "n" * 201}, "name"),
    ({"body": ""}, "body"),
])
def test_invalid_template_form_saves_nothing(client, users, app, change, field):
    login(client, "editor")
    page = client.post("/desk/templates/new", data={**FORM, **change})
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert re.search(rf'class="field\s*has-error">\s*<label for="{field}"', text), field
    assert count(app) == 0


def test_duplicate_name_is_a_form_error(app, client, users):
    with app.app_context():
        templates.create_template(db.session, user("admin"), FORM)
        db.session.commit()
    login(client, "editor")
    page = client.post("/desk/templates/new", data={**FORM, "title": "Khác"})
    assert page.status_code == 200 and "Đã có mẫu mang tên này." in page.get_data(as_text=True)
    assert count(app) == 1
    with app.app_context(), pytest.raises(ValidationError) as refused:
        templates.create_template(db.session, user("editor"),
                                  {**FORM, "name": " Cắt điện định kỳ "})  # trimmed → same
    assert refused.value.fields == {"name": "Đã có mẫu mang tên này."}
    assert "Đã có mẫu mang tên này." in refused.value.message


def test_service_validates_like_a_bulletin_and_stores_nfc(app, users):
    with app.app_context():
        with pytest.raises(ValidationError) as refused:
            templates.create_template(db.session, user("editor"), {
                **FORM, "title": "x" * 301, "topic": "khong-co", "channels": ["tv"],
                "language": "fr", "priority": "urgent"})
        assert set(refused.value.fields) == {"title", "topic", "channels", "language",
                                             "priority"}
        made = templates.create_template(db.session, user("editor"), {
            "name": "Mu\u0300a ba\u0303o", "title": "Thông báo", "body": "Nội dung"})
        assert made.name == "Mùa bão"
        assert (made.channels, made.language, made.priority, made.topic_slug) == (
            "radio,web", "vi", "normal", None)


def test_only_editors_and_admins_manage_templates(app, client, users):
    with app.app_context():
        for name in ("reviewer", "leader", "operator"):
            with pytest.raises(NotAllowed):
                templates.create_template(db.session, user(name), FORM)
        made = templates.create_template(db.session, user("admin"), FORM)
        db.session.commit()
        tid = made.id
        with pytest.raises(NotAllowed):
            templates.delete_template(db.session, user("reviewer"), tid)
        with pytest.raises(NotAllowed):
            templates.save_as_template(db.session, user("leader"), 1, "x")
    login(client, "reviewer")
    assert client.get("/desk/templates").status_code == 403
    assert client.post(f"/desk/templates/{tid}/delete").status_code == 403
    assert client.post(f"/desk/templates/{tid}", data=FORM).status_code == 403
    assert count(app) == 1
    client.post("/logout")
    login(client, "admin")
    listing = client.get("/desk/templates").get_data(as_text=True)
    assert "Cắt điện định kỳ" in listing
    assert "/desk/new?template=" not in listing  # admins do not draft bulletins


def test_save_a_bulletin_as_template_from_its_page(app, client, users):
    bid = make_bulletin(app, to="published", title="Lịch tiêm chủng tháng 12",
                        body="Trạm Y tế xã tiêm chủng ngày 05/12.", priority="priority",
                        channels=["web"])
    login(client, "editor")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert f'action="/desk/b/{bid}/save-template"' in page
    saved = client.post(f"/desk/b/{bid}/save-template", data={"name": "Tiêm chủng hằng tháng"})
    assert saved.status_code == 302
    with app.app_context():
        made = db.session.scalar(select(templates.BulletinTemplate))
        assert saved.headers["Location"].endswith(f"/desk/templates/{made.id}")
        assert (made.name, made.title, made.body, made.priority, made.channels,
                made.topic_slug) == ("Tiêm chủng hằng tháng", "Lịch tiêm chủng tháng 12",
                                     "Trạm Y tế xã tiêm chủng ngày 05/12.", "priority", "web",
                                     "thong-bao-chung")
        entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "template.create"))
        assert f'"bulletin": {bid}' in entry.detail
    again = client.post(f"/desk/b/{bid}/save-template", data={"name": "Tiêm chủng hằng tháng"},
                        follow_redirects=True)
    assert "Đã có mẫu mang tên này" in again.get_data(as_text=True)
    empty = client.post(f"/desk/b/{bid}/save-template", data={"name": ""})
    assert empty.status_code == 302 and count(app) == 1
    assert client.post("/desk/b/999999/save-template", data={"name": "Mới"}).status_code == 302
    assert count(app) == 1
    client.post("/logout")
    login(client, "reviewer")
    assert "save-template" not in client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert client.post(f"/desk/b/{bid}/save-template", data={"name": "R"}).status_code == 403


def test_names_and_texts_are_escaped(app, client, users):
    with app.app_context():
        templates.create_template(db.session, user("editor"), {
            **FORM, "name": "<img src=x onerror=alert(1)>", "title": "<script>x</script>"})
        db.session.commit()
    login(client, "editor")
    listing = client.get("/desk/templates").get_data(as_text=True)
    assert "<img src=x" not in listing and "<script>x</script>" not in listing
    assert "&lt;img src=x onerror=alert(1)&gt;" in listing


def test_seeded_templates_are_usable_and_seeding_is_idempotent(app, client, users):
    with app.app_context():
        templates.seed_templates(db.session)
        templates.seed_templates(db.session)
        db.session.commit()
        names = [t.name for t in templates.list_templates(db.session)]
        tid = templates.list_templates(db.session)[0].id
    assert len(names) == 4 and "Khám sức khỏe nghĩa vụ quân sự" in names
    login(client, "editor")
    form = client.get(f"/desk/new?template={tid}").get_data(as_text=True)
    assert field_value(form, "title").startswith("Thông báo")
