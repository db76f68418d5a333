"""Readings that depend on the words around them (#16): holidays written 'd-m', 'Đ/c',
landlines written with dots, legal document numbers without an added 'số'.

Same house style as test_normalize: northern usage (mồng, nghìn, linh), compared
case- and whitespace-insensitively.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audio.normalize import normalize_vi
from tests.unit.test_normalize import canon

Y2023 = "hai nghìn không trăm hai mươi ba"

HOLIDAYS: list[tuple[str, str]] = [
    ("ngày 30-4", "ngày ba mươi tháng tư"),
    ("dịp 30-4", "dịp ba mươi tháng tư"),
    ("dịp 2-9", "dịp mồng hai tháng chín"),
    ("Quốc khánh 2-9", "quốc khánh mồng hai tháng chín"),
    ("mừng Quốc khánh 2-9", "mừng quốc khánh mồng hai tháng chín"),
    ("lễ 30-4", "lễ ba mươi tháng tư"),
    ("kỷ niệm 19-5", "kỷ niệm mười chín tháng năm"),
    ("Sinh nhật Bác 19-5", "sinh nhật bác mười chín tháng năm"),
    ("Ngày Quốc tế Lao động 1-5", "ngày quốc tế lao động mồng một tháng năm"),
    ("Tết Thiếu nhi 1-6", "tết thiếu nhi mồng một tháng sáu"),
    ("mừng Đảng 3-2", "mừng đảng mồng ba tháng hai"),
    ("Ngày Thương binh - Liệt sĩ 27-7", "ngày thương binh liệt sĩ hai mươi bảy tháng bảy"),
    ("Chiến thắng Điện Biên Phủ 7-5", "chiến thắng điện biên phủ mồng bảy tháng năm"),
    ("Ngày Nhà giáo Việt Nam 20-11", "ngày nhà giáo việt nam hai mươi tháng mười một"),
    ("nghỉ lễ 30-4 và 1-5", "nghỉ lễ ba mươi tháng tư và mồng một tháng năm"),
    ("dịp 30-4, 1-5", "dịp ba mươi tháng tư, mồng một tháng năm"),
    ("Quốc khánh 2-9 năm 2023", f"quốc khánh mồng hai tháng chín năm {Y2023}"),
    ("dịp 30-4 năm nay", "dịp ba mươi tháng tư năm nay"),
    ("mồng 2-9", "mồng hai tháng chín"),
]

NOT_DATES: list[tuple[str, str]] = [
    ("từ 1-5 người", "từ một đến năm người"),
    ("tỷ số 2-1", "tỷ số hai một"),
    ("đội nhà thắng 2-1", "đội nhà thắng hai một"),
    ("nghỉ lễ 2-3 ngày", "nghỉ lễ hai đến ba ngày"),
    ("mỗi ngày 2-3 lần", "mỗi ngày hai đến ba lần"),
    ("mỗi ngày 2-3 cốc nước", "mỗi ngày hai đến ba cốc nước"),
    ("tối 7-9 giờ", "tối bảy đến chín giờ"),
    ("dịp 31-4", "dịp ba mươi mốt đến bốn"),  # April has no 31st
    ("dịp 30-2", "dịp ba mươi đến hai"),
    ("1-5", "một đến năm"),  # no holiday word: a range
    ("mừng thọ 70-80 tuổi", "mừng thọ bảy mươi đến tám mươi tuổi"),
]

COMRADES: list[tuple[str, str]] = [
    ("Đ/c Nguyễn Văn An", "đồng chí nguyễn văn an"),
    ("đ/c Hùng, Bí thư chi bộ", "đồng chí hùng, bí thư chi bộ"),
    ("Các đ/c cán bộ thôn", "các đồng chí cán bộ thôn"),
    ("Đ/C Chủ tịch UBND xã", "đồng chí chủ tịch ủy ban nhân dân xã"),
    ("(Đ/c Lan)", "đồng chí lan"),
    ("Đ/c: thôn Đông, xã Vũ Dương", "địa chỉ: thôn đông, xã vũ dương"),
]

LANDLINES: list[tuple[str, str]] = [
    ("0229.3868.204", "không hai hai chín, ba tám sáu tám, hai không bốn"),
    ("Điện thoại: 0229.3868.204", "điện thoại: không hai hai chín, ba tám sáu tám, hai không bốn"),
    ("(0229) 3868 204", "không hai hai chín, ba tám sáu tám, hai không bốn"),
    ("(0229).3868.204", "không hai hai chín, ba tám sáu tám, hai không bốn"),
    ("0229.3.868.204", "không hai hai chín, ba, tám sáu tám, hai không bốn"),
    ("024.38.25.35.36", "không hai bốn, ba tám, hai năm, ba năm, ba sáu"),
    ("(024) 38.25.35.36", "không hai bốn, ba tám, hai năm, ba năm, ba sáu"),
    ("Fax: (0229) 3.868.205", "fax: không hai hai chín, ba, tám sáu tám, hai không năm"),
    ("điện thoại 3868.204", "điện thoại ba tám sáu tám, hai không bốn"),
    ("máy bàn 3868204", "máy bàn ba tám sáu tám hai không bốn"),
    ("Trực ban: 0229.3868.204 hoặc 0912.345.678",
     "trực ban: không hai hai chín, ba tám sáu tám, hai không bốn hoặc "
     "không chín một hai, ba bốn năm, sáu bảy tám"),
    # a number after the phone is not swallowed into it
    ("0912 345 678 12 người", "không chín một hai, ba bốn năm, sáu bảy tám mười hai người"),
    # a dotted date is still a date, a dotted amount still an amount
    ("ngày 01.3.2024", "ngày mồng một tháng ba năm hai nghìn không trăm hai mươi tư"),
    ("3.868.204 đồng", "ba triệu tám trăm sáu mươi tám nghìn hai trăm linh bốn đồng"),
]

LEGAL: list[tuple[str, str]] = [
    ("Nghị định 13/2023/NĐ-CP", f"nghị định mười ba năm {Y2023} nghị định chính phủ"),
    ("Nghị định số 13/2023/NĐ-CP", f"nghị định số mười ba năm {Y2023} nghị định chính phủ"),
    ("theo nghị định 13/2023/NĐ-CP", f"theo nghị định mười ba năm {Y2023} nghị định chính phủ"),
    ("Thông tư 39/2020/TT-BTTTT", "thông tư ba mươi chín năm hai nghìn không trăm hai mươi "
     "thông tư bộ thông tin và truyền thông"),
    ("Thông tư liên tịch 01/2015/TTLT-BCA", "thông tư liên tịch một năm hai nghìn không trăm "
     "mười lăm thông tư liên tịch bộ công an"),
    ("Quyết định 1234/QĐ-UBND",
     "quyết định một nghìn hai trăm ba mươi tư trên quyết định ủy ban nhân dân"),
    ("Quyết định số 1234/QĐ-UBND",
     "quyết định số một nghìn hai trăm ba mươi tư trên quyết định ủy ban nhân dân"),
    ("Nghị quyết 57-NQ/TW", "nghị quyết năm mươi bảy nghị quyết trung ương"),
    ("Luật 15/2012/QH13",
     "luật mười lăm năm hai nghìn không trăm mười hai quốc hội khóa mười ba"),
    # administrative papers keep their 'số'; a bare number gets one
    ("Công văn 88/CV-UBND", "công văn số tám mươi tám trên công văn ủy ban nhân dân"),
    ("theo 72/KH-UBND", "theo số bảy mươi hai trên kế hoạch ủy ban nhân dân"),
]

CASES = HOLIDAYS + NOT_DATES + COMRADES + LANDLINES + LEGAL


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_context(text: str, expected: str) -> None:
    assert canon(normalize_vi(text)) == canon(expected)


_CUE = st.sampled_from(["dịp", "lễ", "mừng", "Quốc khánh", "ngày", "kỷ niệm", "thắng", "từ"])
_AFTER = st.sampled_from(["", " người", " năm 2026", " và 1-5", ", 2-9", " ngày", "."])


@settings(max_examples=200, deadline=None)
@given(_CUE, st.integers(0, 99), st.integers(0, 99), _AFTER)
def test_hyphen_pairs_never_leave_digits(cue: str, a: int, b: int, after: str) -> None:
    out = normalize_vi(f"{cue} {a}-{b}{after}")
    assert not any(c.isdigit() for c in out), out
