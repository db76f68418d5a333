"""User journeys in a real browser against a served Loa."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot, sign_in, sign_out

pytestmark = pytest.mark.e2e

TITLE = "Thông báo nhận hỗ trợ sau bão số 3"
SUMMARY = "Các hộ bị thiệt hại do bão số 3 đến trụ sở UBND xã nhận hỗ trợ từ ngày 02/12/2026."
BODY = ("UBND xã Vũ Dương thông báo: các hộ bị thiệt hại do bão số 3 đến nhận hỗ trợ tại "
        "trụ sở UBND xã từ 7h30 ngày 02/12/2026. Liên hệ anh Nam 0912 345 678.")


def test_from_draft_to_the_portal_and_the_radio(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    page.get_by_role("link", name="Viết bản tin").click()
    page.get_by_label("Tiêu đề").fill(TITLE)
    page.get_by_label("Tóm tắt").fill(SUMMARY)
    page.get_by_label("Nội dung").fill(BODY)
    page.get_by_label("Chủ đề").select_option("thong-bao-chung")
    shot(page, "bien-tap-viet-ban-tin")
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("Đã lưu bản nháp.")).to_be_visible()
    shot(page, "bien-tap-ban-nhap")
    page.get_by_role("button", name="Gửi thẩm định").click()
    expect(page.locator(".badge.s-in_review")).to_be_visible()
    bulletin_url = page.url
    page.get_by_role("link", name="Biên tập", exact=True).click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shot(page, "bien-tap-hang-doi")
    sign_out(page)

    sign_in(page, live, "minh")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shot(page, "tham-dinh-hang-doi")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("mark.f-block")).to_have_text("0912 345 678")
    shot(page, "tham-dinh-phat-hien")
    page.get_by_placeholder("Ghi chú lý do (bắt buộc)").first.fill(
        "Số của cán bộ phụ trách, đã đồng ý công khai")
    page.get_by_role("button", name="Không vi phạm").first.click()
    for label in ("Không có thông tin thuộc bí mật nhà nước",
                  "Không có dữ liệu cá nhân khi chưa có sự đồng ý",
                  "Thông tin đã được kiểm chứng", "Phù hợp để phát trên đài truyền thanh"):
        page.get_by_label(label).check()
    expect(page.locator("mark.resolved")).to_have_text("0912 345 678")
    page.locator("form.clear").scroll_into_view_if_needed()
    shot(page, "tham-dinh-danh-muc", full_page=True)
    page.get_by_role("button", name="Thông qua thẩm định").click()
    expect(page.locator(".badge.s-awaiting_approval")).to_be_visible()
    sign_out(page)

    sign_in(page, live, "dung")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shot(page, "lanh-dao-hang-doi")
    page.goto(bulletin_url)
    preview = page.locator("audio").first.get_attribute("src")
    answer = page.request.get(live + preview)
    assert answer.status == 200 and answer.headers["content-type"] == "audio/mpeg"
    shot(page, "lanh-dao-phe-duyet")
    page.get_by_label("Tôi đã đọc và xác nhận phê duyệt").check()  # what approval does
    page.get_by_role("button", name="Phê duyệt").click()
    expect(page.locator(".badge.s-published")).to_be_visible()
    sign_out(page)

    sign_in(page, live, "lan")
    for _ in range(60):
        page.goto(f"{live}/radio/")
        if page.locator("audio").count():
            break
        page.wait_for_timeout(500)
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải MP3").first.click()
    assert download.value.suggested_filename.endswith(".mp3")
    shot(page, "van-hanh-ban-dai")
    page.get_by_role("link", name="Lập chương trình").first.click()
    expect(page.get_by_text(TITLE)).to_be_visible()
    page.get_by_role("button", name="Lưu và dựng âm thanh").click()
    program_url = page.url
    for _ in range(120):
        if page.get_by_role("link", name="Tải MP3").count():
            break
        page.wait_for_timeout(500)
        page.goto(program_url)
    shot(page, "van-hanh-chuong-trinh")
    with page.expect_download() as program_mp3:
        page.get_by_role("link", name="Tải MP3").first.click()
    assert program_mp3.value.suggested_filename.endswith(".mp3")
    aired = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) - timedelta(minutes=5)
    page.get_by_label("Giờ bắt đầu thực tế (giờ Việt Nam)").fill(aired.strftime("%d/%m/%Y %H:%M"))
    page.get_by_label("Ghi chú").fill("Phát đủ, loa thôn 3 nghe rõ")
    page.get_by_role("button", name="Ghi vào nhật ký").click()
    expect(page.locator("td", has_text="Đã phát").first).to_be_visible()
    page.get_by_role("link", name="← Đài truyền thanh").click()
    page.get_by_role("link", name="Nhật ký phát sóng").click()
    expect(page.locator("td", has_text="Phát đủ, loa thôn 3 nghe rõ")).to_be_visible()
    shot(page, "van-hanh-nhat-ky")
    sign_out(page)

    page.goto(live + "/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shot(page, "cong-thong-tin")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    audio = page.locator("article audio")
    expect(audio).to_have_attribute("src", re.compile(r"/audio/\d+/[0-9a-f]{16}\.mp3$"))
    playable = page.evaluate("""async () => {
        const a = document.querySelector('article audio');
        a.muted = true; await a.play(); return a.duration;
    }""")
    assert playable > 5
    shot(page, "cong-ban-tin")
