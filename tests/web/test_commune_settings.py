"""Keyword rules, allow-list, lexicon, templates and key dates per commune (CONTRACT §9).

Each is read in the acting user's scope (their commune's and the province's; province staff
see all), made in their scope, and changed only there: another commune's row is 404 as a
missing one, a province row is 403 to a commune. The scanner and the voice use the text's
commune's entries and the province's, never another commune's.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.extensions import db
from bulletins import accounts, seed, services
from bulletins.confidentiality import rules
from bulletins.editorial import templates
from bulletins.errors import NotAllowed, NotFound
from bulletins.models import Finding, KeyDate, LexiconEntry, ScanRule
from bulletins.reporting import calendar
from tests.web.conftest import PASSWORD, login

PEOPLE = {"admin": ["admin"], "editor": ["editor"]}
TEMPLATE = {"title": "Lịch tiêm chủng", "body": "Trạm y tế thông báo lịch tiêm chủng.",
            "topic": "thong-bao-chung"}


@pytest.fixture
def communes(app):
    """a-* of the first commune, b-* of yen-mo, p-* of the province; id of yen-mo."""
    with app.app_context():
        yen_mo = seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        for prefix, where in (("a", {}), ("b", {"commune_id": yen_mo.id}),
                              ("p", {"province": True})):
            for role, roles in PEOPLE.items():
                accounts.create_user(db.session, None, f"{prefix}-{role}", roles, PASSWORD,
                                     **where)
        db.session.commit()
        return yen_mo.id


def who(name: str):
    return accounts.find_user(db.session, name)


def keyword_findings(author: str, body: str) -> set[str]:
    bulletin = services.create_bulletin(db.session, who(author), {
        "title": "Thông báo", "body": body, "topic": "thong-bao-chung"})
    db.session.flush()
    return {f.text for f in db.session.scalars(select(Finding).where(
        Finding.bulletin_id == bulletin.id, Finding.kind == "keyword"))}


def test_the_scanner_applies_the_commune_rules_and_the_province_rules_only(app, communes):
    with app.app_context():
        rules.add_rule(db.session, who("a-admin"), "kho xăng dầu")
        rules.add_rule(db.session, who("b-admin"), "trạm ra đa")
        rules.add_rule(db.session, who("p-admin"), "sở chỉ huy")
        rules.add_allow(db.session, who("b-admin"), "0912345678")
        body = "Gần kho xăng dầu, trạm ra đa và sở chỉ huy; gọi 0912345678."
        assert keyword_findings("a-editor", body) == {"kho xăng dầu", "sở chỉ huy"}
        assert keyword_findings("b-editor", body) == {"trạm ra đa", "sở chỉ huy"}
        assert keyword_findings("p-editor", body) == {"sở chỉ huy"}
        phones = {f.kind for f in db.session.scalars(select(Finding)) if f.kind == "phone"}
        assert phones  # a's and the province's texts: b's allow-list is b's alone
        made = {r.phrase: r.commune_id for r in db.session.scalars(select(ScanRule))}
        assert made == {"kho xăng dầu": who("a-admin").commune_id, "trạm ra đa": communes,
                        "sở chỉ huy": None}


def test_rules_and_allow_list_are_read_and_removed_per_commune(app, client, communes):
    with app.app_context():
        theirs = rules.add_rule(db.session, who("a-admin"), "kho xăng dầu").id
        province = rules.add_rule(db.session, who("p-admin"), "sở chỉ huy").id
        rules.add_allow(db.session, who("a-admin"), "0912345678")
        rules.add_allow(db.session, who("b-admin"), "0912345678")  # each commune its own
        db.session.commit()
        b_admin = who("b-admin")
        seen = {r.phrase for r in rules.entries(db.session, ScanRule, b_admin)}
        assert seen == {"sở chỉ huy"}
        assert {r.phrase for r in rules.entries(db.session, ScanRule, who("p-admin"))} == {
            "kho xăng dầu", "sở chỉ huy"}
        with pytest.raises(NotFound):
            rules.delete(db.session, b_admin, ScanRule, theirs)
        with pytest.raises(NotAllowed):
            rules.delete(db.session, b_admin, ScanRule, province)
    login(client, "b-admin")
    page = client.get("/admin/rules").get_data(as_text=True)
    assert "sở chỉ huy" in page and "kho xăng dầu" not in page
    client.post(f"/admin/rule/{theirs}/delete")
    with app.app_context():
        assert db.session.get(ScanRule, theirs) is not None


def test_lexicon_is_per_commune_and_the_commune_word_wins(app, client, communes):
    with app.app_context():
        rules.set_lexicon(db.session, who("p-admin"), "abbreviation", "HTX", "hợp tác xã")
        rules.set_lexicon(db.session, who("b-admin"), "abbreviation", "HTX", "hợp tác")
        rules.set_lexicon(db.session, who("a-admin"), "pronunciation", "Kênh Gà", "Kênh Ga")
        db.session.commit()
        a_id = who("a-admin").commune_id
        assert rules.lexicon(db.session, communes) == ({"HTX": "hợp tác"}, {})
        assert rules.lexicon(db.session, a_id) == ({"HTX": "hợp tác xã"},
                                                   {"Kênh Gà": "Kênh Ga"})
        assert rules.lexicon(db.session, None) == ({"HTX": "hợp tác xã"}, {})
        a_word = db.session.scalar(select(LexiconEntry.id).where(
            LexiconEntry.commune_id == a_id))
        with pytest.raises(NotFound):
            rules.delete(db.session, who("b-admin"), LexiconEntry, a_word)
    login(client, "b-admin")
    page = client.get("/admin/lexicon").get_data(as_text=True)
    assert "hợp tác" in page and "Kênh Gà" not in page


def test_templates_are_per_commune(app, client, communes):
    with app.app_context():
        mine = templates.create_template(db.session, who("a-editor"),
                                         {"name": "Tiêm", **TEMPLATE})
        same = templates.create_template(db.session, who("b-editor"),
                                         {"name": "Tiêm", **TEMPLATE})
        db.session.commit()
        mine_id, same_id = mine.id, same.id
        assert mine.commune_id != same.commune_id == communes
        names = {t.id for t in templates.list_templates(db.session, who("b-editor"))}
        assert mine_id not in names and same_id in names
        with pytest.raises(NotFound):
            templates.update_template(db.session, who("b-editor"), mine_id,
                                      {"name": "Của tôi", **TEMPLATE})
        with pytest.raises(NotFound):
            templates.delete_template(db.session, who("b-editor"), mine_id)
    login(client, "b-editor")
    assert client.get(f"/desk/templates/{mine_id}").status_code == 404
    assert client.get(f"/desk/templates/{same_id}").status_code == 200
    refused = client.get(f"/desk/new?template={mine_id}").get_data(as_text=True)
    assert "Không có mẫu bản tin này" in refused
    assert "Không có mẫu bản tin này" not in client.get(
        f"/desk/new?template={same_id}").get_data(as_text=True)


def test_key_dates_are_per_commune(app, client, communes):
    data = {"title": "Lễ hội đền Yên Mô", "day": date(2026, 12, 20), "kind": "local"}
    with app.app_context():
        theirs = calendar.create_key_date(db.session, who("b-admin"), data)
        db.session.commit()
        theirs_id = theirs.id
        assert theirs.commune_id == communes
        a_admin = who("a-admin")
        assert theirs_id not in {k.id for k in calendar.list_key_dates(db.session, a_admin)}
        assert theirs_id in {k.id for k in calendar.list_key_dates(db.session, who("p-admin"))}
        with pytest.raises(NotFound):
            calendar.update_key_date(db.session, a_admin, theirs_id, data)
        with pytest.raises(NotFound):
            calendar.delete_key_date(db.session, a_admin, theirs_id)
        seeded = db.session.scalar(select(KeyDate.id).where(KeyDate.commune_id.is_(None)))
        with pytest.raises(NotAllowed):  # the province's dates are the province's to change
            calendar.delete_key_date(db.session, a_admin, seeded)
    login(client, "a-admin")
    assert client.get(f"/admin/key-dates/{theirs_id}").status_code == 404
    assert "Lễ hội đền Yên Mô" not in client.get("/admin/key-dates").get_data(as_text=True)
    assert "Lễ hội đền Yên Mô" not in client.get(
        "/desk/calendar?month=2026-12").get_data(as_text=True)
