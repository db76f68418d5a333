"""Every date on the staff's pages is a dd/mm/yyyy text box (#17): the browser's own date
widgets showed an English Chrome's mm/dd/yyyy and AM/PM beside our dd/mm/yyyy.

Each box takes dd/mm/yyyy (ISO too, for old links and clients), refuses what is no day Loa
schedules in with the page's words under the box (never a 500), and shows a date it read
again as dd/mm/yyyy.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

import pytest
from lxml import html
from sqlalchemy import func, select

from app.extensions import db
from bulletins import clock
from bulletins.models import Bulletin, Slot
from bulletins.radio import broadcasts, programs
from bulletins.reporting import calendar
from tests.web.conftest import login, make_bulletin, user

BAD_DAYS = ["31/02/2026", "32/13/2026", "1/1/0001", "9" * 5000]
DAY_WORDS, MOMENT_WORDS = "Ngày không hợp lệ", "Ngày giờ không hợp lệ"
BULLETIN = {"title": "Thông báo lịch tiêm chủng", "body": "Trạm Y tế xã thông báo lịch tiêm.",
            "topic": "", "unit": "", "channels": ["radio", "web"], "language": "vi",
            "priority": "normal", "airings_wanted": "1"}
MOMENTS = ("publish_at", "expire_at", "aired_at")


def _page(response) -> html.HtmlElement:
    assert response.status_code < 500, response.status_code
    return html.fromstring(response.get_data(as_text=True))


def _box(page: html.HtmlElement, name: str) -> html.HtmlElement:
    (box,) = page.xpath(f"//input[@name='{name}']")
    return box


def _said(page: html.HtmlElement, name: str) -> list[str]:
    """The messages in the box's own .field block."""
    field = _box(page, name).xpath("ancestor::div[contains(@class, 'field')][1]")[0]
    return [p.text_content() for p in field.xpath(".//p[@class='error']")]


def _bad(name: str, text: str) -> str:
    """A bad day as typed into this box: with a time of day in a date-time box."""
    return f"{text} 06:00" if name in MOMENTS and len(text) < 100 else text


def assert_refused(page: html.HtmlElement, name: str, typed: str) -> None:
    """One message in the page's language under the box, the box marked and pointing at it,
    what was typed kept (a long paste clipped)."""
    words = MOMENT_WORDS if name in MOMENTS else DAY_WORDS
    said = _said(page, name)
    assert len(said) == 1 and said[0].startswith(words), said
    box = _box(page, name)
    assert box.get("type") == "text" and box.get("aria-invalid") == "true"
    assert box.get("aria-describedby").split() == [f"{box.get('id')}-hint",
                                                   f"{box.get('id')}-error"]
    assert page.xpath(f"//*[@id='{box.get('id')}-error']")[0].text_content() == said[0]
    assert box.get("value") == typed[:100]


def assert_box(page: html.HtmlElement, name: str, value: str) -> None:
    """A text box (no browser date widget) showing value, its hint named by the box."""
    box = _box(page, name)
    moment = name in MOMENTS
    assert (box.get("type"), box.get("value")) == ("text", value)
    assert box.get("placeholder") == ("dd/mm/yyyy HH:MM" if moment else "dd/mm/yyyy")
    assert box.get("inputmode") and box.get("pattern") and box.get("aria-invalid") is None
    hint = page.xpath(f"//*[@id='{box.get('aria-describedby')}']")[0].text_content()
    assert ("dd/mm/yyyy HH:MM" if moment else "dd/mm/yyyy") in hint and "05/12/2026" in hint


# -- the editor's bulletin form ---------------------------------------------------------


def test_bulletin_dates_are_typed_as_people_write_them(app, client, users, pinned_clock):
    login(client, "editor")
    new = _page(client.get("/desk/new"))
    for name in ("publish_at", "expire_at", "air_from", "air_until"):
        assert_box(new, name, "")
    saved = client.post("/desk/new", data={
        **BULLETIN, "publish_at": "05/12/2026 07:00", "expire_at": "2026-12-06T07:30",
        "air_from": "2026-12-05", "air_until": "7/12/2026"})
    assert saved.status_code == 302, saved.get_data(as_text=True)[:2000]
    with app.app_context():
        made = db.session.scalars(select(Bulletin)).one()
        bid = made.id
        # Vietnam time typed, UTC stored
        assert (made.publish_at, made.expire_at) == (datetime(2026, 12, 5, 0, 0),
                                                      datetime(2026, 12, 6, 0, 30))
        assert (made.air_from, made.air_until) == (date(2026, 12, 5), date(2026, 12, 7))
    # the edit form shows them again in Vietnam time, not the stored UTC
    edit = _page(client.get(f"/desk/b/{bid}/edit"))
    for name, value in (("publish_at", "05/12/2026 07:00"), ("expire_at", "06/12/2026 07:30"),
                        ("air_from", "05/12/2026"), ("air_until", "07/12/2026")):
        assert_box(edit, name, value)


def test_a_refused_bulletin_shows_iso_dates_again_as_dd_mm_yyyy(app, client, users,
                                                               pinned_clock):
    login(client, "editor")
    page = _page(client.post("/desk/new", data={
        **BULLETIN, "title": "", "publish_at": "2026-12-05T07:00",
        "expire_at": "06/12/2026  7:05", "air_from": "2026-12-05", "air_until": ""}))
    assert _said(page, "title")  # refused for its title, not for its dates
    assert_box(page, "publish_at", "05/12/2026 07:00")
    assert_box(page, "expire_at", "06/12/2026 07:05")
    assert_box(page, "air_from", "05/12/2026")
    assert_box(page, "air_until", "")


@pytest.mark.parametrize("name", ["publish_at", "expire_at", "air_from", "air_until"])
@pytest.mark.parametrize("text", BAD_DAYS, ids=["31-02", "32-13", "year-1", "5000-chars"])
def test_a_bulletin_date_that_is_no_day_is_said_under_its_box(app, client, users, name, text):
    login(client, "editor")
    typed = _bad(name, text)
    page = _page(client.post("/desk/new", data={**BULLETIN, name: typed}))
    assert_refused(page, name, typed)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Bulletin)) == 0


@pytest.mark.parametrize("typed", ["05/12/2026 25:00", "05/12/2026 07:60", "05/12/2026",
                                   "2026-12-05 07:00:00.5", "٠٥/١٢/٢٠٢٦ 07:00"])
def test_a_date_time_needs_a_real_time_of_day(app, client, users, typed):
    login(client, "editor")
    page = _page(client.post("/desk/new", data={**BULLETIN, "publish_at": typed}))
    assert_refused(page, "publish_at", typed)


def test_the_message_follows_the_page_language(app, client, users):
    login(client, "editor")
    client.post("/lang/en")
    page = _page(client.post("/desk/new", data={**BULLETIN, "air_from": "31/02/2026"}))
    said = _said(page, "air_from")
    assert said == ["Not a valid date: type a real date as dd/mm/yyyy, year 2000–2199 "
                    "(for example 05/12/2026)."]
    assert "A date as dd/mm/yyyy" in page.xpath("//*[@id='air_from-hint']")[0].text_content()


# -- the admin's key dates ---------------------------------------------------------------


@pytest.mark.parametrize("typed", ["15/03/2026", "2026-03-15", " 15/3/2026 "])
def test_a_key_date_takes_dd_mm_yyyy_and_iso(app, client, users, typed):
    login(client, "admin")
    assert_box(_page(client.get("/admin/key-dates")), "day", "")
    saved = client.post("/admin/key-dates", data={"title": "Lễ hội làng", "day": typed,
                                                  "kind": "local"})
    assert saved.status_code == 302
    with app.app_context():
        made = db.session.scalar(select(calendar.KeyDate).where(
            calendar.KeyDate.title == "Lễ hội làng"))
        assert made.day == date(2026, 3, 15)
    assert_box(_page(client.get(f"/admin/key-dates/{made.id}")), "day", "15/03/2026")


@pytest.mark.parametrize("text", BAD_DAYS, ids=["31-02", "32-13", "year-1", "5000-chars"])
def test_a_key_date_that_is_no_day_is_said_under_its_box(app, client, users, text):
    login(client, "admin")
    page = _page(client.post("/admin/key-dates", data={"title": "Lễ hội làng", "day": text,
                                                       "kind": "local"}))
    assert_refused(page, "day", text)  # one message: not "required" on top of it
    with app.app_context():
        assert db.session.scalar(select(calendar.KeyDate).where(
            calendar.KeyDate.title == "Lễ hội làng")) is None


# -- the operator's broadcast log form --------------------------------------------------


def _program(app) -> int:
    """Today's program of the seeded 06:00 slot, with one bulletin."""
    bid = make_bulletin(app, to="published", title="Lịch tiêm chủng tháng 12")
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "sang"))
        found = programs.save_program(db.session, user("operator"), slot.id,
                                      clock.local_today(), [bid])
        db.session.commit()
        return found.id


@pytest.mark.parametrize("typed", ["17/11/2026 06:02", "2026-11-17T06:02", "17/11/2026 6:02"])
def test_an_airing_time_takes_dd_mm_yyyy_hh_mm_and_iso(app, client, users, pinned_clock,
                                                      typed):
    pid = _program(app)
    login(client, "operator")
    # FIXED_NOW is 17/11/2026 09:30 in Vietnam: the form offers the slot's start
    assert_box(_page(client.get(f"/radio/programs/{pid}")), "aired_at", "17/11/2026 06:00")
    saved = client.post(f"/radio/programs/{pid}/broadcasts",
                        data={"outcome": "aired", "aired_at": typed})
    assert saved.status_code == 302
    with app.app_context():
        (entry,) = broadcasts.program_log(db.session, pid)
        assert entry.aired_at == datetime(2026, 11, 16, 23, 2)  # 06:02 in Vietnam, in UTC
    assert_box(_page(client.get(f"/radio/programs/{pid}")), "aired_at", "17/11/2026 06:02")


@pytest.mark.parametrize("text", BAD_DAYS, ids=["31-02", "32-13", "year-1", "5000-chars"])
def test_an_airing_time_that_is_no_day_is_said_under_its_box(app, client, users,
                                                            pinned_clock, text):
    pid = _program(app)
    login(client, "operator")
    typed = _bad("aired_at", text)
    answer = client.post(f"/radio/programs/{pid}/broadcasts",
                         data={"outcome": "aired", "aired_at": typed, "note": "Loa rè"})
    assert answer.status_code == 422
    assert_refused(_page(answer), "aired_at", typed)
    with app.app_context():
        assert broadcasts.program_log(db.session, pid) == []


# -- the filters of the search, the report and the broadcast log ------------------------

FILTERS = [("/desk/all?q=thong&", "editor"), ("/desk/report?", "editor"),
           ("/radio/log?", "operator")]


@pytest.mark.parametrize(("url", "who"), FILTERS, ids=["search", "report", "log"])
def test_filter_dates_take_dd_mm_yyyy_and_iso_and_show_dd_mm_yyyy(app, client, users, url,
                                                                 who):
    make_bulletin(app)
    login(client, who)
    for query in ("from=05/11/2026&to=2026-11-20", "from=2026-11-05&to=20/11/2026"):
        page = _page(client.get(url + query))
        assert not page.xpath("//p[@class='error']") and not page.xpath(
            "//*[contains(@class, 'flash error')]"), query
        assert_box(page, "from", "05/11/2026")
        assert_box(page, "to", "20/11/2026")
        assert not page.xpath("//input[@type='date' or @type='datetime-local']")


@pytest.mark.parametrize(("url", "who"), FILTERS, ids=["search", "report", "log"])
@pytest.mark.parametrize("name", ["from", "to"])
@pytest.mark.parametrize("text", BAD_DAYS, ids=["31-02", "32-13", "year-1", "5000-chars"])
def test_a_filter_date_that_is_no_day_is_said_under_its_box(app, client, users, url, who,
                                                            name, text):
    login(client, who)
    other = "to" if name == "from" else "from"
    response = client.get(url + urlencode({name: text, other: "2026-11-05"}))
    assert response.status_code == 200
    page = _page(response)
    assert_refused(page, name, text)
    assert_box(page, other, "05/11/2026")  # the good one read, shown as people write it


def test_a_reversed_search_range_is_said_under_the_end(app, client, users):
    login(client, "editor")
    page = _page(client.get("/desk/all?q=thong&from=02/03/2026&to=01/03/2026"))
    assert _said(page, "to") == ["Từ ngày phải trước hoặc bằng đến ngày."]
    assert _box(page, "from").get("value") == "02/03/2026"
