"""Real staff data made through the real services, for tests that walk every route.

Each id names a row that exists, so a refusal seen by a test is the role check's and never a
404 for a missing object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from app.extensions import db
from bulletins import accounts, clock, tenancy
from bulletins.confidentiality import rules
from bulletins.confidentiality.findings import active_findings
from bulletins.editorial import templates as bulletin_templates
from bulletins.models import ApiToken, Bulletin, Slot
from bulletins.radio import broadcasts, programs
from bulletins.receivers import registry
from bulletins.reporting import calendar
from tests.web.conftest import make_bulletin, user

#: A phone number: the scanner's finding gives the review something to resolve.
PHONE = "0912 345 678"
WITH_PHONE = f"Trạm Y tế xã thông báo lịch tiêm. Liên hệ chị Lan: {PHONE}."


@dataclass(frozen=True)
class Resources:
    published: int  #: published on radio and web, in the program below
    draft: int  #: the editor's draft, for workflow actions
    draft_to_edit: int  #: another of the editor's drafts, for edits
    in_review: int  #: submitted, with an unresolved finding
    finding: int
    slot: int
    day: date
    program: int
    broadcast: int
    template: int
    key_date: int
    rule: int
    target_user: int  #: "editor2", whom the admin's pages act on
    token: int  #: editor2's API token
    receiver: int  #: a loudspeaker cluster of the first commune


def make_resources(app: Flask) -> Resources:
    """Bulletins in several states, a program with a logged airing, a template, a key date."""
    published = make_bulletin(app, to="published", title="Lịch tiêm chủng tháng này")
    draft = make_bulletin(app, title="Bản nháp để gửi duyệt")
    draft_to_edit = make_bulletin(app, title="Bản nháp để sửa")
    in_review = make_bulletin(app, to="in_review", title="Thông báo có số điện thoại",
                              body=WITH_PHONE)
    with app.app_context():
        session, admin, operator = db.session, user("admin"), user("operator")
        finding = active_findings(session, session.get(Bulletin, in_review))[0]
        slot = session.scalar(select(Slot).where(Slot.key == "sang"))
        now = clock.utcnow()
        day = clock.local_date(now)
        program = programs.save_program(session, operator, slot.id, day, [published])
        session.flush()
        # five minutes ago, but on the program's day: a run in the first minutes after
        # midnight in Vietnam logged the airing on the day before (its log read "missing")
        aired_at = max(now - timedelta(minutes=5), clock.local_midnight(day))
        entry = broadcasts.record_broadcast(session, operator, program.id, {
            "aired_at": aired_at.isoformat() + "+00:00", "note": "Phát đủ"})
        template = bulletin_templates.create_template(session, admin, {
            "name": "Mẫu lịch tiêm", "title": "Lịch tiêm chủng", "body": "Trạm Y tế xã ..."})
        key_date = calendar.create_key_date(session, admin, {
            "title": "Ngày hội kiểm tra", "day": f"{day.year}-12-01"})
        rule = rules.add_rule(session, admin, "cụm từ kiểm tra")
        target = user("editor2")
        accounts.create_token(session, admin, target, "kiểm tra")
        token = session.scalar(select(ApiToken.id).where(ApiToken.user_id == target.id))
        receiver, _key = registry.create_receiver(session, None, tenancy.first_commune(session),
                                                  {"name": "Cụm loa kiểm tra"})
        session.commit()
        return Resources(
            published=published, draft=draft, draft_to_edit=draft_to_edit, in_review=in_review,
            finding=finding.id, slot=slot.id, day=day, program=program.id, broadcast=entry.id,
            template=template.id, key_date=key_date.id, rule=rule.id, target_user=target.id,
            token=token, receiver=receiver.id)
