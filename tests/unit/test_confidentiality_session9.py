"""What the scanner learnt from the writers of train14 (#15): where a tracked person is, who
denounced, the police by their abbreviations, and a person's fact in words it did not know."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan


def _found(text: str) -> set[tuple[str, str]]:
    return {(f.kind, f.text) for f in scan(text)}


def test_a_tracked_persons_whereabouts_are_part_of_the_location_finding() -> None:
    text = ("Qua định vị số điện thoại, anh Lầu Bá Tủa hiện ở khu trọ số 14 đường ĐT743, "
            "phường Tân Đông Hiệp. Đề nghị gia đình liên hệ.")
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert len(found) == 1
    assert found[0].text.startswith("định vị số điện thoại")
    assert found[0].text.endswith("phường Tân Đông Hiệp")
    assert "vị trí" in found[0].reason or "đi lại" in found[0].reason


def test_the_denouncers_name_is_a_secret_with_its_basis() -> None:
    text = ("UBND xã thông báo: ngày 06/01/2026 đã nhận đơn tố cáo đề ngày 02/01/2026 của ông "
            "Phí Văn Tùng, trú tại thôn Phượng Lâu.")
    found = [f for f in scan(text) if f.kind == "state_secret_topic"]
    assert len(found) == 1 and "ông Phí Văn Tùng" in found[0].text
    assert "Luật Tố cáo 2018, Điều 47" in found[0].reason
    assert "QĐ 774/QĐ-TTg" in found[0].reason


@pytest.mark.parametrize("text", [
    "Người tố cáo phải trình bày trung thực nội dung tố cáo.",
    "Luật Tố cáo quy định giữ bí mật họ tên, địa chỉ của người tố cáo.",
])
def test_the_law_on_denouncers_names_nobody(text: str) -> None:
    assert not scan(text)


@pytest.mark.parametrize("agent", ["CA xã", "CAX", "Công an xã"])
def test_the_police_by_their_abbreviation_watch_a_named_person(agent: str) -> None:
    text = f"{agent} đề nghị theo dõi liên lạc qua điện thoại của ông Kiều Văn Sáng."
    assert [f.kind for f in scan(text)] == ["state_secret_topic"]


@pytest.mark.parametrize(("text", "fact"), [
    ("3. Vi Văn Sáu, 52 tuổi, bản Na Lươn – cụt 1 chân do mìn, mức nặng;", "cụt 1 chân"),
    ("Em Ngân Thị Xoan, lớp 1A: suy dinh dưỡng thể thấp còi nặng.", "suy dinh dưỡng"),
    ("Hộ chị Vi Thị Nguyệt nợ lãi 11 kỳ, đã 3 lần hẹn không trả.", "nợ lãi"),
    ("Hộ ông Bùi Văn Sấu, thôn Đông, dư nợ 48 triệu đồng.", "dư nợ"),
])
def test_a_named_persons_fact_in_words_of_this_batch(text: str, fact: str) -> None:
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert found and fact in found[0].text


@pytest.mark.parametrize("text", [
    "Dư nợ cho vay hộ nghèo toàn xã đạt 12 tỷ đồng, tăng 8% so với năm trước.",
    "Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi của xã giảm còn 14%.",
])
def test_the_same_words_of_nobody_are_no_finding(text: str) -> None:
    assert not scan(text)


def test_a_teachers_illness_said_of_her_by_pronoun() -> None:
    """"Cô" (a teacher, an aunt) is the subject of what befell the person named before."""
    text = ("Cô Vi Thị Hồng (giáo viên Trường Mầm non Pù Lâm) gắn bó với các cháu vùng cao đã "
            "14 năm. Tháng 4 vừa rồi cô phát hiện ung thư vú giai đoạn 3, đã phẫu thuật.")
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert found and "ung thư vú" in found[0].text
    assert not [f for f in scan("Cô giáo chủ nhiệm phát hiện nhiều em bị cận thị.")
                if f.kind == "sensitive_personal"]


def test_a_suspects_birth_year_is_part_of_the_secret_a_full_date_is_not() -> None:
    watch = ("Công an xã đã bố trí trinh sát theo dõi Lò Văn Sáng, SN 1991, bản Nà Hừ, nghi mua "
             "bán ma túy qua đường mòn mốc 258 từ tối 12/5.")
    found = scan(watch)
    assert [f.kind for f in found] == ["state_secret_topic"] and "SN 1991" in found[0].text
    dated = watch.replace("SN 1991", "sinh ngày 12/3/1991")
    assert ("date_of_birth", "12/3/1991") in _found(dated)
    assert ("date_of_birth", "1991") in _found("Anh Lò Văn Sáng, SN 1991, bản Nà Hừ, xin xác "
                                               "nhận hộ nghèo.")


def test_marks_end_on_the_words_when_a_browser_sent_crlf() -> None:
    """A browser's form sends "\\r\\n": a mark stops before the full stop all the same."""
    text = ("Ngày 06/01/2026 xã đã nhận đơn tố cáo của ông Phí Văn Tùng, thôn Phượng Lâu.\r\n"
            "Qua định vị số điện thoại, anh Lầu Bá Tủa hiện ở khu trọ số 14 đường ĐT743.\r\n"
            "Bà con chú ý.")
    found = {f.kind: f.text for f in scan(text)}
    assert found["state_secret_topic"].endswith("thôn Phượng Lâu")
    assert found["sensitive_personal"].endswith("đường ĐT743")
    assert "Luật Tố cáo" in next(f.reason for f in scan(text) if f.kind == "state_secret_topic")


def test_a_person_called_later_by_the_given_name() -> None:
    """"Hiện Khăm vẫn … uống methadone": Khăm is anh Vì Văn Khăm, named in full before."""
    text = ("Đoàn xã kèm cặp anh Vì Văn Khăm (27 tuổi) vừa trở về. Hiện Khăm vẫn đến điểm cấp "
            "phát thuốc của Trạm Y tế xã uống methadone mỗi sáng, liều đang giảm dần.")
    assert ("sensitive_personal", "methadone") in _found(text)
    nobody = ("Đoàn xã thăm anh Vì Văn Khăm (27 tuổi). Trạm Y tế xã cấp methadone mỗi sáng cho "
              "người bệnh trong xã.")
    assert not [f for f in scan(nobody) if f.kind == "sensitive_personal"]


def test_a_lender_at_usury_is_no_borrowers_debt() -> None:
    lender = "Võ Văn Tý, thôn Hòn Trâu: cho vay nặng lãi."
    assert not [f for f in scan(lender) if f.kind == "sensitive_personal"]
    borrower = "Chị Tòng Thị Phương, bản Nậm Khoang, vay nặng lãi qua ứng dụng, nợ gốc 80 triệu."
    assert [f for f in scan(borrower) if f.kind == "sensitive_personal"]


def test_a_named_persons_room_is_where_to_find_him() -> None:
    text = "Theo bạn cùng làm, anh Giàng A Chá hiện ở phòng trọ số 7, dãy trọ bà Tư, hẻm 112."
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert found and found[0].text.startswith("phòng trọ số 7")
    assert not [f for f in scan("Công an xã kiểm tra 12 phòng trọ số lẻ khu Phú Xá.")
                if f.kind == "sensitive_personal"]
