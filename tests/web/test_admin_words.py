"""The admin's pages in the staff's words (issue #17, item 10)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from app.extensions import db
from bulletins import accounts
from tests.web.conftest import login, user

LOOK_ALIKES = set("0Oo1lIi")


def test_one_time_passwords_have_no_look_alike_characters():
    samples = [accounts.one_time_password() for _ in range(2000)]
    assert len(set(samples)) == len(samples)
    assert all(re.fullmatch(r"[a-z2-9]{4}(-[a-z2-9]{4}){3}", s) for s in samples)
    used = set("".join(samples).replace("-", ""))
    assert used & LOOK_ALIKES == set()
    assert used == set(accounts.OTP_ALPHABET)  # every symbol of the alphabet is drawn


def test_a_reset_password_is_readable_and_signs_in(app, client, users):
    with app.app_context():
        password = accounts.reset_password(db.session, None, user("editor"))
        db.session.commit()
    assert not set(password) & LOOK_ALIKES
    login(client, "editor", password)


class _Cells(HTMLParser):
    """The users table: per row, the text of each cell; and every label's for= and box ids."""

    def __init__(self):
        super().__init__()
        self.rows, self.fors, self.boxes, self._cell = [], [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag == "td" and self.rows:
            self._cell = []
        elif tag == "label" and re.match(r"roles?-", attrs.get("for", "")):
            self.fors.append(attrs["for"])
        elif tag == "input" and attrs.get("name") == "roles" and "id" in attrs:
            self.boxes.append(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_users_list_shows_units_and_keeps_lock_apart_from_api_keys(app, client, users):
    with app.app_context():
        accounts.create_user(db.session, None, "lan", ["editor"], "mat-khau-thu-2026", "Chị Lan",
                             unit_slug="phong-kinh-te")
        db.session.commit()
    login(client, "admin")
    html = client.get("/admin/users").get_data(as_text=True)
    cells = _Cells()
    cells.feed(html)
    lan = next(row for row in cells.rows if row and row[0] == "lan")
    assert "Phòng Kinh tế" in lan[2]
    account_cell = next(c for c in lan if "Khóa tài khoản" in c)
    assert "Mã truy cập API" not in account_cell
    assert any(c == "Mã truy cập API" for c in lan)
    assert ">Khóa<" not in html and "Khóa API" not in html
    assert cells.fors and sorted(cells.fors) == sorted(cells.boxes)  # each label names its box


def test_the_new_account_form_keeps_its_units_after_a_creation(client, users):
    login(client, "admin")
    page = client.post("/admin/users", data={"username": "hoa", "display_name": "Hoa",
                                              "unit": "phong-kinh-te", "roles": ["editor"]})
    text = page.get_data(as_text=True)
    assert "Mật khẩu dùng một lần" in text
    form = text[text.index('id="unit"'):text.index("</select>", text.index('id="unit"'))]
    assert "Phòng Kinh tế" in form


def test_rules_page_lists_the_built_in_detectors_above_the_admins_rules(client, users):
    login(client, "admin")
    text = client.get("/admin/rules").get_data(as_text=True)
    assert "Chưa có quy tắc nào." not in text
    built_in = text.index("Bộ phát hiện có sẵn")
    own = text.index("Quy tắc riêng của xã")
    assert built_in < own
    listed = text[built_in:own]
    for words in ("Dấu chỉ độ mật", "Số điện thoại cá nhân", "Số điện thoại công vụ",
                  "Nghị định 13/2023/NĐ-CP", "Luật BVBMNN 2018", "Cảnh báo", "Chặn"):
        assert words in listed
    client.post("/lang/en")
    english = client.get("/admin/rules").get_data(as_text=True)
    assert "Built-in detectors" in english and "Legal basis" in english
