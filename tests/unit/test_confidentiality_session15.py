"""What the scanner learnt from the writers of train40 (#15, session 15): a list of the people
the police keep under watch, line by line; the police's "củng cố tài liệu" against a named
man; tuberculosis by its other ICD-10 names; a compensation plan posted for the people — each
with the ordinary text it must pass. And a roster's line stays a finding whatever the
classifiers think of its words."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan

WATCHED = ("DANH SÁCH (trích)\n"
           "Đối tượng quản lý ANCT quý I/2026 – xã Đăk Hà\n"
           "1. A Ró, 54 tuổi, làng Kon Jong – có quan hệ với số FULRO cũ, đi lại sang Gia Lai.\n"
           "2. Y Thương, 38 tuổi, thôn Đăk Xế – tham gia một nhóm đạo lạ, nhận tiền từ bên ngoài.\n"
           "Biện pháp: công an viên phụ trách thôn gặp gỡ hằng tháng.")


def _blocks(text: str, kind: str = "state_secret_topic") -> list:
    return [f for f in scan(text) if f.kind == kind and f.severity == "block"]


def test_each_line_of_a_watch_list_is_a_security_secret() -> None:
    found = _blocks(WATCHED)
    texts = {f.text for f in found}
    assert any(t.startswith("A Ró, 54 tuổi, làng Kon Jong") for t in texts)
    assert any(t.startswith("Y Thương, 38 tuổi, thôn Đăk Xế") for t in texts)
    # a line with no word of its own is one by the list it stands in, and its reason says so
    line = next(f for f in found if f.text.startswith("A Ró"))
    assert "an ninh" in line.reason and "một dòng của danh sách" in line.reason


def test_a_lines_finding_ends_with_its_words_when_lines_end_in_crlf() -> None:
    # a browser's form sends its lines ending in "\r\n"
    found = _blocks(WATCHED.replace("\n", "\r\n"))
    assert "A Ró, 54 tuổi, làng Kon Jong – có quan hệ với số FULRO cũ, đi lại sang Gia Lai" in {
        f.text for f in found}


@pytest.mark.parametrize("text", [
    # a list of people the commune helps: their hardship is no watch
    "THÔNG BÁO\nDanh sách đối tượng bảo trợ xã hội được hỗ trợ thêm dịp Tết\n"
    "1. Bà Nguyễn Thị Lài, 82 tuổi, thôn Tân Lý – người cao tuổi cô đơn.\n"
    "2. Anh Trương Văn Lành, thôn Vịnh Mốc – ngư dân mất tàu do bão.",
    # a wanted notice names its men on purpose
    "THÔNG BÁO TRUY NÃ\nCông an tỉnh truy nã các đối tượng nghi vấn sau:\n"
    "1. Lò Văn Sáng, 31 tuổi, bản Nà Khoang – về tội mua bán trái phép chất ma túy.",
])
def test_a_list_of_people_in_public_is_no_watch_list(text: str) -> None:
    assert not _blocks(text)


def test_evidence_gathered_against_a_named_man_is_a_secret() -> None:
    text = ("Nội dung:\n2. Anh Trần Văn Quyết (trú thôn 4) đang bị củng cố tài liệu về việc đưa "
            "người sang Lào làm thuê.")
    assert any("Trần Văn Quyết" in f.text for f in _blocks(text))


def test_tuberculosis_by_its_other_names_is_a_persons_health() -> None:
    text = ("Phát hiện 2 ca mắc mới: ông A Đen, 61 tuổi, thôn Kon Gung – lao hạch; "
            "anh Nguyễn Văn Toàn, 40 tuổi, thôn Thống Nhất – lao màng phổi.")
    texts = " ".join(f.text for f in _blocks(text, "sensitive_personal"))
    assert "lao hạch" in texts and "lao màng phổi" in texts


def test_a_count_of_tuberculosis_cases_names_nobody() -> None:
    assert not _blocks("Năm 2026 toàn xã ghi nhận 3 ca lao màng phổi, đều được điều trị "
                       "miễn phí theo Chương trình chống lao quốc gia.", "sensitive_personal")


PRICES = ("Theo phương án, mức bồi thường cây cao su đang khai thác là 280.000 đồng/cây, giá "
          "đất trồng cây lâu năm 60.000 đồng/m².")


def test_a_compensation_plan_posted_for_the_people_is_public() -> None:
    text = ("THÔNG BÁO\nNiêm yết công khai phương án bồi thường dự án Hồ chứa nước Đăk Uy 2\n"
            "UBND xã niêm yết phương án tại nhà văn hóa các thôn từ ngày 5/5 đến 25/5/2026. "
            + PRICES)
    assert not _blocks(text)


def test_a_compensation_plan_not_yet_posted_is_a_secret() -> None:
    text = ("DỰ THẢO\nPhương án bồi thường dự án Hồ chứa nước Đăk Uy 2 (chưa niêm yết công khai)\n"
            "Đang xin ý kiến các ngành trước khi trình UBND tỉnh phê duyệt. " + PRICES)
    assert any(f.text.startswith("Theo phương án") for f in _blocks(text))
