"""A list as the reviewer sees it in Debian's chromium (#15, session 15): each line of a list
of people the police keep under watch is held, its reason saying that the list makes it one;
a list of households the commune helps is no such list."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in, sign_out
from tests.e2e.shots import shot
from tests.e2e.test_desk_review import draft

pytestmark = pytest.mark.e2e

WATCHED = ("Đối tượng quản lý ANCT quý I/2026 – xã Đăk Hà\n"
           "1. A Ró, 54 tuổi, làng Kon Jong – có quan hệ với số FULRO cũ, đi lại sang Gia Lai.\n"
           "2. Lê Quang Sơn, 45 tuổi, thôn Thống Nhất – hay viết đơn về đất cao su.\n"
           "Biện pháp: công an viên phụ trách thôn gặp gỡ hằng tháng.")
HELPED = ("Danh sách đối tượng bảo trợ xã hội được hỗ trợ thêm dịp Tết:\n"
          "1. Bà Nguyễn Thị Lài, 82 tuổi, thôn Tân Lý – người cao tuổi cô đơn.\n"
          "2. Anh Trương Văn Lành, thôn Vịnh Mốc – ngư dân mất tàu do bão.")


def test_the_reviewer_sees_each_line_of_a_watch_list_held(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    watched = draft(page, live, "Danh sách (trích)", WATCHED)
    helped = draft(page, live, "Thông báo hỗ trợ Tết", HELPED)
    sign_out(page)

    sign_in(page, live, "minh")
    page.goto(watched)
    lines = page.locator("#findings li.f-block", has_text="một dòng của danh sách")
    expect(lines).to_have_count(2)
    expect(lines.first).to_contain_text("danh mục BMNN lĩnh vực công an")
    # the mark covers the line's words, not its full stop (the form's lines end in "\r\n")
    expect(page.locator("mark.f-block", has_text="A Ró, 54 tuổi").first).to_have_text(
        "A Ró, 54 tuổi, làng Kon Jong – có quan hệ với số FULRO cũ, đi lại sang Gia Lai")
    expect(page.locator("mark.f-block", has_text="Lê Quang Sơn, 45 tuổi").first).to_be_visible()
    shot(page, "tham-dinh-danh-sach-doi-tuong-quan-ly")
    page.goto(helped)
    expect(page.locator("#findings li", has_text="Bí mật nhà nước")).to_have_count(0)
    sign_out(page)
