"""The admin's journey in a real browser: accounts, the scanner's lists, the dictionary.

Its screenshots are pictures of the user guide (tests/e2e/shots.py).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot, sign_in, sign_out

pytestmark = pytest.mark.e2e

NEW_USER, NEW_NAME = "thu", "Đỗ Thị Thu"
NEW_PASSWORD = "VuDuong-bantin-2026"


def test_admin_sets_up_accounts_and_lists(live: str, page: Page) -> None:
    page.goto(f"{live}/login")
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    shot(page, "dang-nhap")

    sign_in(page, live, "admin")
    expect(page.get_by_role("heading", name="Tài khoản")).to_be_visible()
    page.get_by_text("Tạo tài khoản").click()  # the form is folded once accounts exist
    page.get_by_label("Tên đăng nhập").fill(NEW_USER)
    page.get_by_label("Họ tên").fill(NEW_NAME)
    page.locator("form").filter(has=page.get_by_role("button", name="Tạo")) \
        .get_by_label("Biên tập").check()
    page.get_by_role("button", name="Tạo", exact=True).click()
    secret = page.locator("code.secret")
    expect(secret).to_have_text(re.compile(r"\S{10,}"))
    one_time = secret.inner_text()
    shot(page, "quan-tri-tai-khoan")

    page.get_by_role("link", name="Quy tắc bảo mật").click()
    page.get_by_label("Cụm từ").fill("quy hoạch đất quốc phòng")
    page.get_by_label("Mức độ").select_option("block")
    page.get_by_label("Ghi chú cho người thẩm định").fill(
        "Hỏi ý kiến Ban Chỉ huy Quân sự xã trước khi đăng")
    page.get_by_role("button", name="Thêm quy tắc").click()
    expect(page.locator("td", has_text="quy hoạch đất quốc phòng")).to_be_visible()
    page.get_by_label("Số điện thoại / thư điện tử công khai").fill("0229 3868 115")
    page.locator("form").filter(has=page.get_by_role("button", name="Thêm vào danh sách")) \
        .get_by_label("Ghi chú").fill("Đường dây nóng UBND xã")
    page.get_by_role("button", name="Thêm vào danh sách").click()
    expect(page.locator("td", has_text="0229 3868 115")).to_be_visible()
    shot(page, "quan-tri-quy-tac")

    page.get_by_role("link", name="Từ điển đọc").click()
    for kind, written, spoken in (("abbreviation", "HTXNN", "hợp tác xã nông nghiệp"),
                                  ("pronunciation", "COVID", "cô vít")):
        page.get_by_label("Loại").select_option(kind)
        page.get_by_label("Viết là").fill(written)
        page.get_by_label("Đọc là").fill(spoken)
        page.get_by_role("button", name="Lưu", exact=True).click()
        expect(page.locator("td", has_text=spoken).first).to_be_visible()
    shot(page, "quan-tri-tu-dien")

    page.get_by_role("link", name="Nhạc hiệu").click()
    expect(page.get_by_role("heading", name="Nhạc hiệu và giọng đọc")).to_be_visible()
    shot(page, "quan-tri-nhac-hieu")

    page.goto(f"{live}/radio/")
    page.get_by_role("link", name="Khung giờ phát").click()
    expect(page.get_by_text("06:00").first).to_be_visible()
    shot(page, "quan-tri-khung-gio")
    sign_out(page)

    page.goto(f"{live}/login")
    page.get_by_label("Tên đăng nhập").fill(NEW_USER)
    page.get_by_label("Mật khẩu").fill(one_time)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Đổi mật khẩu")).to_be_visible()
    page.get_by_label("Mật khẩu hiện tại").fill(one_time)
    page.get_by_label("Mật khẩu mới", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu mới").fill(NEW_PASSWORD)
    shot(page, "doi-mat-khau")
    page.get_by_role("button", name="Lưu mật khẩu").click()
    expect(page.get_by_role("heading", name="Bàn biên tập")).to_be_visible()

    page.get_by_role("link", name="Hướng dẫn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("biên tập", re.I))
    expect(page.locator("article.guide img").first).to_be_visible()
    shot(page, "guide-in-app")  # a test artifact only: the guide as the app shows it
