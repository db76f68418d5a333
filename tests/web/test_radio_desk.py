"""The radio desk as the operator lives it (#17): the log form says why and keeps what was
typed, the home tells aired from ready and past from coming, tables name their columns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from lxml import html
from sqlalchemy import select

from app.extensions import db
from bulletins import clock
from bulletins.models import Slot
from bulletins.radio import broadcasts, programs, schedule
from tests.web.conftest import login, make_bulletin, user

NOTE = "Loa thôn 3 rè, đã báo kỹ thuật"


def _program(app, key: str = "sang", day_offset: int = 0) -> int:
    """A saved program of the seeded slot (sang 06:00, chieu 17:00) today, with one bulletin."""
    bid = make_bulletin(app, to="published", title="Lịch tiêm chủng tháng 12")
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == key))
        day = clock.local_today().fromordinal(clock.local_today().toordinal() + day_offset)
        program = programs.save_program(db.session, user("operator"), slot.id, day, [bid])
        db.session.commit()
        return program.id


def _field(page: html.HtmlElement, name: str) -> html.HtmlElement:
    """The .field block of the form control with this name."""
    control = page.xpath(f"//*[@name='{name}']")[0]
    return control.xpath("ancestor::div[contains(@class, 'field')][1]")[0]


def _errors(page: html.HtmlElement, name: str) -> list[str]:
    return [e.text_content() for e in _field(page, name).xpath(".//p[@class='error']")]


def test_log_form_offers_the_slot_start_when_past_else_now(app, client, users, pinned_clock):
    # FIXED_NOW is 17/11/2026 09:30 in Vietnam: the 06:00 slot is past, the 17:00 one to come
    morning, evening = _program(app, "sang"), _program(app, "chieu")
    login(client, "operator")
    for pid, expected in ((morning, "17/11/2026 06:00"), (evening, "17/11/2026 09:30")):
        page = html.fromstring(client.get(f"/radio/programs/{pid}").get_data(as_text=True))
        box = page.xpath("//input[@name='aired_at']")[0]
        assert (box.get("type"), box.get("value")) == ("text", expected)


# a text that is no date is refused by the form's box (the same words on every date box),
# a real date in the future or none at all by the service, as for the API; both re-show the
# time as dd/mm/yyyy HH:MM when it was read, else as typed
@pytest.mark.parametrize(("typed", "message", "shown"), [
    ("", "Cần giờ bắt đầu phát thực tế.", ""),
    ("25:99", "Ngày giờ không hợp lệ", "25:99"),
    ("2026-11-17T25:99", "Ngày giờ không hợp lệ", "2026-11-17T25:99"),
    ("2026-11-17T12:00", "Giờ phát không được ở tương lai", "17/11/2026 12:00"),
    ("17/11/2026 12:00", "Giờ phát không được ở tương lai", "17/11/2026 12:00"),
    ("2027-01-01T06:00", "Giờ phát không được ở tương lai", "01/01/2027 06:00"),
    ("3000-01-01T06:00", "Ngày giờ không hợp lệ", "3000-01-01T06:00"),
])
def test_a_refused_airing_says_why_next_to_the_field_and_keeps_the_note(
        app, client, users, pinned_clock, typed, message, shown):
    pid = _program(app)
    login(client, "operator")
    answer = client.post(f"/radio/programs/{pid}/broadcasts",
                         data={"outcome": "aired", "aired_at": typed, "note": NOTE})
    assert answer.status_code == 422
    page = html.fromstring(answer.get_data(as_text=True))
    assert any(message in e for e in _errors(page, "aired_at")), _errors(page, "aired_at")
    assert page.xpath("//textarea[@name='note']")[0].text_content().strip() == NOTE
    assert page.xpath("//input[@name='aired_at']")[0].get("value", "") == shown
    with app.app_context():
        assert broadcasts.program_log(db.session, pid) == []


def test_not_aired_without_a_reason_is_said_under_the_reason(app, client, users, pinned_clock):
    pid = _program(app)
    login(client, "operator")
    answer = client.post(f"/radio/programs/{pid}/broadcasts",
                         data={"outcome": "not_aired", "reason": "", "note": NOTE})
    page = html.fromstring(answer.get_data(as_text=True))
    assert answer.status_code == 422
    assert _errors(page, "reason") == ["Cần ghi lý do không phát."]
    checked = page.xpath("//input[@name='outcome'][@checked]")[0]
    assert checked.get("value") == "not_aired"


def test_a_good_airing_is_logged_and_named_by_the_display_name(app, client, users,
                                                               pinned_clock):
    pid = _program(app)
    with app.app_context():
        user("operator").display_name = "Lê Thị Lan"
        db.session.commit()
    login(client, "operator")
    saved = client.post(f"/radio/programs/{pid}/broadcasts",
                        data={"outcome": "aired", "aired_at": "17/11/2026 06:02", "note": NOTE})
    assert saved.status_code == 302
    for url in (f"/radio/programs/{pid}", "/radio/log"):
        text = client.get(url).get_data(as_text=True)
        assert "Lê Thị Lan" in text and ">operator " not in text, url
    assert "Lê Thị Lan" in client.get("/radio/log.csv").get_data(as_text=True)


def test_an_evening_airing_of_tomorrows_program_is_in_tonights_log(app, client, users,
                                                                   pinned_clock):
    # after the 17:00 slot the next program to build is tomorrow's 06:00; played tonight, it
    # is in tonight's log (the day it aired), and a not-aired entry stays on its program's day
    pinned_clock.move_to(clock.local_midnight(clock.local_today()) + timedelta(hours=20))
    tonight = clock.local_today()
    tomorrow, later = _program(app, "sang", day_offset=1), _program(app, "chieu", day_offset=2)
    login(client, "operator")
    aired_at = f"{tonight:%d/%m/%Y} 19:55"
    assert client.post(f"/radio/programs/{tomorrow}/broadcasts", data={
        "outcome": "aired", "aired_at": aired_at, "note": NOTE}).status_code == 302
    assert client.post(f"/radio/programs/{later}/broadcasts", data={
        "outcome": "not_aired", "reason": "Mất điện cả thôn"}).status_code == 302
    log = client.get("/radio/log").get_data(as_text=True)  # the last 30 days up to today
    assert NOTE in log and aired_at in log and "Mất điện cả thôn" not in log
    rows = client.get("/radio/log.csv").get_data(as_text=True)
    assert NOTE in rows and "Mất điện cả thôn" not in rows
    day = f"{tonight + timedelta(days=2):%d/%m/%Y}"
    ahead = f"/radio/log?from={day}&to={day}"
    assert "Mất điện cả thôn" in client.get(ahead).get_data(as_text=True)
    assert NOTE not in client.get(ahead).get_data(as_text=True)


def test_the_api_refusal_carries_the_same_specific_message(app, api, pinned_clock):
    pid = _program(app)
    url = f"/api/v1/programs/{pid}/broadcasts"
    future = api("operator").post(url, json={"aired_at": "2026-11-17T12:00:00+07:00"})
    assert future.status_code == 422
    error = future.json["error"]
    assert error["fields"]["aired_at"].startswith("Giờ phát không được ở tương lai")
    assert error["fields"]["aired_at"] in error["message"]
    bad = api("operator").post(url, json={"aired_at": "2026-11-17T25:99"})
    assert bad.status_code == 422 and "Giờ phát không hợp lệ" in bad.json["error"]["message"]


def _card(page: html.HtmlElement, starts: str) -> html.HtmlElement:
    """The home's card of the occurrence starting at this local dd/mm/yyyy HH:MM."""
    cards = [c for c in page.xpath("//li[contains(@class, 'program')]")
             if c.xpath("./strong")[0].text_content() == starts]
    assert len(cards) == 1, starts
    return cards[0]


def test_home_tells_aired_from_ready_and_not_aired_with_its_reason(app, client, users,
                                                                   pinned_clock):
    aired, evening = _program(app, "sang"), _program(app, "chieu")
    login(client, "operator")
    client.post(f"/radio/programs/{aired}/broadcasts",
                data={"outcome": "aired", "aired_at": "2026-11-17T06:03"})
    client.post(f"/radio/programs/{evening}/broadcasts",
                data={"outcome": "not_aired", "reason": "Mất điện toàn xã"})
    page = html.fromstring(client.get("/radio/").get_data(as_text=True))
    morning_card = _card(page, "17/11/2026 06:00")
    assert "Đã phát 17/11/2026 06:03" in " ".join(morning_card.text_content().split())
    evening_card = _card(page, "17/11/2026 17:00")
    assert "Không phát" in evening_card.text_content()
    assert "Mất điện toàn xã" in evening_card.text_content()
    for card in (morning_card, evening_card):  # the build state is no longer the news
        assert not card.xpath(".//span[contains(@class, 'ps-')]")


def test_a_program_past_its_slot_and_not_logged_asks_for_the_log(app, client, users,
                                                                 pinned_clock):
    _program(app, "sang")
    login(client, "operator")
    card = _card(html.fromstring(client.get("/radio/").get_data(as_text=True)),
                 "17/11/2026 06:00")
    assert "Đã qua giờ, chưa ghi nhật ký" in card.text_content()


def test_a_past_slot_offers_no_building_on_the_home(app, client, users, pinned_clock):
    make_bulletin(app, to="published", title="Thông báo nộp thuế")
    login(client, "operator")
    page = html.fromstring(client.get("/radio/").get_data(as_text=True))
    morning = _card(page, "17/11/2026 06:00")  # 06:00–06:30, before 09:30
    assert "Đã qua, không có chương trình" in morning.text_content()
    assert not morning.xpath(".//a[contains(@href, '/radio/slot/')]")
    assert "Gợi ý" not in morning.text_content()
    coming = _card(page, "17/11/2026 17:00")
    assert coming.xpath(".//a[contains(@href, '/radio/slot/')]")


def test_every_radio_table_cell_names_its_column_and_the_total_is_server_side(
        app, client, users, pinned_clock):
    first = make_bulletin(app, to="published", title="Tin một", body="Nội dung một. " * 30)
    make_bulletin(app, to="published", title="Tin hai", body="Nội dung hai. " * 60)
    pid = _program(app)
    login(client, "operator")
    client.post(f"/radio/programs/{pid}/broadcasts",
                data={"outcome": "aired", "aired_at": "2026-11-17T06:01"})
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "chieu"))
    editor = f"/radio/slot/{slot.id}/2026-11-17"
    for url in (editor, f"/radio/programs/{pid}", "/radio/log"):
        page = html.fromstring(client.get(url).get_data(as_text=True))
        cells = page.xpath("//table//td")
        assert cells, url
        assert all(td.get("data-label") for td in cells), url
    page = html.fromstring(client.get(editor).get_data(as_text=True))
    boxes = page.xpath("//input[starts-with(@name, 'pos-')]")
    assert boxes and all(b.get("inputmode") == "numeric" for b in boxes)
    chosen = [int(r.get("data-seconds")) for r in page.xpath("//tr[@data-seconds]")
              if r.xpath(".//input[@name='keep'][@checked]")]
    total = page.xpath("//*[@id='order-total']")[0]
    seconds = round(sum(chosen) + schedule.FRAME_SECONDS)
    assert total.xpath(".//strong")[0].text_content() == f"{seconds // 60}:{seconds % 60:02d}"
    assert total.get("data-target") == str(slot.target_minutes * 60) and first
    assert page.xpath("//script[@src]/@src") and not page.xpath("//script[not(@src)]")


def test_slot_table_cells_are_labelled_for_the_admin(app, client, users):
    login(client, "admin")
    page = html.fromstring(client.get("/radio/slots").get_data(as_text=True))
    cells = page.xpath("//table//td")
    assert cells and all(td.get("data-label") for td in cells)
