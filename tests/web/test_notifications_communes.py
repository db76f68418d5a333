"""Notices stay in the bulletin's scope (CONTRACT §9): no mail about commune A's bulletin
reaches commune B's staff or the province's, and a province bulletin's review and approval
are the province's business; once published, every commune's operators hear of it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from bulletins import accounts, seed, services
from bulletins.models import Notification, User
from bulletins.notifications import notices
from tests.web.conftest import PASSWORD

STAFF = {"editor": ["editor"], "reviewer": ["reviewer"], "leader": ["leader"],
         "operator": ["operator"]}
TEXT = "Thông báo lịch tiêm chủng cho trẻ em trong tháng tại trạm y tế."


@pytest.fixture
def staff(app):
    """a-* in the first commune, b-* in yen-mo, p-* of the province; all want mail at once."""
    with app.app_context():
        yen_mo = seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        for prefix, where in (("a", {}), ("b", {"commune_id": yen_mo.id}),
                              ("p", {"province": True})):
            for role, roles in STAFF.items():
                made, _ = accounts.create_user(db.session, None, f"{prefix}-{role}", roles,
                                               PASSWORD, **where)
                notices.set_preferences(db.session, made, f"{prefix}-{role}@x.example",
                                        "immediate")
        db.session.commit()


def _user(name: str) -> User:
    return accounts.find_user(db.session, name)


def _walk(app, prefix: str) -> dict[str, set[str]]:
    """A bulletin by prefix-editor through submit, clear, approve: who was noticed of what."""
    with app.app_context():
        bulletin = services.create_bulletin(db.session, _user(f"{prefix}-editor"), {
            "title": "Lịch tiêm chủng", "body": TEXT, "topic": "thong-bao-chung"})
        db.session.commit()
        for who, action in (("editor", "submit"), ("reviewer", "clear"), ("leader", "approve")):
            services.perform(db.session, _user(f"{prefix}-{who}"), bulletin.id, action)
            db.session.commit()
        assert bulletin.status == "published"
        got: dict[str, set[str]] = {}
        for row in db.session.scalars(select(Notification).where(
                Notification.bulletin_id == bulletin.id)):
            got.setdefault(row.kind, set()).add(db.session.get(User, row.user_id).username)
        return got


def test_a_commune_bulletin_notifies_only_its_own_commune(app, staff):
    got = _walk(app, "b")
    assert got == {"review": {"b-reviewer"}, "approve": {"b-leader"}, "air": {"b-operator"}}


def test_the_first_commune_is_not_told_of_the_second(app, staff):
    got = _walk(app, "a")
    assert got == {"review": {"a-reviewer"}, "approve": {"a-leader"}, "air": {"a-operator"}}


def test_a_province_bulletin_is_reviewed_by_the_province_and_aired_everywhere(app, staff):
    got = _walk(app, "p")
    assert got["review"] == {"p-reviewer"} and got["approve"] == {"p-leader"}
    assert got["air"] == {"a-operator", "b-operator", "p-operator"}
