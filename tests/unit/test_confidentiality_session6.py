"""Rules added after five more writers' bulletins (#15, session 6): each secret they carried,
each public framing they used, written as the scanner must judge it."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan


def _held(text: str, kind: str = "state_secret_topic") -> list:
    return [f for f in scan(text) if f.kind == kind and f.severity == "block"]


def _assert_sensitive_held(text: str, phrase: str) -> None:
    """The text is held for sensitive personal data, on a finding that covers the phrase."""
    found = _held(text, "sensitive_personal")
    assert found and any(phrase in f.text for f in found)


@pytest.mark.parametrize("text", [
    'Đêm 18/4 diễn tập, các tổ chốt nhớ: hỏi "Sóng bạc", đáp "Thuyền đầy".',
    "Trong các ca tuần tra, khi gặp nhau thì hỏi “Lúa chín”, đáp “Đồng xanh”; ai sai thì dừng.",
    "Tổ gác cổng đêm nay: hỏi «Sông Đà» thì phải đáp «Núi Tản».",
])
def test_a_quoted_challenge_and_password_is_a_secret(text: str) -> None:
    found = _held(text)
    assert len(found) == 1 and "hỏi – đáp" in found[0].reason
    assert "hỏi" in found[0].text and "đáp" in found[0].text


@pytest.mark.parametrize("text", [
    "Hỏi: “Thủ tục đăng ký kết hôn cần giấy tờ gì?” Đáp: “Mang căn cước đến UBND xã.”",
    "Chương trình hỏi đáp pháp luật phát sóng tối thứ Năm hằng tuần.",
    'Kẻ gian hỏi "mã OTP là gì", bà con đáp "không biết" rồi báo công an.',
    'Trò chơi dân gian: người thứ nhất hỏi "Rồng rắn đi đâu", cả nhóm đáp "Đi xin thuốc".',
])
def test_questions_and_answers_are_not_passwords(text: str) -> None:
    assert not _held(text)


@pytest.mark.parametrize("text", [
    "Liên quan đến việc thu sai quỹ, bà Mai Thị Yến, Hiệu trưởng Trường Tiểu học Đông Lãm, "
    "đang bị đề xuất khiển trách và có thể không được bổ nhiệm lại, hồ sơ còn chờ xem xét.",
])
def test_not_being_appointed_is_no_announcement(text: str) -> None:
    assert _held(text)


@pytest.mark.parametrize("text", [
    "Đại hội đã thông qua phương án nhân sự và bầu Ban Chấp hành gồm 15 chị; chị Y Thảo tái "
    "đắc cử Chủ tịch Hội.",
    "Tặng Giấy khen cho Trung đội dân quân cơ động và 5 cá nhân: Lầu A Sình, Quàng Văn Tươi đã "
    "hoàn thành xuất sắc nhiệm vụ trong diễn tập từ ngày 20 đến 22/10/2026.",
    "Công an xã thành lập 3 tổ tuần tra lưu động, mặc sắc phục, tuần tra khu vực chợ Xuân Hòa "
    "từ 20 giờ đến 24 giờ hằng đêm, từ ngày 10/2 đến 25/2/2026.",
    "Trạm Y tế xã cung cấp dịch vụ tư vấn, hỗ trợ cai nghiện tự nguyện tại gia đình, mọi "
    "thông tin được giữ kín.",
    "Khoảng 2 giờ sáng 9/10, tổ tuần tra Công an xã phát hiện, bắt quả tang hai đối tượng "
    "N.V.T (23 tuổi) và L.H.Đ (25 tuổi) đang trộm chó tại ấp Cầu Đúc.",
])
def test_public_framings_of_session_6(text: str) -> None:
    assert not _held(text)


def test_a_planned_catch_is_still_a_plan() -> None:
    assert _held("Công an xã đã xác định Hoàng Văn Tú (thôn Gò Mít) cung cấp ma túy đá, đang củng "
                 "cố chứng cứ, dự kiến bắt quả tang vào tối thứ Bảy tuần sau tại bến Gò Mít.")


def test_a_storm_titled_below_its_kind_line_frames_the_evacuation() -> None:
    body = ("Các hộ ở ngoài đê thôn Cồn Vành, Bến Nhàn (khoảng 86 hộ) sơ tán trước 17 giờ ngày "
            "20/7 đến Trường THCS Hội Khê và nhà văn hóa thôn Trung Lập.")
    assert not _held("THÔNG BÁO KHẨN\nChủ động ứng phó với cơn bão số 3\n" + body)
    assert not _held("Chủ động ứng phó với cơn bão số 3\n" + body)


@pytest.mark.parametrize(("text", "phrase"), [
    ("Trong số các em nhận học bổng có em Vũ Thị Ngọc, lớp 7 thôn Đông Trạch; bố em đang điều "
     "trị ARV nên không làm được việc nặng.", "ARV"),
    ("Trạm Y tế ghi nhận tấm gương như vợ của anh trưởng ban công tác Mặt trận thôn Nà Mòn, "
     "phát hiện nhiễm HIV từ năm 2019, đến nay vẫn nhận thuốc ARV hằng tháng.", "HIV"),
    ("Nguyên nhân do cậu con út của thầy, đang điều trị tâm thần phân liệt, đốt lửa trong buồng.",
     "tâm thần"),
])
def test_a_relative_is_an_identifiable_person(text: str, phrase: str) -> None:
    _assert_sensitive_held(text, phrase)


def test_a_disease_of_nobody_in_particular_stays_public() -> None:
    assert not _held("Người nhiễm HIV nếu điều trị ARV đều đặn vẫn sống khỏe; vợ hoặc chồng của "
                     "người nhiễm nên xét nghiệm định kỳ.", "sensitive_personal")


@pytest.mark.parametrize("text", [
    "(Trích Báo cáo số 21/BC-CAX – MẬT – Bản số 03: tình hình tuần.)",
    "KẾ HOẠCH BẢO VỆ (MẬT)",
    "Tài liệu: MẬT",
])
def test_an_upper_case_level_set_apart_is_a_stamp(text: str) -> None:
    assert [f for f in scan(text) if f.kind == "classification_marking" and f.text == "MẬT"]


@pytest.mark.parametrize("text", ["THÔNG BÁO – MẬT ONG HOA NHÃN XÃ VŨ DƯƠNG", "CÔNG KHAI BÍ MẬT"])
def test_an_upper_case_word_of_a_title_is_not(text: str) -> None:
    assert not [f for f in scan(text) if f.kind == "classification_marking"]


@pytest.mark.parametrize(("text", "phrase"), [
    ("Bà Sùng Thị Mai, trú tại thôn Tả Lình, là hộ nghèo. Đầu năm nay bà phát hiện ung thư cổ "
     "tử cung giai đoạn 3, đang xạ trị tại Bệnh viện K.", "ung thư"),
    ("Kêu gọi giúp đỡ bé Lường Thị Ngọc, 7 tuổi, bản Pá Mý. Bé mắc bệnh bạch cầu cấp, đang "
     "điều trị tại Bệnh viện Nhi Trung ương.", "bạch cầu"),
    ("2. Cao Văn Tiến, thôn Thượng Cầu; từng chấp hành án 3 năm tù về tội cố ý gây thương tích.",
     "chấp hành án"),
])
def test_what_befell_the_person_named_before(text: str, phrase: str) -> None:
    _assert_sensitive_held(text, phrase)


@pytest.mark.parametrize("text", [
    "Ông Trần Văn Ba chủ trì hội nghị. Bà con mắc lao phổi được cấp thuốc miễn phí.",
    "Bác sĩ Nguyễn Văn An cho biết trạm đã khám cho học sinh. Các em đang được điều trị lao "
    "phổi miễn phí tại trạm.",
    "Ông Lò Văn Pản phát biểu; anh em dân quân mắc sốt xuất huyết được nghỉ điều trị.",
    "Xã có 12 hộ nghèo; đang điều trị lao phổi 3 người.",
])
def test_everyone_is_nobody_in_particular(text: str) -> None:
    assert not _held(text, "sensitive_personal")
