"""The reviewer's desk as staff live it (issue #17, items 2 and 11), in Debian's chromium."""

from __future__ import annotations

import re

import feedparser
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in, sign_out
from tests.e2e.shots import both_widths

pytestmark = pytest.mark.e2e

CHECKLIST = ("Không có thông tin thuộc bí mật nhà nước",
             "Không có dữ liệu cá nhân khi chưa có sự đồng ý",
             "Thông tin đã được kiểm chứng", "Phù hợp để phát trên đài truyền thanh")
PHONE = "0912 345 678"
LONG = ("Ủy ban nhân dân xã thông báo lịch thu gom rác thải sinh hoạt trên địa bàn các thôn.\n"
        + "Các hộ gia đình để rác đúng nơi quy định trước bảy giờ sáng hằng ngày. " * 6)


def draft(page: Page, live: str, title: str, body: str, summary: str = "",
          priority: str = "normal", submit: bool = True) -> str:
    """An editor writes (and sends for review) a bulletin through the form; its page's URL."""
    page.goto(f"{live}/desk/new")
    page.get_by_label("Tiêu đề").fill(title)
    if summary:
        page.get_by_label("Tóm tắt").fill(summary)
    page.get_by_label("Nội dung").fill(body)
    page.get_by_label("Chủ đề").select_option("thong-bao-chung")
    page.get_by_label("Mức độ").select_option(priority)
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("Đã lưu bản nháp.")).to_be_visible()
    if submit:
        page.get_by_role("button", name="Gửi thẩm định").click()
        expect(page.locator(".badge.s-in_review")).to_be_visible()
    return page.url



def test_must_fix_sends_the_bulletin_back_with_the_finding(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    url = draft(page, live, "Thông báo nhận quà Tết", f"Liên hệ anh Nam {PHONE} để nhận quà.")
    sign_out(page)

    sign_in(page, live, "minh")
    page.goto(f"{live}/desk/review")
    row = page.locator("tr", has=page.get_by_role("link", name="Thông báo nhận quà Tết"))
    expect(row.locator(".badge.f-count-block")).to_have_text("1 chặn")
    page.goto(url)
    expect(page.locator("#findings h2")).to_contain_text("1 chưa xử lý / 1")
    for label in CHECKLIST:  # the ticks, then a clearance the open finding refuses
        page.get_by_label(label).check()
    page.get_by_role("button", name="Thông qua thẩm định").click()
    expect(page.get_by_text("phát hiện nghiêm trọng chưa xử lý")).to_be_visible()
    for label in CHECKLIST:
        expect(page.get_by_label(label)).to_be_checked()
    both_widths(page, "tham-dinh-tu-choi-giu-dau")
    page.get_by_placeholder("Ghi chú lý do (bắt buộc)").fill("Số điện thoại riêng, bỏ đi")
    page.get_by_role("button", name="Phải sửa").click()
    expect(page.get_by_text("Đã trả bản tin về tác giả để sửa.")).to_be_visible()
    expect(page.locator(".badge.s-draft")).to_be_visible()
    expect(page.locator("#findings h2")).to_contain_text("0 chưa xử lý / 1")
    expect(page.locator("#history")).to_contain_text("Phát hiện phải sửa")
    expect(page.locator("#history")).to_contain_text("Số điện thoại riêng, bỏ đi")
    both_widths(page, "tham-dinh-phai-sua")
    sign_out(page)

    sign_in(page, live, "hoa")
    page.goto(f"{live}/desk/editor")
    returned = page.locator("blockquote.returned").first
    expect(returned).to_contain_text(PHONE)
    expect(returned).to_contain_text("Số điện thoại riêng, bỏ đi")
    page.goto(url)
    expect(page.locator(".findings li.confirmed")).to_contain_text("Phải sửa")
    both_widths(page, "bien-tap-bi-tra-phai-sua")
    sign_out(page)


def test_queue_order_summary_clean_scan_feeds_and_log(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    draft(page, live, "Tin thường cũ", "Họp thôn vào tối thứ bảy tại nhà văn hóa.")
    draft(page, live, "Tin ưu tiên", "Lịch cắt điện ngày mai.", priority="priority")
    draft(page, live, "Tin khẩn cấp", "Nước lũ dâng cao, sơ tán ngay.", priority="emergency")
    clean = draft(page, live, "Thu gom rác thải", LONG,
                  summary="Lịch thu gom rác mới từ tháng 12.")
    sign_out(page)

    sign_in(page, live, "minh")
    page.goto(f"{live}/desk/review")
    titles = page.locator("table.list tbody tr td:nth-child(2) a").all_inner_texts()
    wanted = ["Tin khẩn cấp", "Tin ưu tiên", "Tin thường cũ", "Thu gom rác thải"]
    assert [t for t in titles if t in wanted] == wanted, titles
    both_widths(page, "tham-dinh-hang-doi-uu-tien")
    page.goto(clean)
    expect(page.locator("#findings")).to_contain_text("Không phát hiện vấn đề")
    expect(page.locator(".part-label")).to_have_text(["Tóm tắt", "Nội dung"])
    order = page.locator(".scantext").all_inner_texts()
    assert order[1].startswith("Lịch thu gom rác mới") and order[2].startswith("Ủy ban"), order
    both_widths(page, "tham-dinh-tom-tat-sach")
    for box in CHECKLIST:
        page.get_by_label(box).check()
    page.get_by_role("button", name="Thông qua thẩm định").click()
    expect(page.locator(".badge.s-awaiting_approval")).to_be_visible()
    sign_out(page)

    sign_in(page, live, "dung")
    page.goto(clean)
    page.get_by_role("button", name="Phê duyệt").click()
    checkbox = page.locator("form#approve input[type=checkbox]")
    if checkbox.count():  # the leader's confirmation box, where the page asks for it
        checkbox.first.check()
        page.get_by_role("button", name="Phê duyệt").click()
    expect(page.locator(".badge.s-published")).to_be_visible()
    sign_out(page)

    page.goto(f"{live}/")
    page.get_by_role("link", name="Nhận tin qua RSS, Atom").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhận tin qua RSS, Atom và podcast")
    expect(page.locator("#feed-rss")).to_have_value(f"{live}/feeds/rss.xml")
    both_widths(page, "cong-nhan-tin-rss")
    raw = page.request.get(f"{live}/feeds/rss.xml").body()
    assert b"&#13;" not in raw
    entry = next(e for e in feedparser.parse(raw).entries if e.title == "Thu gom rác thải")
    assert entry.summary == "Lịch thu gom rác mới từ tháng 12."
    assert "\r" not in entry.content[0].value

    sign_in(page, live, "lan")
    page.goto(f"{live}/radio/log")
    start = page.get_by_label(re.compile("Từ ngày"))
    expect(start).to_have_attribute("type", "text")
    expect(start).to_have_attribute("placeholder", "dd/mm/yyyy")
    start.fill("01/12/2026")
    page.get_by_label(re.compile("Đến ngày")).fill("15/12/2026")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_label(re.compile("Từ ngày"))).to_have_value("01/12/2026")
    expect(page.locator("input[type=date]")).to_have_count(0)
    both_widths(page, "van-hanh-nhat-ky-ngay")
