"""A person's sensitive facts as the reviewer sees them in Debian's chromium (#15, session 14):
what a victim of violence at home suffered is held with its own law; a mediation's record is no
state secret."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in, sign_out
from tests.e2e.shots import shot
from tests.e2e.test_desk_review import draft

pytestmark = pytest.mark.e2e

VICTIM = ("Ngày 02/6, Hội Phụ nữ xã tiếp nhận chị Lê Thị Hạnh, thôn Gò Găng, đến trình báo. Chị "
          "Hạnh bị chồng đánh đập nhiều lần, tay còn vết bầm; chị xin Hội giữ kín sự việc.")
MEDIATION = ("Kết quả: anh Hồ Văn Sang cam kết chấm dứt việc uống rượu; Tổ hòa giải giao Chi hội "
             "Phụ nữ thôn theo dõi gia đình anh Sang.")


def test_the_reviewer_sees_a_victims_facts_with_their_law(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    victim = draft(page, live, "Biên bản tiếp nhận", VICTIM)
    mediation = draft(page, live, "Biên bản hòa giải thôn Gò Găng", MEDIATION)
    sign_out(page)

    sign_in(page, live, "minh")
    page.goto(victim)
    held = page.locator("#findings li.f-block", has_text="bạo lực gia đình")
    expect(held.first).to_be_visible()
    expect(held.first).to_contain_text("Luật Phòng, chống bạo lực gia đình 2022")
    expect(page.locator("mark.f-block", has_text="bị chồng đánh đập").first).to_be_visible()
    shot(page, "tham-dinh-nan-nhan-bao-luc-gia-dinh")
    page.goto(mediation)
    expect(page.locator("#findings li", has_text="Bí mật nhà nước")).to_have_count(0)
    sign_out(page)
