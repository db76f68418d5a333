"""The editors' calendar: seeded key dates, the month grid, admin editing of key dates."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import event, func, select

from app.extensions import db
from bulletins import clock, seed
from bulletins.errors import NotAllowed, ValidationError
from bulletins.models import AuditLog, Bulletin, Slot
from bulletins.radio import broadcasts, programs
from bulletins.reporting import calendar
from tests.web.conftest import login, make_bulletin, user


def day_of(grid: calendar.Month, when: date) -> calendar.Day:
    return next(d for week in grid.weeks for d in week if d.day == when)


def titles(grid: calendar.Month, when: date) -> list[str]:
    return [e.title for e in day_of(grid, when).entries]


def listed(page: str) -> dict[str, str]:
    """The list view under the grid: "dd/mm/yyyy" → the HTML of that day's entries."""
    section = page.split('id="cal-list-h"', 1)[1]
    return {m.group(1): m.group(2) for m in re.finditer(
        r"<dt[^>]*>(\d\d/\d\d/\d{4})[^<]*</dt>\s*<dd>(.*?)</dd>", section, re.S)}


def test_plan_dates_are_seeded_once_and_yearly_ones_repeat(app):
    with app.app_context():
        seed.seed_lists(db.session)  # the fixture seeded already: a second run adds nothing
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(calendar.KeyDate)) == 19
        sept_2027 = calendar.month(db.session, 2027, 9)
        assert "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam" in titles(
            sept_2027, date(2027, 9, 2))
        nov = calendar.month(db.session, 2026, 11)
        assert "Ngày hội Đại đoàn kết toàn dân tộc" in titles(nov, date(2026, 11, 18))
        assert "Ngày Nhà giáo Việt Nam" in titles(nov, date(2026, 11, 20))
        congresses = [e for m in (10, 11, 12) for d in calendar.month(db.session, 2026, m).days
                      for e in d.entries if e.kind == "congress"]
        assert {e.title for e in congresses} == {
            "Đại hội đảng bộ các cấp",
            "Đại hội đại biểu Đảng bộ tỉnh Ninh Bình lần thứ I, nhiệm kỳ 2026-2030",
            "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
            "Đại hội Thi đua yêu nước tỉnh Ninh Bình lần thứ I, nhiệm kỳ 2026-2030"}
        assert all(e.tentative and "quản trị viên cập nhật" in e.note for e in congresses)
        # lunar dates are one-off: Tết 2026 is on 17/02/2026 only
        assert any("Tết Nguyên đán" in t for t in titles(calendar.month(db.session, 2026, 2),
                                                           date(2026, 2, 17)))
        assert not any("Tết Nguyên đán" in t for t in titles(
            calendar.month(db.session, 2027, 2), date(2027, 2, 17)))


def test_grid_weeks_start_monday_and_cover_the_month(app):
    with app.app_context():
        grid = calendar.month(db.session, 2026, 12, today=date(2026, 12, 9))
    assert [d.day for d in grid.weeks[0]][:2] == [date(2026, 11, 30), date(2026, 12, 1)]
    assert grid.weeks[-1][-1].day == date(2027, 1, 3)
    assert all(len(week) == 7 and week[0].day.weekday() == 0 for week in grid.weeks)
    assert [d.day for d in grid.days if d.today] == [date(2026, 12, 9)]
    assert len(grid.days) == 31 and not day_of(grid, date(2026, 11, 30)).in_month


def test_month_shows_scheduled_published_and_aired_on_local_days(pinned_clock, app, client, users):
    # 23:30 UTC on 04/12 is 06:30 on 05/12 in Vietnam
    scheduled = make_bulletin(app, to="approved", title="Lịch tiếp dân tháng 12",
                              publish_at="2026-12-04T23:30:00+00:00")
    published = make_bulletin(app, to="published", title="Thông báo đã đăng <b>x</b>")
    with app.app_context():
        assert db.session.get(Bulletin, scheduled).status == "approved"
        db.session.get(Bulletin, published).published_at = datetime(2026, 12, 9, 17, 30)
        slot = db.session.scalar(select(Slot).where(Slot.key == "sang"))
        program = programs.save_program(db.session, user("operator"), slot.id,
                                        date(2026, 12, 10), [published])
        db.session.flush()
        broadcasts.record_broadcast(db.session, user("operator"), program.id,
                                    {"not_aired": "Mất điện"}, now=datetime(2026, 12, 10, 1))
        db.session.commit()
        program_id, program_title = program.id, program.title
        grid = calendar.month(db.session, 2026, 12)
    assert "Lịch tiếp dân tháng 12" in titles(grid, date(2026, 12, 5))
    assert "Lịch tiếp dân tháng 12" not in titles(grid, date(2026, 12, 4))
    assert "Thông báo đã đăng <b>x</b>" in titles(grid, date(2026, 12, 10))  # 00:30 local
    aired = [e for e in day_of(grid, date(2026, 12, 10)).entries if e.kind == "program"]
    assert [(e.program_id, e.status, e.note) for e in aired] == [
        (program_id, "not_aired", "Mất điện")]

    login(client, "reviewer")
    page = client.get("/desk/calendar?month=2026-12").get_data(as_text=True)
    days = listed(page)
    assert f'href="/desk/b/{scheduled}"' in days["05/12/2026"]
    assert "06:30" in days["05/12/2026"] and "04/12/2026" not in days
    assert f'href="/desk/b/{published}"' in days["10/12/2026"]
    assert "Thông báo đã đăng &lt;b&gt;x&lt;/b&gt;" in days["10/12/2026"]
    assert program_title in days["10/12/2026"] and "không phát" in days["10/12/2026"]
    assert f"/radio/programs/{program_id}" not in page  # a reviewer cannot open radio pages
    assert "<table class=\"calendar\">" in page and '<th scope="col">' in page
    assert 'href="/desk/calendar?month=2026-11"' in page
    assert 'href="/desk/calendar?month=2027-01"' in page
    client.post("/logout")
    login(client, "operator")
    assert f'href="/radio/programs/{program_id}"' in client.get(
        "/desk/calendar?month=2026-12").get_data(as_text=True)


def test_today_is_marked_and_the_default_month_is_this_one(app, client, users):
    login(client, "editor")
    today = clock.local_today()
    page = client.get("/desk/calendar").get_data(as_text=True)
    assert f'href="/desk/calendar?month={today:%Y-%m}"' in page
    marked = re.findall(r'<td class="(?:other )?today" aria-current="date">\s*'
                        r'<span class="daynum">(\d+)', page)
    assert marked == [str(today.day)]


@pytest.mark.parametrize("bad", ["2026-13", "abc", "2026-1", "0999-01", "2026-00", "9999-12"])
def test_bad_month_param_falls_back_with_a_message(client, users, bad):
    login(client, "leader")
    response = client.get(f"/desk/calendar?month={bad}")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Tháng không hợp lệ" in text
    today = clock.local_today()
    assert f"Lịch tháng {today:%m}/{today.year}" in text


def test_calendar_needs_login(client):
    assert client.get("/desk/calendar").status_code == 302


def test_key_date_services_are_for_admins_and_audited(app, users):
    with app.app_context():
        data = {"title": "Lễ hội truyền thống ", "day": "2026-03-15", "kind": "local"}
        with pytest.raises(NotAllowed):
            calendar.create_key_date(db.session, user("editor"), data)
        db.session.rollback()
        made = calendar.create_key_date(db.session, user("admin"), data)
        db.session.commit()
        assert (made.title, made.day, made.created_by) == (
            "Lễ hội truyền thống", date(2026, 3, 15), "admin")
        with pytest.raises(NotAllowed):
            calendar.update_key_date(db.session, user("editor"), made.id, data)
        with pytest.raises(NotAllowed):
            calendar.delete_key_date(db.session, user("leader"), made.id)
        db.session.rollback()
        calendar.update_key_date(db.session, user("admin"), made.id,
                                 {**data, "day": "16/03/2026", "yearly": True})
        db.session.commit()
        assert "Lễ hội truyền thống" in titles(calendar.month(db.session, 2030, 3),
                                               date(2030, 3, 16))
        calendar.delete_key_date(db.session, user("admin"), made.id)
        db.session.commit()
        assert db.session.get(calendar.KeyDate, made.id) is None
        actions = db.session.scalars(select(AuditLog.action).where(
            AuditLog.target == f"key_date:{made.id}").order_by(AuditLog.seq)).all()
        assert actions == ["key_date.create", "key_date.update", "key_date.delete"]


@pytest.mark.parametrize("data, field", [
    ({"title": "", "day": "2026-03-15"}, "title"),
    ({"title": "x" * 201, "day": "2026-03-15"}, "title"),
    ({"title": "Ngày", "day": "2026-02-30"}, "day"),
    ({"title": "Ngày", "day": "hôm nay"}, "day"),
    ({"title": "Ngày", "day": "1999-01-01"}, "day"),
    ({"title": "Ngày", "day": "2026-03-15", "kind": "party"}, "kind"),
])
def test_key_date_validation(app, users, data, field):
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(calendar.KeyDate))
        with pytest.raises(ValidationError) as refused:
            calendar.create_key_date(db.session, user("admin"), data)
        db.session.rollback()
        assert field in refused.value.fields
        assert db.session.scalar(select(func.count()).select_from(calendar.KeyDate)) == before


def test_key_date_title_is_stored_nfc(app, users):
    decomposed = "Le\u0302\u0303 ho\u0302\u0323i"  # "Lễ hội" with combining marks
    with app.app_context():
        made = calendar.create_key_date(db.session, user("admin"),
                                        {"title": decomposed, "day": date(2026, 5, 5)})
        assert made.title == "Lễ hội"


def province_admin(app) -> None:
    """Make "admin" a province admin: the seeded dates are the province's (CONTRACT §9), so
    only province staff change them; a commune's admin gets 403 (test_commune_settings)."""
    with app.app_context():
        user("admin").commune_id = None
        db.session.commit()


def test_a_deleted_seeded_date_stays_deleted_after_seeding_again(app, users):
    province_admin(app)
    with app.app_context():
        tet = db.session.scalar(select(calendar.KeyDate).where(
            calendar.KeyDate.seed_key == "tet-duong-lich"))
        calendar.delete_key_date(db.session, user("admin"), tet.id)
        db.session.commit()
        seed.seed_lists(db.session)
        db.session.commit()
        assert titles(calendar.month(db.session, 2027, 1), date(2027, 1, 1)) == []
        assert [k.title for k in calendar.list_key_dates(db.session)
                if k.day == date(2026, 1, 1)] == []


def test_admin_edits_key_dates_on_the_web(app, client, users):
    province_admin(app)
    login(client, "editor")
    assert client.get("/admin/key-dates").status_code == 403
    assert client.post("/admin/key-dates", data={"title": "X", "day": "2026-12-01"}
                       ).status_code == 403
    client.post("/logout")
    login(client, "admin")
    page = client.get("/admin/key-dates").get_data(as_text=True)
    assert "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" in page
    added = client.post("/admin/key-dates", data={
        "title": "<script>alert(1)</script> Hội làng", "day": "2026-12-12", "kind": "local",
        "note": "Đình làng"})
    assert added.status_code == 302
    with app.app_context():
        made = db.session.scalar(select(calendar.KeyDate).where(
            calendar.KeyDate.title.like("%Hội làng")))
        made_id = made.id
    listing = client.get("/admin/key-dates").get_data(as_text=True)
    month = client.get("/desk/calendar?month=2026-12").get_data(as_text=True)
    for text in (listing, month):
        assert "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Hội làng" in text
    too_long = client.post(f"/admin/key-dates/{made_id}", data={
        "title": "y" * 201, "day": "2026-12-12", "kind": "local"})
    assert too_long.status_code == 200 and "has-error" in too_long.get_data(as_text=True)
    bad_day = client.post("/admin/key-dates", data={"title": "Ngày sai", "day": "2026-02-30",
                                                    "kind": "local"})
    assert bad_day.status_code == 200 and "has-error" in bad_day.get_data(as_text=True)
    xiv = client.get("/admin/key-dates").get_data(as_text=True)
    assert "Ngày sai" not in xiv.split("<table", 1)[1]
    with app.app_context():
        congress = db.session.scalar(select(calendar.KeyDate).where(
            calendar.KeyDate.seed_key == "dai-hoi-xiv"))
        congress_id = congress.id
    form = client.get(f"/admin/key-dates/{congress_id}").get_data(as_text=True)
    assert 'value="10/12/2026"' in form  # the day as people write it, not ISO
    fixed = client.post(f"/admin/key-dates/{congress_id}", data={
        "title": "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "day": "2026-12-15",
        "kind": "congress", "note": "Ngày chính thức"})
    assert fixed.status_code == 302
    with app.app_context():
        congress = db.session.get(calendar.KeyDate, congress_id)
        assert (congress.day, congress.tentative, congress.updated_by) == (
            date(2026, 12, 15), False, "admin")
    gone = client.post(f"/admin/key-dates/{made_id}/delete")
    assert gone.status_code == 302
    assert client.get(f"/admin/key-dates/{made_id}").status_code == 404
    with app.app_context():
        assert db.session.get(calendar.KeyDate, made_id) is None
        actions = db.session.scalars(select(AuditLog.action).where(
            AuditLog.actor == "admin", AuditLog.action.like("key_date.%"))).all()
        assert sorted(actions) == ["key_date.create", "key_date.delete", "key_date.update"]


def test_a_month_takes_a_handful_of_queries_not_one_per_day(pinned_clock, app, users):
    for n in range(4):
        make_bulletin(app, to="approved", title=f"Hẹn {n}",
                      publish_at=f"2026-12-{n + 3:02d}T08:00:00+07:00")
    statements = []

    def count(conn, cursor, statement, *args):  # noqa: ANN001
        statements.append(statement)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            grid = calendar.month(db.session, 2026, 12)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    assert sum(e.kind == "scheduled" for d in grid.days for e in d.entries) == 4
    assert len(statements) <= 5, statements
