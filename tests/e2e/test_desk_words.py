"""The desk as commune staff live it (issue #17): the page's language in every validator
message, the staff's words for technical values, the admin's pages, a phone-sized menu."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot, sign_in, sign_out

ENGLISH = re.compile(r"This field is required|Field must|Number must|Not a valid|Invalid ")
TITLE = "Thông báo lịch cắt điện ngày 20/12 tại thôn Đông"
BODY = ("Điện lực huyện thông báo cắt điện từ 7 giờ đến 11 giờ ngày 20/12 để bảo dưỡng "
        "đường dây. Đề nghị bà con chủ động sắp xếp công việc.")
#: the pages each role opens from the menu
PAGES = {
    "hoa": ["/desk/editor", "/desk/new", "/desk/all", "/desk/report", "/desk/calendar",
            "/desk/templates"],
    "minh": ["/desk/review", "/password"],
    "dung": ["/desk/approve", "/account/notifications"],
    "lan": ["/radio/"],
    "admin": ["/admin/users", "/admin/rules", "/admin/audio", "/admin/key-dates", "/radio/"],
}

#: visible table cells a phone would show without their column's name
UNLABELLED = """[...document.querySelectorAll('table:not(.calendar) tbody td:not([data-label])')]
    .filter(td => td.offsetParent !== null && td.innerText.trim()
                  && !td.parentElement.querySelector('th'))
    .map(td => td.innerText.trim().slice(0, 40))"""



def submit_without_browser_checks(page: Page, button: str) -> None:
    """Post what the browser's own checks would stop, as an old phone's browser does, and wait
    until the answer has loaded: a click waits only for the navigation to start, and a page
    read before the answer's errors arrive failed once under load."""
    page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=button, exact=True).click()


def test_validator_messages_follow_the_page_language(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    page.goto(f"{live}/desk/new")
    submit_without_browser_checks(page, "Lưu nháp")
    errors = page.locator(".error").all_inner_texts()
    assert "Cần điền ô này." in errors and not [e for e in errors if ENGLISH.search(e)]
    page.goto(f"{live}/password")
    page.get_by_label("Mật khẩu hiện tại").fill("x")
    page.get_by_label("Mật khẩu mới", exact=True).fill("ngắn")
    submit_without_browser_checks(page, "Lưu mật khẩu")
    errors = page.locator(".error").all_inner_texts()
    assert errors and not [e for e in errors if ENGLISH.search(e)], errors
    assert any("Cần từ 10 đến 200 ký tự." in e for e in errors), errors
    shot(page, "desk-words-loi-tieng-viet")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")  # before the next goto
    page.goto(f"{live}/desk/new")
    submit_without_browser_checks(page, "Save draft")
    errors = page.locator(".error").all_inner_texts()
    assert "This field is required." in errors, errors
    page.get_by_role("button", name="Tiếng Việt").click()



def test_the_browsers_own_checks_speak_the_page_language(live: str, page: Page) -> None:
    """This chromium's own language is English: without static/forms.js its bubbles say
    'Please fill out this field.' on Vietnamese pages (#17 item 4)."""
    sign_in(page, live, "hoa")
    page.goto(f"{live}/desk/new")
    page.get_by_label("Tiêu đề").fill("Thông báo họp thôn Đông")
    page.get_by_label("Nội dung").fill(BODY)
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("Đã lưu bản nháp.")).to_be_visible()
    page.wait_for_load_state()  # forms.js is deferred: the button is there before it runs
    comment = page.get_by_placeholder("Viết trao đổi cho cán bộ (không công khai)")
    page.locator("#comments").get_by_role("button", name="Gửi").click()
    assert comment.evaluate("e => e.validationMessage") == "Cần điền ô này."
    comment.fill("Nhờ chị xem lại giờ họp")  # typing clears the message
    assert comment.evaluate("e => e.validationMessage") == ""
    upload = page.locator("input[type=file]").first
    upload.locator("xpath=ancestor::form").get_by_role("button", name="Tải lên").click()
    assert upload.evaluate("e => e.validationMessage") == "Hãy chọn một tệp."
    number = page.evaluate("""() => {
        const form = document.querySelector('#comments form');
        const box = Object.assign(document.createElement('input'),
                                  {type: 'number', min: '1', max: '999', value: '0'});
        form.append(box); form.requestSubmit(); return box.validationMessage; }""")
    assert number == "Cần một số từ 1 đến 999."
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.wait_for_load_state()
    page.locator("#comments").get_by_role("button", name="Send").click()
    message = page.locator("#comments textarea").evaluate("e => e.validationMessage")
    assert message == "Please fill in this field.", message
    page.get_by_role("button", name="Tiếng Việt").click()
    sign_out(page)


def test_staff_words_with_the_details_one_click_away(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    page.goto(f"{live}/desk/new")
    page.get_by_label("Tiêu đề").fill(TITLE)
    page.get_by_label("Nội dung").fill(BODY)
    page.get_by_role("button", name="Lưu nháp").click()
    meta = page.locator("p.meta").first
    expect(meta).to_contain_text("Loa truyền thanh, Cổng thông tin · Tiếng Việt")
    expect(meta).not_to_contain_text("radio, web")
    page.get_by_role("button", name="Gửi thẩm định").click()
    expect(page.locator(".badge.s-in_review")).to_be_visible()
    url = page.url
    sign_out(page)

    sign_in(page, live, "minh")
    page.goto(url)
    for label in ("Không có thông tin thuộc bí mật nhà nước",
                  "Không có dữ liệu cá nhân khi chưa có sự đồng ý",
                  "Thông tin đã được kiểm chứng", "Phù hợp để phát trên đài truyền thanh"):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Thông qua thẩm định").click()
    expect(page.locator(".badge.s-awaiting_approval")).to_be_visible()
    sign_out(page)

    sign_in(page, live, "dung")
    page.goto(url)
    page.get_by_label("Tôi đã đọc và xác nhận phê duyệt").check()
    page.get_by_role("button", name="Phê duyệt").click()
    expect(page.locator(".badge.s-published")).to_be_visible()
    for _ in range(60):  # the audio job runs in the background
        page.goto(url)
        if page.locator(".voice").count():
            break
        page.wait_for_timeout(500)
    body = page.locator("main")
    expect(body).to_contain_text("Bản đã duyệt được niêm phong")
    expect(page.locator(".voice")).to_contain_text("Giọng đọc")
    hash_code = page.locator("details.tech code.hash")
    expect(hash_code).to_be_hidden()
    for jargon in ("Mã băm", "espeak", "LUFS", "system"):
        assert jargon not in body.inner_text(), jargon
    page.locator("details.tech summary").first.click()
    expect(hash_code).to_be_visible()
    assert re.fullmatch(r"[0-9a-f]{64}", hash_code.inner_text())
    for details in page.locator("details.tech").all():
        if not details.get_attribute("open"):
            details.locator("summary").click()
    expect(body).to_contain_text("espeak")
    expect(body).to_contain_text("LUFS")
    shot(page, "desk-words-chi-tiet-ky-thuat", full_page=True)


def test_admin_pages_in_plain_words(live: str, page: Page) -> None:
    sign_in(page, live, "admin")
    page.goto(f"{live}/admin/users")
    row = page.locator("tr", has=page.get_by_role("cell", name="hoa", exact=True))
    expect(row.get_by_role("button", name="Khóa tài khoản")).to_be_visible()
    expect(row.get_by_role("link", name="Mã truy cập API")).to_be_visible()
    lock_cell = row.locator("td", has=page.get_by_role("button", name="Khóa tài khoản"))
    expect(lock_cell).not_to_contain_text("API")
    # every role's box sits on the line of its label, and the label names it
    for box in row.locator(".role").all():
        label, check = box.locator("label"), box.locator("input")
        lb, cb = label.bounding_box(), check.bounding_box()
        assert abs((lb["y"] + lb["height"] / 2) - (cb["y"] + cb["height"] / 2)) < lb["height"]
        assert check.get_attribute("id") == label.get_attribute("for")
    page.locator("details.card summary").click()  # "Tạo tài khoản", folded once accounts exist
    page.get_by_label("Tên đăng nhập").fill("thu")
    page.get_by_label("Đơn vị").select_option(label="Phòng Kinh tế")
    page.locator("details.card").get_by_label("Biên tập").check()
    page.get_by_role("button", name="Tạo", exact=True).click()
    password = page.locator("code.secret").inner_text()
    assert re.fullmatch(r"[a-z2-9]{4}(-[a-z2-9]{4}){3}", password), password
    new_row = page.locator("tr", has=page.get_by_role("cell", name="thu", exact=True))
    expect(new_row.locator("td.unit")).to_have_text("Phòng Kinh tế")
    shot(page, "desk-words-tai-khoan", full_page=True)

    page.goto(f"{live}/admin/rules")
    built_in = page.locator("#co-san")
    expect(built_in.get_by_role("heading", name="Bộ phát hiện có sẵn")).to_be_visible()
    expect(built_in).to_contain_text("Số điện thoại cá nhân")
    expect(built_in).to_contain_text("Nghị định 13/2023/NĐ-CP")
    expect(page.locator("main")).not_to_contain_text("Chưa có quy tắc nào.")
    box = built_in.bounding_box()
    own = page.get_by_role("heading", name="Quy tắc riêng của xã").bounding_box()
    assert box["y"] < own["y"]
    shot(page, "desk-words-quy-tac", full_page=True)


def test_the_menu_on_a_phone_is_at_most_two_lines(live: str, page: Page) -> None:
    for name, paths in PAGES.items():
        page.set_viewport_size({"width": 1200, "height": 900})
        sign_in(page, live, name)
        page.goto(f"{live}{paths[0]}")
        nav = page.get_by_role("navigation", name="Điều hướng chính")
        expect(nav.get_by_role("button", name="Đăng xuất")).to_be_visible()  # wide: all shown
        expect(page.locator(".menu-button")).to_be_hidden()
        wide = nav.bounding_box()["height"]
        page.set_viewport_size({"width": 375, "height": 800})
        for path in paths:
            page.goto(f"{live}{path}")
            line = float(page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('header nav')).lineHeight)"))
            height = nav.bounding_box()["height"]
            assert height <= 2 * line + 16, (name, path, height, line)
            assert page.evaluate("document.documentElement.scrollWidth") <= 375, (name, path)
            assert page.evaluate(UNLABELLED) == [], (name, path)  # every table, not only radio
            if path == "/desk/report":  # a 'name: value' line reads left to right
                number = page.locator("table.numbers td:nth-child(2)").first
                assert number.evaluate("e => getComputedStyle(e).textAlign") == "left"
        # the menu opens without any script, and shows every link
        page.locator(".menu-button").click()
        expect(nav.get_by_role("button", name="Đăng xuất")).to_be_visible()
        expect(nav.get_by_role("link", name="Mật khẩu")).to_be_visible()
        if name == "admin":
            shot(page, "desk-words-menu-mo-375")
        page.locator(".menu-button").click()
        expect(nav.get_by_role("button", name="Đăng xuất")).to_be_hidden()
        if name == "hoa":
            shot(page, "desk-words-menu-375")
        assert wide < 3 * 40, wide
        page.context.clear_cookies()  # the sign-out button is folded away at this width


#: the browser's own date and time widgets, which speak the browser's locale
DATE_WIDGETS = ("input[type=date], input[type=datetime-local], input[type=time], "
                "input[type=month], input[type=week]")


def test_an_english_browser_shows_no_date_widget_of_its_own(live: str, browser) -> None:
    """An English Chrome drew mm/dd/yyyy and AM/PM in its date widgets beside our dd/mm/yyyy
    (#17): every date box is text, typed dd/mm/yyyy like the dates the pages show."""
    context = browser.new_context(locale="en-US", timezone_id="Asia/Ho_Chi_Minh",
                                  viewport={"width": 1200, "height": 900})
    page = context.new_page()
    try:
        assert page.evaluate("navigator.language") == "en-US"
        for name, paths in (("hoa", ["/desk/new", "/desk/all", "/desk/report"]),
                            ("admin", ["/admin/key-dates"]), ("lan", ["/radio/log"])):
            sign_in(page, live, name)
            for path in paths:
                page.goto(f"{live}{path}")
                assert page.locator(DATE_WIDGETS).count() == 0, path
                boxes = page.locator("input[placeholder^='dd/mm/yyyy']")
                assert boxes.count() >= 1, path
                for box in boxes.all():
                    assert box.get_attribute("type") == "text", path
                    hint = box.get_attribute("aria-describedby").split()[0]
                    expect(page.locator(f"#{hint}")).to_contain_text("dd/mm/yyyy")
            if name == "hoa":  # the report, typed by a person
                start = page.get_by_label("Từ ngày")
                start.fill("2026/12/01")  # the browser's own check, in the page's words
                page.get_by_role("button", name="Xem báo cáo").click()
                assert start.evaluate("e => e.validationMessage") == (
                    "Ngày theo dạng dd/mm/yyyy, ví dụ 05/12/2026")
                start.fill("31/02/2026")  # the form's: no such day
                page.get_by_role("button", name="Xem báo cáo").click()
                expect(page.locator("#from-error")).to_contain_text("Ngày không hợp lệ")
                expect(page.get_by_label("Từ ngày")).to_have_value("31/02/2026")
                page.get_by_label("Từ ngày").fill("01/12/2026")
                page.get_by_label("Đến ngày").fill("2026-12-15")  # ISO still read
                page.get_by_role("button", name="Xem báo cáo").click()
                expect(page.locator(".period")).to_contain_text("01/12/2026")
                expect(page.get_by_label("Đến ngày")).to_have_value("15/12/2026")
            context.clear_cookies()
    finally:
        context.close()
