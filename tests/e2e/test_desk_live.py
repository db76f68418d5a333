"""Issue #17 items 3, 5, 6 in a real browser: the desk as commune staff live it.

An editor hears the preview (its player knows its length) and sends the bulletin for review;
the reviewer clears it; the leader finds two labelled reason boxes, reads what approval will
do, must tick the box, approves, and watches the audio become ready without reloading, then
follows the link to the public page. Every action says what happened.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot, sign_in, sign_out
from tests.e2e.shots import both_widths

TITLE = "Thông báo lịch thu gom rác thải tháng 12 tại các thôn"
BODY = ("Hợp tác xã môi trường thông báo lịch thu gom rác thải sinh hoạt tại các thôn trong "
        "tháng 12. Xe thu gom đi qua các thôn vào sáng thứ Hai, thứ Tư và thứ Sáu hằng tuần. "
        "Đề nghị các hộ gia đình để rác đúng nơi quy định trước bảy giờ sáng.")
CHECKLIST = ("Không có thông tin thuộc bí mật nhà nước",
             "Không có dữ liệu cá nhân khi chưa có sự đồng ý",
             "Thông tin đã được kiểm chứng", "Phù hợp để phát trên đài truyền thanh")


def said(page: Page, message: str) -> None:
    expect(page.locator("p.flash.success")).to_have_text(message)


def test_status_preview_actions_and_messages(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    page.goto(f"{live}/desk/new")
    page.get_by_label("Tiêu đề").fill(TITLE)
    page.get_by_label("Nội dung").fill(BODY)
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    # item 3: the preview player knows its length (preload=metadata), no empty 0:00 player
    page.wait_for_function(
        "() => { const a = document.querySelector('audio[data-preview]');"
        " return a && isFinite(a.duration) && a.duration > 0; }", timeout=90_000)
    seconds = page.locator("audio[data-preview]").evaluate("a => a.duration")
    assert 3 < seconds < 120, seconds
    expect(page.locator("#preview-note")).to_have_text(re.compile(r"Thời lượng: \d+:\d\d"))
    both_widths(page, "nghe-thu-thoi-luong")
    page.get_by_role("button", name="Gửi thẩm định").click()
    said(page, "Đã gửi thẩm định.")  # item 6
    sign_out(page)

    sign_in(page, live, "minh")
    page.get_by_role("link", name=TITLE).click()
    for box in CHECKLIST:
        page.get_by_label(box).check()
    page.get_by_role("button", name="Thông qua thẩm định").click()
    said(page, "Đã thông qua thẩm định, chờ lãnh đạo duyệt.")
    sign_out(page)

    sign_in(page, live, "dung")
    page.get_by_role("link", name=TITLE).click()
    bulletin_url = page.url
    # item 5: each reason box has its own name; approval says what it will do
    returning, rejecting = page.get_by_label("Lý do trả lại"), page.get_by_label("Lý do từ chối")
    expect(returning).to_have_attribute("id", "comment-return")
    expect(rejecting).to_have_attribute("id", "comment-reject")
    expect(page.get_by_role("group", name="Trả lại")).to_be_visible()
    expect(page.get_by_role("group", name="Từ chối")).to_be_visible()
    expect(page.locator("#approve-plan")).to_contain_text(
        "Bản tin được xuất bản ngay trên cổng thông tin điện tử và đài truyền thanh.")
    page.locator("form#approve").scroll_into_view_if_needed()
    both_widths(page, "lanh-dao-xac-nhan-phe-duyet")
    page.get_by_role("button", name="Phê duyệt").click()  # not ticked: the browser asks
    assert page.url == bulletin_url
    expect(page.locator(".badge.s-awaiting_approval")).to_be_visible()
    page.get_by_label("Tôi đã đọc và xác nhận phê duyệt").check()
    page.get_by_role("button", name="Phê duyệt").click()
    said(page, "Đã phê duyệt và xuất bản.")

    # item 3: the audio's state changes to ready on this page, without a reload
    label = page.locator("#audio [data-live-label]")
    first = label.inner_text()
    page.evaluate("window.__sameDocument = true")
    expect(label).to_have_text("Sẵn sàng", timeout=90_000)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    player = page.locator("#audio [data-live-player] audio")
    expect(player).to_have_count(1)
    page.wait_for_function(
        "() => { const a = document.querySelector('#audio [data-live-player] audio');"
        " return a && a.duration > 0; }", timeout=30_000)
    expect(page.locator("#audio [data-live-estimate]")).to_have_text("")
    public_audio = page.get_by_role("link", name="Nghe MP3 công khai")
    expect(public_audio).to_have_attribute("href", re.compile(r"^/audio/\d+/[0-9a-f]{16}\.mp3$"))
    both_widths(page, "lanh-dao-da-xuat-ban")
    print(f"audio state at load: {first!r}")  # shown with -s: was it caught while waiting?

    page.get_by_role("link", name="Xem trang công khai của bản tin").click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()

    page.goto(bulletin_url)
    page.get_by_label("Lý do gỡ xuống").fill("Lịch đã thay đổi")
    page.get_by_role("button", name="Gỡ bản tin").click()
    said(page, "Đã gỡ xuống.")


def test_status_changes_live_while_pending(live: str, page: Page) -> None:
    """A page opened while the audio waits shows the wait, then 'Sẵn sàng', in place."""
    sign_in(page, live, "hoa")
    page.goto(f"{live}/desk/new")
    page.get_by_label("Tiêu đề").fill(TITLE + " (bản 2)")
    page.get_by_label("Nội dung").fill(BODY + " " + BODY)
    page.get_by_role("button", name="Lưu nháp").click()
    page.get_by_role("button", name="Gửi thẩm định").click()
    expect(page.locator(".badge.s-in_review")).to_be_visible()
    sign_out(page)
    sign_in(page, live, "minh")
    page.get_by_role("link", name=TITLE + " (bản 2)").click()
    for box in CHECKLIST:
        page.get_by_label(box).check()
    page.get_by_role("button", name="Thông qua thẩm định").click()
    expect(page.locator(".badge.s-awaiting_approval")).to_be_visible()
    sign_out(page)
    sign_in(page, live, "dung")
    page.get_by_role("link", name=TITLE + " (bản 2)").click()
    page.get_by_label("Tôi đã đọc và xác nhận phê duyệt").check()
    page.get_by_role("button", name="Phê duyệt").click()
    label = page.locator("#audio [data-live-label]")
    if label.inner_text() != "Sẵn sàng":  # caught waiting (the usual case): the wait shows
        expect(page.locator("#audio [data-live-estimate]")).to_contain_text("khoảng")
        assert page.locator(".live[data-live-status]").count() == 1
        shot(page, "am-thanh-dang-cho")
    page.evaluate("window.__sameDocument = true")
    expect(label).to_have_text("Sẵn sàng", timeout=90_000)
    assert page.evaluate("window.__sameDocument === true")
    expect(page.locator("[data-live-until-audio]")).to_have_count(0)  # the link replaced it

    # a program's "Đang chờ dựng" turns "Sẵn sàng" on its page, without a reload
    sign_out(page)
    sign_in(page, live, "lan")
    page.goto(f"{live}/radio/")
    page.get_by_role("link", name="Lập chương trình").first.click()
    page.get_by_role("button", name="Lưu và dựng âm thanh").click()
    expect(page).to_have_url(re.compile(r"/radio/programs/\d+$"))
    page.wait_for_load_state()  # the flag below goes on the program's page, not the form's
    badge = page.locator("section.card .badge[data-live-class]").first
    first = badge.inner_text()
    page.evaluate("window.__sameDocument = true")
    expect(badge).to_have_text("Sẵn sàng", timeout=120_000)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    expect(page.locator("[data-live-player] audio")).to_have_count(1)
    expect(page.locator("[data-live-player] a", has_text="Tải MP3")).to_be_visible()
    both_widths(page, "chuong-trinh-da-dung")
    print(f"program state at load: {first!r}")
