"""The radio desk as the commune's operator lives it (#17 items 1, 8 and the radio tables of 9).

Lan opens a program whose slot has passed: the log form offers the slot's start; a time
cleared or in the future is refused with the reason beside the field and her note kept;
once logged, her home says "Đã phát" with the time, a slot that passed without a program
says so and offers no building, the log names her as the program page does. On a 375 px
phone every cell of the radio tables names its column, the order boxes take a finger, and
the running total follows her ticks.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins import accounts, clock, seed, services
from bulletins.models import Slot
from bulletins.radio import programs
from tests.e2e.conftest import PASSWORD, STAFF, shot, sign_in, sign_out
from tests.serve import served

pytestmark = pytest.mark.e2e

NOTE = "Loa thôn 3 rè, đã báo anh Tuấn kỹ thuật"
PHONE = {"width": 375, "height": 812}
WIDE = {"width": 1200, "height": 900}


class Desk:
    """The served Loa and what the setup made: the slots' names and today's times."""

    def __init__(self, base: str, today: date, past: datetime, coming: datetime) -> None:
        self.base, self.today, self.past, self.coming = base, today, past, coming


def _user(name: str):
    found = accounts.find_user(db.session, name)
    assert found is not None
    return found


def _published(title: str, body: str) -> int:
    made = services.create_bulletin(db.session, _user("hoa"), {
        "title": title, "body": body, "topic": "thong-bao-chung", "channels": ["web", "radio"]})
    db.session.commit()
    for action, who in (("submit", "hoa"), ("clear", "minh"), ("approve", "dung")):
        services.perform(db.session, _user(who), made.id, action, comment="đồng ý")
        db.session.commit()
    return made.id


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Iterator[Desk]:
    """Loa served, with slots placed around the real time of the run (the browser's clock)."""
    now = clock.local_time(clock.utcnow()).replace(second=0, microsecond=0, tzinfo=None)
    midnight = datetime.combine(now.date(), datetime.min.time())
    if now - midnight < timedelta(minutes=3):
        pytest.skip("too close to midnight in Vietnam for a slot that has passed today")
    last = midnight + timedelta(hours=23, minutes=59)
    if last - now < timedelta(minutes=10):
        pytest.skip("too close to midnight in Vietnam for a slot still to come today")
    past = max(now - timedelta(hours=5), midnight)
    length = max(1, min(30, int((now - past).total_seconds() // 60) - 1))
    # still today: after 22:00 in Vietnam two hours on would be tomorrow's card
    coming = min(now + timedelta(hours=2), last)
    app = create_app(config_for_tests(tmp_path_factory.mktemp("desk-radio"),
                                      os.environ.get("LOA_TEST_DATABASE_URL")))
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed.seed_lists(db.session)
        for name, (roles, display_name) in STAFF.items():
            accounts.create_user(db.session, None, name, roles, PASSWORD, display_name)
        db.session.commit()
        admin = _user("admin")
        for slot in db.session.scalars(select(Slot)).all():  # only the run's own slots
            programs.save_slot(db.session, admin, slot.id, {
                "name": slot.name, "time_of_day": slot.time_of_day, "weekdays": list(
                    slot.weekdays), "target_minutes": slot.target_minutes, "active": False})
        made = {}
        for name, at, minutes in (("Khung đã phát", past, length), ("Khung bị lỡ", past, length),
                                  ("Khung sắp tới", coming, 30)):
            made[name] = programs.save_slot(db.session, admin, None, {
                "name": name, "time_of_day": f"{at:%H:%M}", "weekdays": list("0123456"),
                "target_minutes": minutes, "active": True}).id
        db.session.commit()
        first = _published("Lịch tiêm chủng mở rộng tháng 12",
                           "Trạm Y tế xã tiêm chủng cho trẻ dưới một tuổi sáng thứ Bảy. " * 3)
        _published("Thông báo thu thuế sử dụng đất phi nông nghiệp",
                   "Đề nghị các hộ nộp thuế tại bộ phận một cửa trước ngày 20/12. " * 4)
        _published("Lịch cắt điện thôn Đông", "Điện lực cắt điện từ 7 giờ đến 11 giờ. " * 2)
        programs.save_program(db.session, _user("lan"), made["Khung đã phát"], now.date(),
                              [first])
        db.session.commit()
    with served(app, threads=4) as base:
        yield Desk(base, now.date(), past, coming)
    with app.app_context():
        db.engine.dispose()


def _card(page: Page, desk: Desk, slot_name: str):
    """Today's card of a slot on the operator's home."""
    return (page.locator("li.card.program").filter(has_text=f"{desk.today:%d/%m/%Y}")
            .filter(has_text=slot_name))


def _field_errors(page: Page, name: str):
    return page.locator(f"div.field:has([name='{name}']) p.error")


def test_logging_an_airing_says_why_and_the_home_stays_current(desk: Desk, page: Page) -> None:
    sign_in(page, desk.base, "lan")
    page.goto(f"{desk.base}/radio/")
    done, missed = _card(page, desk, "Khung đã phát"), _card(page, desk, "Khung bị lỡ")
    expect(done).to_contain_text("Đã qua giờ, chưa ghi nhật ký")
    expect(missed).to_contain_text("Đã qua, không có chương trình")  # item 8: past, not built
    expect(missed.get_by_role("link", name="Lập chương trình")).to_have_count(0)
    expect(missed).not_to_contain_text("Gợi ý")
    expect(_card(page, desk, "Khung sắp tới").get_by_role("link", name="Lập chương trình")
           ).to_be_visible()
    shot(page, "desk-radio-home-before", full_page=True)

    done.get_by_role("link", name="Mở chương trình").click()
    when = page.get_by_label("Giờ bắt đầu thực tế (giờ Việt Nam)")
    expect(when).to_have_value(f"{desk.past:%d/%m/%Y %H:%M}")  # item 1: the slot's start
    when.fill("")
    page.get_by_label("Ghi chú").fill(NOTE)
    page.get_by_role("button", name="Ghi vào nhật ký").click()
    expect(_field_errors(page, "aired_at")).to_have_text("Cần giờ bắt đầu phát thực tế.")
    expect(page.get_by_label("Ghi chú")).to_have_value(NOTE)
    future = datetime.combine(desk.today, datetime.min.time()) + timedelta(days=1, hours=8)
    page.get_by_label("Giờ bắt đầu thực tế (giờ Việt Nam)").fill(f"{future:%d/%m/%Y %H:%M}")
    page.get_by_role("button", name="Ghi vào nhật ký").click()
    expect(_field_errors(page, "aired_at")).to_contain_text("Giờ phát không được ở tương lai")
    expect(page.get_by_label("Ghi chú")).to_have_value(NOTE)
    expect(page.get_by_label("Giờ bắt đầu thực tế (giờ Việt Nam)")).to_have_value(
        f"{future:%d/%m/%Y %H:%M}")
    shot(page, "desk-radio-log-refused", full_page=True)

    aired = desk.past + timedelta(minutes=1)
    page.get_by_label("Giờ bắt đầu thực tế (giờ Việt Nam)").fill(f"{aired:%d/%m/%Y %H:%M}")
    page.get_by_role("button", name="Ghi vào nhật ký").click()
    expect(page.get_by_text("Đã ghi nhật ký phát sóng.")).to_be_visible()
    expect(page.locator("td[data-label='Người ghi']")).to_contain_text("Lê Thị Lan")
    expect(page.locator(".badge.airing-aired")).to_have_text(f"Đã phát {aired:%d/%m/%Y %H:%M}")

    page.goto(f"{desk.base}/radio/")
    expect(done.locator(".badge.airing-aired")).to_have_text(f"Đã phát {aired:%d/%m/%Y %H:%M}")
    expect(done).not_to_contain_text("Sẵn sàng")
    shot(page, "desk-radio-home-after", full_page=True)
    page.get_by_role("link", name="Nhật ký phát sóng").click()
    who = page.locator("td[data-label='Người ghi']")
    expect(who).to_contain_text("Lê Thị Lan")
    expect(who).not_to_contain_text("lan ·")


def _cells_name_their_columns(page: Page) -> int:
    """Every td's column name, as the phone layout shows it before the value; the count."""
    # computed styles only once the page's stylesheet is in: a table can be visible before the
    # load event, and a loaded CI machine read "none" there (the +400-day run of ff0ffe6)
    page.wait_for_load_state("load")
    cells = page.evaluate("""() => [...document.querySelectorAll('main td')].map(td => ({
        label: td.getAttribute('data-label') || '',
        shown: getComputedStyle(td, '::before').content,
        text: td.innerText.slice(0, 40)}))""")
    bare = [c for c in cells if not c["label"].strip() or c["shown"] in ("none", "normal", "")]
    assert not bare, bare
    return len(cells)


def test_radio_tables_on_a_phone(desk: Desk, page: Page) -> None:
    """Runs after the journey above, whose logged airing fills the log tables."""
    sign_in(page, desk.base, "lan")
    page.set_viewport_size(PHONE)
    page.goto(f"{desk.base}/radio/")
    _card(page, desk, "Khung sắp tới").get_by_role("link", name="Lập chương trình").click()
    expect(page.locator("table.order")).to_be_visible()
    assert _cells_name_their_columns(page) >= 3 * 6
    for box in page.locator("input[name^='pos-']").all():
        size = box.bounding_box()
        assert size and size["height"] >= 40 and size["width"] >= 40, size
        assert box.get_attribute("inputmode") == "numeric"
    shot(page, "desk-radio-order-375", full_page=True)

    total = page.locator("#order-total .order-total-value")
    rows = page.locator("table.order tbody tr")
    ticked = [rows.nth(n).locator("input[name=keep]").is_checked() for n in range(rows.count())]
    seconds = [int(rows.nth(n).get_attribute("data-seconds")) for n in range(rows.count())]
    frame = int(page.locator("#order-total").get_attribute("data-frame"))
    flip = ticked.index(True) if True in ticked else 0  # untick the first chosen, or tick one
    ticked[flip] = not ticked[flip]
    chosen = [s for s, on in zip(seconds, ticked, strict=True) if on]
    left = sum(chosen) + frame if chosen else 0
    before = total.inner_text()
    rows.nth(flip).locator("input[name=keep]").click()
    expect(total).to_have_text(f"{left // 60}:{left % 60:02d}")  # computed by our JS file
    assert total.inner_text() != before

    page.set_viewport_size(WIDE)
    shot(page, "desk-radio-order-1200", full_page=True)
    page.goto(f"{desk.base}/radio/log?from={desk.today:%Y-%m-%d}&to={desk.today:%Y-%m-%d}")
    page.get_by_role("link", name="Chương trình phát thanh").first.click()
    page.wait_for_url(re.compile(r".*/radio/programs/\d+$"))  # not the log page still unloading
    page.set_viewport_size(PHONE)
    assert _cells_name_their_columns(page) >= 6  # the program's own log
    shot(page, "desk-radio-program-375", full_page=True)
    page.set_viewport_size(WIDE)
    shot(page, "desk-radio-program-1200", full_page=True)
    page.goto(f"{desk.base}/radio/log")
    page.set_viewport_size(PHONE)
    assert _cells_name_their_columns(page) >= 7
    shot(page, "desk-radio-log-375", full_page=True)
    page.goto(f"{desk.base}/radio/")
    _cells_name_their_columns(page)
    shot(page, "desk-radio-home-375", full_page=True)
    page.set_viewport_size(WIDE)  # on a phone the menu folds behind "☰ Menu"
    sign_out(page)

    sign_in(page, desk.base, "admin")
    page.set_viewport_size(PHONE)
    page.goto(f"{desk.base}/radio/slots")
    assert _cells_name_their_columns(page) >= 5 * 6
    shot(page, "desk-radio-slots-375", full_page=True)
