"""The marks of a secret document as staff type them in a hurry (#15, session 13; the writers of
train38): levels without accents or with Telex keys left in, a stamp in a column of the
header, a level with an urgency or a second mark after it, a stamp told in words, handling
orders, the number of copies - each beside the ordinary text it must pass."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan

MARK = "classification_marking"


def marks(text: str) -> list[str]:
    return [f.text for f in scan(text) if f.kind == MARK and f.severity == "block"]


@pytest.mark.parametrize(("text", "mark"), [
    ("(trich bien ban kiem ke – TOI MAT) Ton kho: 18 sung AK, kho dat sau tru so.", "TOI MAT"),
    ("Gui VP: ban nay TOI MAT, chi dua y chinh len ban tin.", "TOI MAT"),
    ("Số: 41/BC-CAX        Độ mật: MAATJ\nBÁO CÁO tình hình khai thác vàng", "MAATJ"),
    ("ĐỘ MẶT: TỐI MẶT\nKết quả đánh giá cán bộ năm 2026", "ĐỘ MẶT: TỐI MẶT"),
    ("bc nhanh (mat) - to cong tac CAX dang theo doi thuyen cua Phan Van Sy", "(mat)"),
])
def test_a_level_typed_in_a_hurry_is_a_mark(text: str, mark: str) -> None:
    assert mark in marks(text)


@pytest.mark.parametrize("text", [
    "Mùa gặt này bà con tối mặt tối mũi với việc thu hoạch lúa.",  # busy, no stamp
    "Anh Minh bi mat dien thoai o cho, ai nhat duoc xin bao.",  # "bị mất", typed bare
    "Trò chơi “Ô CHỮ TUYỆT MẬT” dành cho thiếu nhi thu hút đông người tham gia.",
    "Người dẫn chương trình nói: đáp án là tuyệt mật, chỉ ông trưởng ấp biết.",
    "Đêm văn nghệ có một tiết mục \"tuyệt mật\" do Chi hội Phụ nữ dàn dựng.",
])
def test_the_same_words_in_ordinary_text_are_not(text: str) -> None:
    assert marks(text) == []


@pytest.mark.parametrize(("text", "mark"), [
    ("CÔNG AN XÃ BÌNH SEN                                   MẬT\nSố: 12/BC-CAX", "MẬT"),
    ("Số: 09/BC-UBND        MẬT        Bình Sen, ngày 05 tháng 10 năm 2026", "MẬT"),
    ("BAN CHỈ HUY PTDS TỈNH\tMẬT\nPHƯƠNG ÁN ứng phó lũ", "MẬT"),
    ("CÔNG AN XÃ CHÂU KHÊ – Số 05/BC-CAX – Mật/LHNB\nBáo cáo tình hình", "Mật"),
    ("Mật - Khẩn (Không phổ biến): Công an tỉnh bố trí 2 tổ trinh sát ở cửa khẩu.", "Mật"),
])
def test_a_level_in_the_header_s_column_or_beside_another_mark_is_a_mark(
        text: str, mark: str) -> None:
    assert any(found.startswith(mark) for found in marks(text)), marks(text)


def test_a_title_s_word_in_capitals_is_still_no_mark() -> None:
    assert marks("THÔNG BÁO MẬT ONG RỪNG U MINH ĐẠT CHỨNG NHẬN OCOP") == []


@pytest.mark.parametrize(("text", "mark"), [
    ("Văn phòng đánh máy lại từ bản giấy (đã đóng dấu Mật) để chuẩn bị thông báo.",
     "đóng dấu Mật"),
    ("[đoạn dán từ báo cáo CAX – VT lưu ý: đóng dấu mật, phát hành 03 bản]", "đóng dấu mật"),
    ("(Trích danh sách kèm CV 33/CAX, Không được sao chụp) Số đối tượng quản lý: 06 người.",
     "Không được sao chụp"),
    ("Tài liệu phát tại hội nghị ghi \"Thu hồi sau hội nghị\", trong đó nêu kế hoạch A2.",
     "Thu hồi sau hội nghị"),
    ("Nộp lại sau khi nghiên cứu\nKẾ HOẠCH bảo vệ mục tiêu", "Nộp lại sau khi nghiên cứu"),
    ("Chỉ gửi: đồng chí Bí thư Đảng ủy, đồng chí Chủ tịch UBND xã\nNội dung kết luận",
     "Chỉ gửi"),
    ("Dự thảo kết luận (Chỉ dành cho đ/c Bí thư): Ban Quản lý chợ thu sai phí.",
     "Chỉ dành cho đ/c"),
    ("(Độ mật: Mật; Số bản: 03): trong diễn tập, sở chỉ huy đặt tại đồi Khe Trằng.",
     "Số bản: 03"),
    ("Theo phụ lục kế hoạch (góc trên bên phải ghi Bản số 1): nhân dân sơ tán lên đồi chè.",
     "Bản số 1"),
])
def test_a_stamp_told_in_words_or_a_handling_order_is_a_mark(text: str, mark: str) -> None:
    assert any(mark in found for found in marks(text)), marks(text)


@pytest.mark.parametrize("text", [
    # the law taught at a training day: no paper stamped
    "Báo cáo viên hướng dẫn cách đóng dấu mật; quy định tài liệu mật không được sao chụp.",
    "Cán bộ đưa nhầm văn bản có dấu mật lên mạng đã bị xử lý kỷ luật năm trước.",
    "Số bản in: 2.000 tờ rơi tuyên truyền phòng chống sốt xuất huyết.",
    "Tờ rơi phát cho bà con, số bản: 500, in tại nhà in tỉnh.",
    "Chỉ gửi tiền qua tài khoản của Ủy ban, không đưa tiền mặt cho người lạ.",
    "Chuyến tham quan chỉ dành cho đồng chí cựu chiến binh của xã, đăng ký trước 20/12.",
])
def test_the_law_explained_and_ordinary_counts_are_not(text: str) -> None:
    assert marks(text) == []


def test_one_stamp_is_one_finding_with_both_reasons() -> None:
    found = [f for f in scan("TÀI LIỆU MẬT – KHÔNG SAO CHỤP\nTIN PHÁT THANH (dự thảo)")
             if f.kind == MARK]
    assert [f.text for f in found] == ["TÀI LIỆU MẬT – KHÔNG SAO CHỤP"]
    assert "Dấu chỉ độ mật" in found[0].reason and "Điều 11" in found[0].reason
