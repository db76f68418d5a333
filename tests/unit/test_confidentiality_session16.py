"""What the scanner learnt in session 16 (#15): a person's criminal record counted as the police
count it ("có 2 tiền án") is that person's record even in a sentence that starts like a
campaign; a driver's measured alcohol level is a record of a violation; a named person's
failed finances ("mất khả năng chi trả", "cầm sổ đỏ") and leaving the Party (from train41) —
each with the ordinary text it must pass."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan


def _sensitive(text: str) -> list[str]:
    return [f.text for f in scan(text) if f.kind == "sensitive_personal" and f.severity == "block"]


@pytest.mark.parametrize("text", [
    "Tại buổi tuyên truyền pháp luật tối 5/3, ông Phan Văn Út, thôn Lăng Sứ, có 2 tiền án "
    "trộm cắp tài sản, đã say rượu gây rối.",
    "Hội nghị tổ dân phố nhắc anh Huỳnh Tấn Lộc, ấp Suối Muối, với 01 tiền sự về hành vi "
    "đánh bạc, giữ gìn trật tự.",
])
def test_a_counted_record_of_a_named_man_is_sensitive(text: str) -> None:
    found = _sensitive(text)
    assert any("tiền" in t for t in found), found


def test_a_record_told_after_the_semicolon_is_the_named_mans() -> None:
    text = ("1. Phạm Quốc Khải (31 tuổi, ấp Bãi Nam) làm nghề lái ca nô chở khách ra đảo; "
            "có 1 tiền án về tội trộm cắp tài sản.")
    assert "tiền án" in " ".join(_sensitive(text))


def test_a_drivers_measured_alcohol_level_is_sensitive() -> None:
    text = ("Ông Lê Văn Bảy, ấp Giồng Cát, điều khiển xe máy với nồng độ cồn 0,42 mg/lít khí "
            "thở, bị lập biên bản.")
    assert any("nồng độ cồn" in t for t in _sensitive(text))


@pytest.mark.parametrize("text", [
    "Xã hiện có 12 người có tiền án, tiền sự được giúp đỡ tái hòa nhập cộng đồng.",
    "Tuần qua, Công an xã lập biên bản 9 trường hợp vi phạm nồng độ cồn; đề nghị bà con đã "
    "uống rượu, bia thì không lái xe.",
    "Người điều khiển phương tiện có nồng độ cồn vượt mức 0,25 mg/lít khí thở bị phạt tiền "
    "từ 6 đến 8 triệu đồng.",
])
def test_counts_campaigns_and_the_law_are_not_a_persons_record(text: str) -> None:
    assert _sensitive(text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Bà Trần Thị Lan, ấp Long Phú, làm chủ hụi, nay mất khả năng chi trả khoảng 2,1 tỷ đồng.",
     "mất khả năng chi trả"),
    ("Gia đình ông Lò Văn Pấng, bản Nà Hẩu, phải cầm sổ đỏ 2.000 m2 đất vườn để trả nợ.",
     "cầm sổ đỏ"),
    ("Ông Nguyễn Văn Tư, thôn Đồng Quân, là đảng viên đã xin ra khỏi Đảng năm 2019.",
     "xin ra khỏi đảng"),
])
def test_a_named_persons_finances_and_party_exit_are_sensitive(text: str, words: str) -> None:
    assert any(words in t.lower() for t in _sensitive(text)), _sensitive(text)


def test_a_warning_about_pawning_land_papers_names_nobody() -> None:
    text = ("Công an xã khuyến cáo bà con cảnh giác với các dịch vụ cầm sổ đỏ vay tiền lãi "
            "cao trên mạng xã hội.")
    assert _sensitive(text) == []
