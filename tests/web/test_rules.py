"""Admin rules of the scanner and the allow-list, through the services and the admin pages."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from bulletins import services
from bulletins.confidentiality import catalog, rules
from bulletins.errors import NotAllowed
from bulletins.models import AuditLog, Bulletin
from tests.web.conftest import login, make_bulletin, user


def findings_of(app, bid):
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        return [(f.kind, f.text, f.severity, f.reason)
                for f in services.active_findings(db.session, b)]


def test_keyword_rule_fires_with_its_severity_and_note(app, users):
    with app.app_context():
        rules.add_rule(db.session, user("admin"), "dự án sân bay", "warn", "Chưa công bố")
        db.session.commit()
    bid = make_bulletin(app, body="Thông tin về Dự Án Sân Bay mới.")
    assert ("keyword", "Dự Án Sân Bay", "warn", "Chưa công bố") in findings_of(app, bid)


def test_tone_marks_matter_unless_the_rule_ignores_them(app, users):
    with app.app_context():
        rules.add_rule(db.session, user("admin"), "mật thư")
        rules.add_rule(db.session, user("admin"), "kho xăng", ignore_tones=True)
        db.session.commit()
    bid = make_bulletin(app, body="Trời mát thư thái. Gần kho xang cũ.")
    kinds = [(k, t) for k, t, *_ in findings_of(app, bid)]
    assert ("keyword", "kho xang") in kinds
    assert not any(t.lower() == "mát thư" for _, t in kinds)


def test_allow_list_drops_the_published_hotline(app, users):
    body = "Đường dây nóng của UBND xã: 0229 3 868 115."
    before = make_bulletin(app, body=body)
    assert any(k == "phone" for k, *_ in findings_of(app, before))
    with app.app_context():
        rules.add_allow(db.session, user("admin"), "0229 3 868 115", "Đường dây nóng")
        db.session.commit()
    after = make_bulletin(app, body=body)
    assert not any(k == "phone" for k, *_ in findings_of(app, after))


def test_only_admins_change_rules_and_every_change_is_audited(app, users):
    with app.app_context():
        with pytest.raises(NotAllowed):
            rules.add_rule(db.session, user("reviewer"), "x")
        rule = rules.add_rule(db.session, user("admin"), "bí mật quân sự")
        rules.delete(db.session, user("admin"), rules.ScanRule, rule.id)
        db.session.commit()
        actions = db.session.scalars(select(AuditLog.action)).all()
        assert "rule.add" in actions and "scan_rules.delete" in actions


def test_admin_pages_add_rules_and_lexicon(app, client, users):
    login(client, "admin")
    client.post("/admin/rules", data={"rule-phrase": "vị trí chốt", "rule-severity": "block",
                                      "rule-note": "Bố trí lực lượng"})
    client.post("/admin/rules", data={"allow-value": "ubnd.vuduong@ninhbinh.gov.vn"})
    client.post("/admin/lexicon", data={"kind": "pronunciation", "written": "Vũ Dương",
                                        "spoken": "Vũ Dương"})
    bad = client.post("/admin/lexicon", data={"kind": "abbreviation", "written": "HTX",
                                              "spoken": "hợp tác xã 2"}, follow_redirects=True)
    assert "không có chữ số" in bad.get_data(as_text=True)
    page = client.get("/admin/rules").get_data(as_text=True)
    assert "vị trí chốt" in page and "ubnd.vuduong@ninhbinh.gov.vn" in page
    look = catalog.second_look()  # the classifiers' own figures, not written twice
    assert f"học từ {look.documents} bản tin mẫu" in page and f"trên {look.threshold}%" in page
    assert f"dưới {look.clear}%" in page and f"trên {look.also}%" in page
    assert "được bỏ qua, trừ khi đó là lý do duy nhất" in page
    assert f"dữ liệu cá nhân nhạy cảm (trên {look.personal}%) được báo thêm là dữ liệu" in page
    assert f"trên {look.only_personal}%, chỉ báo là dữ liệu cá nhân nhạy cảm" in page
    with app.app_context():
        assert rules.lexicon(db.session, user("admin").commune_id) == ({}, {"Vũ Dương": "Vũ Dương"})
    login_as_editor = client.post("/logout")
    assert login_as_editor.status_code == 302
    login(client, "editor")
    assert client.get("/admin/rules").status_code == 403
