"""The desk's tools in a real browser: templates, search, calendar, e-mail choice, the report.

An editor keeps a recurring notice as a template and drafts from it; she finds it again by
typing without tone marks; the calendar shows the plan's key dates; a leader reads the
implementation report and downloads it as a workbook; the admin moves a congress date.
"""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from bulletins import clock
from tests.e2e.conftest import shot, sign_in, sign_out

TITLE = "Lịch tiêm chủng mở rộng tháng 12 tại Trạm Y tế xã"
BODY = ("Trạm Y tế xã tổ chức tiêm chủng mở rộng cho trẻ em dưới một tuổi vào sáng thứ Bảy. "
        "Đề nghị các gia đình đưa trẻ đến đúng giờ và mang theo sổ tiêm chủng.")


def test_template_search_and_calendar_for_an_editor(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    page.goto(f"{live}/desk/templates")
    page.get_by_role("link", name=re.compile("Tạo mẫu")).click()
    page.get_by_label("Tên mẫu").fill("Lịch tiêm chủng hằng tháng")
    page.get_by_label("Tiêu đề").fill(TITLE)
    page.get_by_label("Nội dung").fill(BODY)
    page.get_by_role("button", name="Lưu mẫu").click()
    expect(page.get_by_role("cell", name="Lịch tiêm chủng hằng tháng")).to_be_visible()
    shot(page, "bien-tap-mau")

    page.get_by_role("link", name="Dùng mẫu").first.click()
    expect(page.get_by_label("Tiêu đề")).to_have_value(TITLE)
    page.get_by_label("Chủ đề").select_option(label="Thông báo chung")
    page.get_by_label("Đơn vị").select_option(label="Phòng Văn hóa - Xã hội")
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    page.get_by_role("button", name="Gửi thẩm định").click()
    expect(page.locator(".badge.s-in_review")).to_be_visible()

    page.goto(f"{live}/desk/all")
    page.get_by_role("searchbox").fill("tiem chung tram y te")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Tìm thấy 1 bản tin")
    marks = page.locator("table.results mark").all_inner_texts()
    assert {"tiêm", "chủng", "Trạm", "Y", "tế"} <= set(marks), marks
    shot(page, "bien-tap-tim-kiem")

    page.goto(f"{live}/desk/calendar?month=2026-09")
    expect(page.get_by_role("heading", name="Lịch tháng 09/2026")).to_be_visible()
    expect(page.locator("table").first).to_contain_text("Quốc khánh")
    shot(page, "bien-tap-lich")

    page.get_by_role("link", name="Thông báo thư").click()
    page.get_by_label("Địa chỉ thư điện tử").fill("hoa@xa.gov.vn")
    page.get_by_label("Gửi một thư tổng hợp mỗi ngày").check()
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_label("Địa chỉ thư điện tử")).to_have_value("hoa@xa.gov.vn")
    expect(page.get_by_label("Gửi một thư tổng hợp mỗi ngày")).to_be_checked()
    shot(page, "thong-bao-thu")


def test_leader_reads_and_downloads_the_report(live: str, page: Page) -> None:
    sign_in(page, live, "minh")  # the reviewer clears the editor's bulletin
    page.get_by_role("link", name=TITLE).click()
    for label in ("Không có thông tin thuộc bí mật nhà nước",
                  "Không có dữ liệu cá nhân khi chưa có sự đồng ý",
                  "Thông tin đã được kiểm chứng", "Phù hợp để phát trên đài truyền thanh"):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Thông qua thẩm định").click()
    expect(page.locator(".badge.s-awaiting_approval")).to_be_visible()
    sign_out(page)

    sign_in(page, live, "dung")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label("Tôi đã đọc và xác nhận phê duyệt").check()  # what approval does
    page.get_by_role("button", name="Phê duyệt").click()
    expect(page.locator(".badge.s-published")).to_be_visible()
    page.get_by_role("link", name="Báo cáo").click()
    expect(page.get_by_role("heading", name="Báo cáo kết quả thực hiện")).to_be_visible()
    year = clock.local_today().year  # this year's report, on whatever day the suite runs
    page.get_by_label("Từ ngày").fill(f"01/01/{year}")
    page.get_by_label("Đến ngày").fill(f"31/12/{year}")
    page.get_by_role("button", name="Xem báo cáo").click()
    expect(page.locator("svg.chart").first).to_be_visible()
    topics = page.locator("section").filter(
        has=page.get_by_role("heading", name="Theo chủ đề", exact=True))
    expect(topics.get_by_role("row").filter(has_text="Thông báo chung")).to_have_text(
        re.compile(r"Thông báo chung\s*1$"))
    shot(page, "lanh-dao-bao-cao", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert len(workbook.sheetnames) >= 2, workbook.sheetnames


def test_admin_moves_a_tentative_congress_date(live: str, page: Page) -> None:
    sign_in(page, live, "admin")
    page.goto(f"{live}/admin/key-dates")
    congress = page.get_by_role("link", name=re.compile("Đại hội Thi đua yêu nước"))
    congress.click()
    page.get_by_label("Ngày", exact=True).fill("05/12/2026")
    page.get_by_label("Ngày dự kiến, chưa chính thức").uncheck()
    page.get_by_label("Ghi chú").fill("Theo thông báo chính thức của tỉnh.")
    page.get_by_role("button", name=re.compile("Lưu")).click()
    row = page.get_by_role("row").filter(has_text="Đại hội Thi đua yêu nước")
    expect(row).to_contain_text("05/12/2026")
    expect(row.get_by_role("cell").first).not_to_contain_text("dự kiến")
    expect(row).to_contain_text("Theo thông báo chính thức của tỉnh.")
    shot(page, "quan-tri-ngay-can-nho")
